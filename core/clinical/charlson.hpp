// The Charlson comorbidity index from a patient's ICD-10 coded conditions, with the weights the
// LACE index uses. Conditions are sorted into the 17 Charlson categories by the ICD-10 coding
// algorithm of Quan H, Sundararajan V, Halfon P, et al., "Coding algorithms for defining
// comorbidities in ICD-9-CM and ICD-10 administrative data", Med Care 2005;43(11):1130-1139,
// Table 1. Each category counts once; a patient in both the milder and the graver category of
// diabetes, liver disease or cancer counts only the graver.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"

namespace core {

struct Condition;
struct Patient;
struct State;

// The Charlson category a code falls in (Quan 2005), or nullptr. Accepts "E11.9" or "E119".
struct CharlsonCategory {
  const char* name;    // e.g. "Diabetes with chronic complications"
  int lace_weight;     // points in the LACE index's Charlson score (van Walraven 2010)
  const char* milder;  // the category this one supersedes, or nullptr
  std::vector<const char*> codes;  // ICD-10 codes and ranges, e.g. "I21", "I42.5-I42.9", "C00-C26"
};
const CharlsonCategory* charlson_category(const std::string& icd10);

struct CharlsonHit {
  const CharlsonCategory* category = nullptr;
  std::vector<const Condition*> conditions;  // the coded conditions that put the patient in it
  bool counted = true;  // false when a graver category of the same disease is present
};

struct CharlsonResult {
  int score = 0;
  std::vector<CharlsonHit> hits;                  // in the order of the categories
  int coded_conditions = 0;                       // conditions with an ICD-10 code that were read
  std::vector<const Condition*> uncoded;          // conditions with no ICD-10 code: not counted
};

// From the patient's live conditions (active, resolved or inactive) whose onset, when recorded,
// is on or before `as_of`.
CharlsonResult charlson_index(const State& state, const Id<Patient>& patient, CivilDate as_of);

}  // namespace core
