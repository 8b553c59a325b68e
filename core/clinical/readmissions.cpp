// Flags and counts 30-day readmissions from the patients' inpatient encounters.
#include "readmissions.hpp"

#include <algorithm>
#include <map>

#include "core/clinical/caseload_figures.hpp"
#include "core/state.hpp"

namespace core {
namespace {

bool is_inpatient_stay(const Encounter& e) { return !e.deleted && e.kind == "inpatient" && e.admission_date; }

int days_between(CivilDate from, CivilDate to) { return (date::sys_days{to} - date::sys_days{from}).count(); }

// The patient's live inpatient stays.
std::vector<const Encounter*> stays_of(const State& state, const Id<Patient>& patient) {
  std::vector<const Encounter*> out;
  for (const Encounter* e : state.records_of<Encounter>(patient))
    if (is_inpatient_stay(*e)) out.push_back(e);
  return out;
}

std::optional<Readmission> readmission_among(const Encounter& stay, const std::vector<const Encounter*>& stays) {
  if (!is_inpatient_stay(stay)) return std::nullopt;
  const Encounter* latest = nullptr;
  for (const Encounter* earlier : stays) {
    if (earlier == &stay || !earlier->discharge_date || *stay.admission_date < *earlier->discharge_date) continue;
    if (!(*earlier->admission_date < *stay.admission_date) && !(earlier->id < stay.id)) continue;  // not earlier
    if (!latest || *latest->discharge_date < *earlier->discharge_date) latest = earlier;
  }
  if (!latest) return std::nullopt;
  const int days = days_between(*latest->discharge_date, *stay.admission_date);
  if (days > kReadmissionWindowDays) return std::nullopt;
  return Readmission{&stay, latest, days};
}

// Stays discharged in [from, to] among these, and how many a later stay readmits.
ReadmissionCount count_among(const std::vector<const Encounter*>& stays, CivilDate from, CivilDate to) {
  ReadmissionCount count;
  std::vector<const Encounter*> readmitted;
  for (const Encounter* s : stays)
    if (auto r = readmission_among(*s, stays)) readmitted.push_back(r->readmits);
  for (const Encounter* s : stays) {
    if (!s->discharge_date || *s->discharge_date < from || to < *s->discharge_date) continue;
    ++count.discharges;
    if (std::find(readmitted.begin(), readmitted.end(), s) != readmitted.end()) ++count.readmitted;
  }
  return count;
}

std::map<std::string, std::vector<const Encounter*>> stays_by_patient(const State& state) {
  std::map<std::string, std::vector<const Encounter*>> out;
  for (const auto& [id, e] : state.table<Encounter>())
    if (is_inpatient_stay(e)) out[e.patient.value].push_back(&e);
  return out;
}

}  // namespace

std::optional<Readmission> readmission_of(const State& state, const Encounter& stay) {
  return readmission_among(stay, stays_of(state, stay.patient));
}

std::vector<Readmission> readmissions(const State& state) {
  std::vector<Readmission> out;
  for (const auto& [patient, stays] : stays_by_patient(state))
    for (const Encounter* s : stays)
      if (auto r = readmission_among(*s, stays)) out.push_back(*r);
  std::sort(out.begin(), out.end(), [](const Readmission& a, const Readmission& b) {
    return *a.stay->admission_date != *b.stay->admission_date ? *a.stay->admission_date < *b.stay->admission_date
                                                              : a.stay->id < b.stay->id;
  });
  return out;
}

ReadmissionCount count_readmissions(const State& state, CivilDate from, CivilDate to) {
  return count_readmissions(state, from, to, std::string());
}

ReadmissionCount count_readmissions(const State& state, CivilDate from, CivilDate to, const std::string& coordinator) {
  ReadmissionCount total;
  for (const auto& [patient, stays] : stays_by_patient(state)) {
    if (!in_caseload(state, Id<Patient>{patient}, coordinator)) continue;
    const ReadmissionCount c = count_among(stays, from, to);
    total.discharges += c.discharges;
    total.readmitted += c.readmitted;
  }
  return total;
}

ReadmissionCount count_readmissions(const State& state, const Id<Patient>& patient, CivilDate from, CivilDate to) {
  return count_among(stays_of(state, patient), from, to);
}

}  // namespace core
