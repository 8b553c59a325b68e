// The HOSPITAL score, each input read from the stay, the labs measured during it, the
// procedures done and the patient's earlier admissions (source and points in hospital_score.hpp).
#include "hospital_score.hpp"

#include <cctype>

#include "core/state.hpp"

namespace core {
namespace {

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string number_words(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// The latest measurement of one of these types with a value, taken during the stay.
const Measurement* latest_during(const State& state, const Encounter& stay, std::vector<std::string> types) {
  const Measurement* latest = nullptr;
  const std::string first_day = format_civil_date(*stay.admission_date);
  const std::string last_day = format_civil_date(*stay.discharge_date);
  for (const Measurement* each : state.records_of<Measurement>(stay.patient)) {
    const Measurement& m = *each;
    if (!m.value || m.taken_at.size() < 10) continue;
    if (std::find(types.begin(), types.end(), lower(m.type)) == types.end()) continue;
    const std::string day = m.taken_at.substr(0, 10);
    if (day < first_day || last_day < day) continue;
    if (!latest || latest->taken_at < m.taken_at) latest = &m;
  }
  return latest;
}

// A lab input: its value in the unit the score uses, below `threshold` scoring `points`.
struct LabRule {
  const char* name;
  std::vector<std::string> types;
  const char* unit;                                     // the score's unit
  std::vector<std::pair<std::string, double>> factors;  // accepted units (lower case) -> factor
  double threshold;
};

ScoreInput lab(const State& state, const Encounter& stay, const LabRule& rule) {
  ScoreInput in{rule.name};
  const Measurement* m = latest_during(state, stay, rule.types);
  if (!m) {
    in.missing = true;
    in.value = std::string("no ") + rule.types.front() + " measured during the stay";
    return in;
  }
  in.records.push_back({EntityType::Measurement, m->id.value});
  in.source = rule.types.front() + " taken " + m->taken_at.substr(0, 10) + " " + m->taken_at.substr(11);
  const double* factor = nullptr;
  for (const auto& [unit, f] : rule.factors)
    if (lower(m->unit) == unit) factor = &f;
  if (!factor) {
    in.missing = true;
    in.value = "the " + rule.types.front() + " of " + m->taken_at.substr(0, 10) + " has " +
               (m->unit.empty() ? std::string("no unit") : "the unit \"" + m->unit.str() + "\"") + "; record it in " + rule.unit;
    return in;
  }
  const double value = *m->value * *factor;
  in.value = number_words(value) + " " + rule.unit;
  in.points = value < rule.threshold ? 1 : 0;  // Donzé 2013: 1 point each below its threshold
  return in;
}

ScoreInput oncology(const Encounter& stay) {
  ScoreInput in{"Discharge from oncology"};
  in.records.push_back({EntityType::Encounter, stay.id.value});
  if (stay.discharge_service.empty()) {
    in.missing = true;
    in.value = "the discharging service is not recorded on the hospital stay";
    return in;
  }
  const bool from_oncology = stay.discharge_service == "oncology";
  in.value = from_oncology ? "yes" : "no, " + stay.discharge_service;
  in.points = from_oncology ? 2 : 0;  // Donzé 2013: discharge from an oncology service, 2 points
  in.source = "discharging service on the hospital stay";
  return in;
}

ScoreInput procedures(const State& state, const Encounter& stay) {
  ScoreInput in{"Procedure during the stay"};
  for (const Procedure* each : state.records_of<Procedure>(stay.patient)) {
    const Procedure& p = *each;
    if (!p.date) continue;
    if (*p.date < *stay.admission_date || *stay.discharge_date < *p.date) continue;
    in.records.push_back({EntityType::Procedure, p.id.value});
    in.source += (in.source.empty() ? "" : ", ") + p.name + " on " + format_civil_date(*p.date);
  }
  in.value = in.records.empty() ? "none recorded" : "yes";
  in.points = in.records.empty() ? 0 : 1;  // Donzé 2013: any procedure during the stay, 1 point
  if (in.records.empty()) in.source = "no procedure recorded between admission and discharge";
  return in;
}

// Donzé 2013: an urgent or emergent index admission scores 1 point.
ScoreInput urgency(const Encounter& stay) { return acute_admission_input(stay, "Urgent or emergent admission", 1); }

ScoreInput previous_admissions(const State& state, const Encounter& stay) {
  ScoreInput in{"Admissions in the previous 12 months"};
  const CivilDate from = months_before(*stay.admission_date, 12);  // Donzé 2013: the previous 12 months
  int count = 0;
  for (const Encounter* each : state.records_of<Encounter>(stay.patient)) {
    const Encounter& e = *each;
    if (e.kind != "inpatient" || e.id == stay.id || !e.admission_date) continue;
    if (*e.admission_date < from || !(*e.admission_date < *stay.admission_date)) continue;
    ++count;
    in.records.push_back({EntityType::Encounter, e.id.value});
  }
  in.value = std::to_string(count);
  in.points = hospital_admission_points(count);
  in.source = "inpatient stays admitted from " + format_civil_date(from) + " to the day before this admission";
  return in;
}

ScoreInput length_of_stay(const Encounter& stay) {
  ScoreInput in{"Length of stay"};
  in.records.push_back({EntityType::Encounter, stay.id.value});
  const int days = days_from(*stay.admission_date, *stay.discharge_date);
  in.value = std::to_string(days) + (days == 1 ? " day" : " days");
  in.points = days >= kHospitalLongStayDays ? 2 : 0;  // Donzé 2013: 5 days or more, 2 points
  in.source = "admitted " + format_civil_date(*stay.admission_date) + ", discharged " +
              format_civil_date(*stay.discharge_date);
  return in;
}

}  // namespace

// Donzé 2013: 0-1 previous admissions 0 points, 2-5 2 points, more than 5 5 points.
int hospital_admission_points(int previous_admissions) {
  if (previous_admissions <= 1) return 0;
  return previous_admissions <= 5 ? 2 : 5;
}

RiskScore hospital_score(const State& state, const Encounter& stay) {
  RiskScore score;
  if (!stay.admission_date || !stay.discharge_date) {
    score.missing.push_back("Length of stay: no discharge date recorded on the hospital stay");
    return score;
  }
  // Hemoglobin in g/L is ten times the g/dL figure; sodium in mEq/L equals mmol/L (one charge).
  score.inputs.push_back(lab(state, stay, {"Hemoglobin at discharge", {"hemoglobin", "haemoglobin"}, "g/dL",
                                           {{"g/dl", 1.0}, {"g/l", 0.1}}, kHospitalHemoglobinBelow}));
  score.inputs.push_back(oncology(stay));
  score.inputs.push_back(lab(state, stay, {"Sodium at discharge", {"sodium"}, "mmol/L",
                                           {{"mmol/l", 1.0}, {"meq/l", 1.0}}, kHospitalSodiumBelow}));
  score.inputs.push_back(procedures(state, stay));
  score.inputs.push_back(urgency(stay));
  score.inputs.push_back(previous_admissions(state, stay));
  score.inputs.push_back(length_of_stay(stay));
  total_up(score);
  if (score.total)
    score.risk = *score.total >= kHospitalHighFrom ? "high" : *score.total >= kHospitalIntermediateFrom ? "intermediate" : "low";
  return score;
}

}  // namespace core
