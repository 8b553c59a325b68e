// The LACE index of a hospital stay: the risk of death or unplanned readmission within 30 days
// of discharge. Source: van Walraven C, Dhalla IA, Bell C, et al., "Derivation and validation of
// an index to predict early death or unplanned readmission after discharge from hospital to the
// community", CMAJ 2010;182(6):551-557. L: length of stay; A: acute (emergent) admission;
// C: Charlson comorbidity index (core/clinical/charlson.hpp); E: emergency department visits in
// the 6 months before admission. Total 0 to 19.
#pragma once
#include "core/clinical/risk_score.hpp"

namespace core {

struct State;

// Gruneir A, Dhalla IA, van Walraven C, et al., "Unplanned readmissions after hospital discharge
// among patients identified as being at high risk for readmission using a validated predictive
// algorithm", Open Med 2011;5(2):e104-e111: a LACE score of 10 or more marks high risk.
constexpr int kLaceHighRisk = 10;

// Points of each input (van Walraven 2010, Table 2 / the LACE index).
int lace_length_of_stay_points(int days);
int lace_charlson_points(int charlson);
int lace_emergency_visit_points(int visits);

// Inputs named "Length of stay", "Acute admission", "Comorbidity (Charlson index)",
// "Emergency visits in the 6 months before admission". risk: "high" or "lower".
RiskScore lace_index(const State& state, const Encounter& stay);

}  // namespace core
