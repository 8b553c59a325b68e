// A deterministic synthetic clinic for benchmarks and tests: patients spread over coordinators,
// practitioners with working hours, a year of appointments (half behind, half ahead of `today`),
// tasks, contacts, referrals and care plans, in a State built directly (no journal), so a clinic
// of 10,000 patients is ready in seconds. The same seed gives the same clinic on every platform.
#pragma once
#include <cstdint>

#include "core/state.hpp"

namespace synthetic {

struct ClinicSize {
  int patients = 1000;
  std::uint32_t seed = 1;
  core::CivilDate today{date::year{2026}, date::November, date::day{30}};
};

struct Clinic {
  core::State state;
  int practitioners = 0;
  int coordinators = 0;
  int appointments = 0;
};

Clinic generate_clinic(const ClinicSize& size);

std::string coordinator_name(int k);     // "coordinator-1", ...
std::string practitioner_id(int k);      // ids of the generated practitioners

}  // namespace synthetic
