// Chronic care management: monthly minutes, billable units and eligibility (sources in the header).
#include "care_management.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "core/state.hpp"
#include "core/worklist/item_kinds.hpp"

namespace core {
namespace {

constexpr int kChronicMonths = 12;  // "expected to last at least 12 months", MLN909188

// ICD-10-CM categories of long-term conditions that count as chronic whatever their onset: a short
// list drawn from the CMS Chronic Conditions Data Warehouse condition categories (CMS CCW,
// "Chronic Conditions", 30 CCW Chronic Conditions algorithms, 2023).
constexpr std::array<std::string_view, 27> kChronicIcd10Categories = {
    "E10", "E11",                       // diabetes
    "I10", "I11", "I12", "I13", "I15",  // hypertension
    "I25",                              // ischemic heart disease
    "I48",                              // atrial fibrillation
    "I50",                              // heart failure
    "J44", "J45",                       // COPD, asthma
    "N18",                              // chronic kidney disease
    "E78",                              // hyperlipidemia
    "E03",                              // hypothyroidism
    "F32", "F33",                       // depression
    "F01", "F03", "G30",                // dementia, Alzheimer's disease
    "G20",                              // Parkinson's disease
    "M05", "M06",                       // rheumatoid arthritis
    "M15", "M16", "M17",                // osteoarthritis
    "F20",                              // schizophrenia
};

bool is_chronic_icd10(const std::string& code) {
  if (code.size() < 3) return false;
  const std::string_view category(code.data(), 3);
  return std::find(kChronicIcd10Categories.begin(), kChronicIcd10Categories.end(), category) !=
         kChronicIcd10Categories.end();
}

CivilDate last_day(date::year_month month) { return CivilDate{month / date::last}; }

// The same day `months` months earlier, or that month's last day when it has no such day.
CivilDate months_before(CivilDate day, int months) {
  const date::year_month earlier = date::year_month{day.year(), day.month()} - date::months{months};
  const CivilDate same_day{earlier / day.day()};
  return same_day.ok() ? same_day : last_day(earlier);
}

std::string minute_count(long long n) { return std::to_string(n) + (n == 1 ? " minute" : " minutes"); }

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
std::string month_words(date::year_month m) {
  return std::string(kMonthNames[static_cast<unsigned>(m.month()) - 1]) + " " +
         std::to_string(static_cast<int>(m.year()));
}

}  // namespace

CcmUnits ccm_units(long long total_minutes) {
  CcmUnits units;
  if (total_minutes < kCcmFirstUnitMinutes) {
    units.minutes_to_next_unit = kCcmFirstUnitMinutes - std::max(0LL, total_minutes);
    return units;
  }
  units.first = 1;
  const long long beyond_first = total_minutes - kCcmFirstUnitMinutes;
  units.add_on = static_cast<int>(std::min<long long>(kCcmMaxAddOnUnits, beyond_first / kCcmAddOnMinutes));
  if (units.add_on < kCcmMaxAddOnUnits) units.minutes_to_next_unit = kCcmAddOnMinutes - beyond_first % kCcmAddOnMinutes;
  return units;
}

bool is_chronic(const Condition& condition, CivilDate on) {
  if (condition.deleted || condition.status != "active") return false;
  if (is_chronic_icd10(condition.icd10)) return true;
  return condition.onset_date && *condition.onset_date <= months_before(on, kChronicMonths);
}

std::vector<const Condition*> chronic_conditions(const State& state, const Id<Patient>& patient, CivilDate on) {
  std::vector<const Condition*> out;
  for (const Condition* c : state.records_of<Condition>(patient))
    if (is_chronic(*c, on)) out.push_back(c);
  std::sort(out.begin(), out.end(), [](const Condition* a, const Condition* b) {
    return a->name != b->name ? a->name < b->name : a->id < b->id;
  });
  return out;
}

CcmMonth ccm_month(const State& state, const Id<Patient>& patient, date::year_month month) {
  CcmMonth out;
  out.month = month;
  for (const CareManagementTime* each : state.records_of<CareManagementTime>(patient)) {
    const CareManagementTime& t = *each;
    if (!t.date || !t.minutes) continue;
    if (date::year_month{t.date->year(), t.date->month()} != month) continue;
    out.total_minutes += *t.minutes;
    ++out.entries;
  }
  out.units = ccm_units(out.total_minutes);

  const CivilDate end = last_day(month);
  out.chronic = chronic_conditions(state, patient, end);
  const Patient* p = state.find(patient);
  if (p && p->ccm_consent_date && *p->ccm_consent_date <= end) out.consent_date = p->ccm_consent_date;
  if (out.chronic.size() < 2)
    out.eligibility_problems.push_back("Needs two or more chronic conditions; " + std::to_string(out.chronic.size()) +
                                       (out.chronic.size() == 1 ? " is" : " are") + " recorded as active and chronic.");
  if (!out.consent_date)
    out.eligibility_problems.push_back("The patient's consent to chronic care management is not documented.");
  out.eligible = out.eligibility_problems.empty();
  return out;
}

void collect_ccm_minutes_short(const WorklistContext& c, std::vector<WorkItem>& out) {
  const date::year_month month{c.today.year(), c.today.month()};
  const CivilDate end = last_day(month);
  if ((date::sys_days{end} - date::sys_days{c.today}).count() >= kCcmShortWindowDays) return;
  std::unordered_map<const PatientFacts*, long long> minutes;  // by patient in scope, this month
  c.for_each_in_scope<CareManagementTime>([&](const CareManagementTime& t, const PatientFacts* facts) {
    if (facts && t.date && t.minutes && date::year_month{t.date->year(), t.date->month()} == month)
      minutes[facts] += *t.minutes;
  });
  for (const auto& [facts, total] : minutes) {
    if (total >= kCcmFirstUnitMinutes) continue;
    const CcmMonth figures = ccm_month(c.state, facts->patient->id, month);
    if (!figures.eligible) continue;
    WorkItem item;
    item.kind = "ccm_minutes_short";
    item.key = "ccm_short:" + facts->patient->id.value + ":" + format_civil_date(end).substr(0, 7);
    item.patient = facts->patient->id;
    item.subject_type = EntityType::Patient;
    item.subject_id = facts->patient->id.value;
    item.due = end;
    item.reason = minute_count(total) + " of care management logged for " + month_words(month) + ", " +
                  minute_count(kCcmFirstUnitMinutes - total) + " short of the 20 needed to bill";
    item.next_action = "Spend and log the remaining care-management time before the month ends";
    out.push_back(std::move(item));
  }
}

}  // namespace core
