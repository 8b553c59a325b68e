// The readmission risk of a patient and of the whole panel (see patient_risk.hpp).
#include "core/clinical/patient_risk.hpp"

#include "core/clinical/lace.hpp"
#include "core/clinical/transitions.hpp"
#include "core/state.hpp"

namespace core {
namespace {

// Whether the stay is a discharge inside the LACE horizon, today counting as day 0.
bool recent_discharge(const Encounter& e, CivilDate today) {
  if (e.deleted || !opens_transition_episode(e) || !e.discharge_date) return false;
  const int days = days_from(*e.discharge_date, today);
  return days >= 0 && days < kLaceHorizonDays;
}

bool later(const Encounter& a, const Encounter* b) {
  return !b || *a.discharge_date > *b->discharge_date ||
         (*a.discharge_date == *b->discharge_date && a.id.value > b->id.value);
}

PatientRisk score(const State& state, const Encounter& stay) {
  const RiskScore lace = lace_index(state, stay);
  PatientRisk risk;
  risk.discharged = stay.discharge_date;
  risk.lace = lace.total;
  risk.missing_inputs = static_cast<int>(lace.missing.size());
  if (!lace.total)
    risk.level = RiskLevel::Incomplete;
  else
    risk.level = *lace.total >= kLaceHighRisk ? RiskLevel::High : RiskLevel::Lower;
  return risk;
}

}  // namespace

const char* risk_level_name(RiskLevel level) {
  switch (level) {
    case RiskLevel::High: return "high";
    case RiskLevel::Lower: return "lower";
    case RiskLevel::Incomplete: return "incomplete";
    case RiskLevel::NotScored: break;
  }
  return "not scored";
}

std::string describe(const PatientRisk& risk) {
  if (risk.level == RiskLevel::NotScored) return "Readmission risk not scored (no discharge in the last 30 days)";
  const std::string day = format_civil_date(*risk.discharged);
  if (risk.level == RiskLevel::Incomplete)
    return "Readmission risk incomplete: " + std::to_string(risk.missing_inputs) + " LACE input" +
           (risk.missing_inputs == 1 ? "" : "s") + " missing (discharged " + day + ")";
  return std::string(risk.level == RiskLevel::High ? "High" : "Lower") + " readmission risk (LACE " +
         std::to_string(*risk.lace) + ", discharged " + day + ")";
}

PatientRisk patient_risk(const State& state, const Patient& patient, CivilDate today) {
  const Encounter* latest = nullptr;
  for (const Encounter* e : state.records_of<Encounter>(patient.id))
    if (recent_discharge(*e, today) && later(*e, latest)) latest = e;
  return latest ? score(state, *latest) : PatientRisk{};
}

std::unordered_map<std::string, PatientRisk> panel_risks(const State& state, CivilDate today) {
  std::unordered_map<std::string, const Encounter*> latest;
  for (const auto& [id, e] : state.table<Encounter>()) {
    if (!recent_discharge(e, today)) continue;
    const Encounter*& slot = latest[e.patient.value];
    if (later(e, slot)) slot = &e;
  }
  std::unordered_map<std::string, PatientRisk> risks;
  for (const auto& [patient, stay] : latest) risks.emplace(patient, score(state, *stay));
  return risks;
}

}  // namespace core
