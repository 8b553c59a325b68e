// Readmissions within 30 days: an inpatient admission that begins within 30 days after the same
// patient's previous inpatient discharge is flagged, and counted per patient and for the clinic.
// Source: CMS Hospital Readmissions Reduction Program, 42 CFR 412.152 ("readmission": an
// admission to a hospital within 30 days of a discharge from the same or another hospital).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"

namespace core {

struct Encounter;
struct Patient;
struct State;

constexpr int kReadmissionWindowDays = 30;  // 42 CFR 412.152

struct Readmission {
  const Encounter* stay = nullptr;        // the readmission
  const Encounter* readmits = nullptr;    // the earlier stay whose discharge it follows
  int days_after_discharge = 0;           // 0 (same day) to 30
};

// The earlier discharge this inpatient stay readmits (the latest one on or before its
// admission), or nullopt.
std::optional<Readmission> readmission_of(const State& state, const Encounter& stay);
// Every flagged readmission, by admission date.
std::vector<Readmission> readmissions(const State& state);

// Inpatient stays discharged in [from, to], and how many of them were followed by a readmission
// within 30 days (known so far).
struct ReadmissionCount {
  int discharges = 0;
  int readmitted = 0;
  double rate() const { return discharges == 0 ? 0.0 : double(readmitted) / double(discharges); }
};
ReadmissionCount count_readmissions(const State& state, CivilDate from, CivilDate to);  // the whole clinic
ReadmissionCount count_readmissions(const State& state, const Id<Patient>& patient, CivilDate from, CivilDate to);
// One coordinator's patients (in_caseload, core/clinical/caseload_figures.hpp); the whole clinic when empty.
ReadmissionCount count_readmissions(const State& state, CivilDate from, CivilDate to, const std::string& coordinator);

}  // namespace core
