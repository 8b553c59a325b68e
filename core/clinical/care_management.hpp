// Chronic care management (CCM) billing figures: the care-management minutes logged for a patient
// in one calendar month, the billable units they make, and whether the patient is eligible.
//
// Units (CMS, "Chronic Care Management Services", Medicare Learning Network booklet MLN909188,
// 2024; CY 2022 Physician Fee Schedule final rule):
//   CPT 99490: the first 20 minutes of clinical staff time in a calendar month (one per month);
//   CPT 99439: each additional 20 minutes after those, at most twice a month for Medicare.
// So 20-39 minutes bill 99490; 40-59 add one 99439; 60 or more add two.
//
// Eligibility (same booklet): two or more chronic conditions expected to last at least 12 months,
// and the patient's consent documented (Patient::ccm_consent_date). What counts as chronic here,
// kept simple and stated: a Condition with status "active" that either began at least 12 months
// before the month's last day (onset_date), or whose ICD-10 code is in a short list of long-term
// conditions (see is_chronic_icd10 in care_management.cpp).
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
class WorklistContext;
struct WorkItem;

constexpr long long kCcmFirstUnitMinutes = 20;   // CPT 99490, MLN909188
constexpr long long kCcmAddOnMinutes = 20;       // CPT 99439 per unit, MLN909188
constexpr int kCcmMaxAddOnUnits = 2;             // CPT 99439 per month, CY 2022 PFS final rule

struct CcmUnits {
  int first = 0;   // CPT 99490: 0 or 1
  int add_on = 0;  // CPT 99439: 0 to kCcmMaxAddOnUnits
  // Minutes still to log for the next unit; 0 once no further unit can be billed this month.
  long long minutes_to_next_unit = 0;
};
CcmUnits ccm_units(long long total_minutes);

// Whether an active condition counts as chronic on `on` (see the rule above).
bool is_chronic(const Condition& condition, CivilDate on);
// The patient's live chronic conditions on `on`, by name.
std::vector<const Condition*> chronic_conditions(const State& state, const Id<Patient>& patient, CivilDate on);

struct CcmMonth {
  date::year_month month;
  long long total_minutes = 0;  // live entries dated in the month
  int entries = 0;
  CcmUnits units;
  std::vector<const Condition*> chronic;  // on the month's last day
  std::optional<CivilDate> consent_date;  // documented on or before the month's last day
  bool eligible = false;                  // two or more chronic conditions and consent
  std::vector<std::string> eligibility_problems;  // why not eligible, in plain words
};
CcmMonth ccm_month(const State& state, const Id<Patient>& patient, date::year_month month);

// Worklist kind "ccm_minutes_short": in the last kCcmShortWindowDays days of a month, an eligible
// patient with some but fewer than 20 minutes logged this month.
constexpr int kCcmShortWindowDays = 7;
void collect_ccm_minutes_short(const WorklistContext& context, std::vector<WorkItem>& out);

}  // namespace core
