// The LACE index, each input read from the stay, the patient's coded conditions and their
// emergency visits (source and point tables in lace.hpp).
#include "lace.hpp"

#include "core/clinical/charlson.hpp"
#include "core/state.hpp"

namespace core {
namespace {

std::string count_words(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

ScoreInput length_of_stay(const Encounter& stay) {
  ScoreInput in{"Length of stay"};
  in.records.push_back({EntityType::Encounter, stay.id.value});
  if (!stay.admission_date || !stay.discharge_date) {
    in.missing = true;
    in.value = "no discharge date recorded on the hospital stay";
    return in;
  }
  const int days = days_from(*stay.admission_date, *stay.discharge_date);
  in.value = count_words(days, "day", "days");
  in.points = lace_length_of_stay_points(days);
  in.source = "admitted " + format_civil_date(*stay.admission_date) + ", discharged " +
              format_civil_date(*stay.discharge_date);
  return in;
}

// van Walraven 2010: an acute (emergent) admission scores 3 points.
ScoreInput acuity(const Encounter& stay) { return acute_admission_input(stay, "Acute admission", 3); }

std::string condition_words(const Condition& c) { return c.icd10 + (c.name.empty() ? "" : " " + c.name); }

ScoreInput comorbidity(const State& state, const Encounter& stay) {
  ScoreInput in{"Comorbidity (Charlson index)"};
  const CivilDate as_of = stay.discharge_date ? *stay.discharge_date : *stay.admission_date;
  const CharlsonResult charlson = charlson_index(state, stay.patient, as_of);
  in.value = "Charlson " + std::to_string(charlson.score);
  in.points = lace_charlson_points(charlson.score);
  std::string source;
  for (const CharlsonHit& hit : charlson.hits) {
    if (!source.empty()) source += "; ";
    source += std::string(hit.category->name) + " (";
    for (std::size_t i = 0; i < hit.conditions.size(); ++i) {
      source += (i ? ", " : "") + condition_words(*hit.conditions[i]);
      in.records.push_back({EntityType::Condition, hit.conditions[i]->id.value});
    }
    source += hit.counted ? ") +" + std::to_string(hit.category->lace_weight) : ") not counted: a graver form is present";
  }
  if (charlson.coded_conditions == 0) source = "no conditions with an ICD-10 code recorded, so none counted";
  else if (source.empty()) source = count_words(charlson.coded_conditions, "coded condition", "coded conditions") + ", none in a Charlson category";
  if (!charlson.uncoded.empty())
    source += "; " + count_words(static_cast<int>(charlson.uncoded.size()), "condition has", "conditions have") +
              " no ICD-10 code and could not be counted";
  in.source = source;
  return in;
}

ScoreInput emergency_visits(const State& state, const Encounter& stay) {
  ScoreInput in{"Emergency visits in the 6 months before admission"};
  const CivilDate admitted = *stay.admission_date;
  const CivilDate from = months_before(admitted, 6);  // van Walraven 2010: the previous 6 months
  int visits = 0;
  for (const Encounter* each : state.records_of<Encounter>(stay.patient)) {
    const Encounter& e = *each;
    if (e.kind != "emergency" || e.id == stay.id || !e.admission_date) continue;
    // The emergency visit on the admission day is the one that led to this admission, not a previous one.
    if (*e.admission_date < from || !(*e.admission_date < admitted)) continue;
    ++visits;
    in.records.push_back({EntityType::Encounter, e.id.value});
  }
  in.value = count_words(visits, "visit", "visits");
  in.points = lace_emergency_visit_points(visits);
  in.source = "emergency encounters from " + format_civil_date(from) + " to the day before admission";
  return in;
}

}  // namespace

// van Walraven 2010: under 1 day 0, 1 day 1, 2 days 2, 3 days 3, 4-6 days 4, 7-13 days 5, 14 or more 7.
int lace_length_of_stay_points(int days) {
  if (days < 1) return 0;
  if (days <= 3) return days;
  if (days <= 6) return 4;
  if (days <= 13) return 5;
  return 7;
}

// van Walraven 2010: Charlson 0-3 score as themselves, 4 or more 5 points.
int lace_charlson_points(int charlson) { return charlson >= 4 ? 5 : charlson; }

// van Walraven 2010: 0-3 visits score as themselves, 4 or more 4 points.
int lace_emergency_visit_points(int visits) { return std::min(visits, 4); }

RiskScore lace_index(const State& state, const Encounter& stay) {
  RiskScore score;
  score.inputs.push_back(length_of_stay(stay));
  score.inputs.push_back(acuity(stay));
  if (stay.admission_date) {
    score.inputs.push_back(comorbidity(state, stay));
    score.inputs.push_back(emergency_visits(state, stay));
  }
  total_up(score);
  if (score.total) score.risk = *score.total >= kLaceHighRisk ? "high" : "lower";
  return score;
}

}  // namespace core
