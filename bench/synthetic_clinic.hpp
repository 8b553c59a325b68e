// A deterministic synthetic clinic for benchmarks and tests: N patients with ten-year histories
// (conditions, medications, allergies, family history, social factors, care team, care plans with
// goals, interventions and tasks, encounters with hospital stays, measurements, notes, coverages
// with prior authorizations, referrals) and a year of appointments (half behind, half ahead of
// `today`) over practitioners with working hours. The kinds come in roughly the proportions of the
// Synthea fixtures (per patient there, ~90 observations, ~29 encounters, ~18 procedures, ~7
// documents, ~6 medication requests, ~5 conditions, ~4 allergies, ~3 care plans over a lifetime),
// scaled to ten years. The State is built the way snapshot loading builds it (apply() of one
// Change per record, no journal, no file I/O), so 50,000 patients take seconds, and every record
// passes validation (tests/core/synthetic_clinic_test.cpp checks it). The same seed gives the same
// clinic, byte for byte, on every platform. As in a store made over years, a patient's records
// are not neighbours in id order, the order in which tables are read and stored.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

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
  long long records = 0;  // every record made, of every kind
};

// Called after each block of patients with how many are done, for progress output.
using Progress = std::function<void(int patients_done)>;

Clinic generate_clinic(const ClinicSize& size, const Progress& progress = {});

std::string coordinator_name(int k);  // "coordinator-1", ...
std::string practitioner_id(int k);   // ids of the generated practitioners
std::string patient_id(int i);        // ids of the generated patients, i in [0, patients)
std::string patient_mrn(int i);       // their MRNs

}  // namespace synthetic
