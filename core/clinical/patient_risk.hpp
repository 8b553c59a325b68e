// A patient's readmission risk as the chart header and the Patients screen show it: the LACE index
// of the patient's latest discharge that opened a transition of care, while that discharge is less
// than 30 days old. LACE predicts death or unplanned readmission within 30 days of discharge
// (van Walraven C et al., CMAJ 2010;182(6):551-557), so an older score no longer says anything and
// the patient is shown as not scored.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>

#include "core/civil_date.hpp"

namespace core {

struct Encounter;
struct Patient;
struct State;

// van Walraven 2010: the index predicts outcomes within 30 days after discharge.
constexpr int kLaceHorizonDays = 30;

enum class RiskLevel { NotScored, Incomplete, Lower, High };

struct PatientRisk {
  RiskLevel level = RiskLevel::NotScored;
  std::optional<int> lace;             // the total, when no input is missing
  std::optional<CivilDate> discharged;  // the discharge the score is about
  int missing_inputs = 0;
};

// In words for a coordinator, e.g. "High readmission risk (LACE 12, discharged 2026-11-20)".
std::string describe(const PatientRisk& risk);
const char* risk_level_name(RiskLevel level);  // "high", "lower", "incomplete", "not scored"

PatientRisk patient_risk(const State& state, const Patient& patient, CivilDate today);
// Every patient with a scored discharge, by patient id, in one pass over the encounters; a patient
// not in the map is not scored.
std::unordered_map<std::string, PatientRisk> panel_risks(const State& state, CivilDate today);

}  // namespace core
