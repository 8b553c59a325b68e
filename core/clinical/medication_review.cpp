// Comparing two medication lists and recording the reconciliation with its discrepancies.
#include "medication_review.hpp"

#include <cctype>
#include <map>

#include "core/state.hpp"

namespace core {
namespace {

// Lower case with every space removed: how two lists' entries are matched.
std::string match_key(const std::string& text) {
  std::string key;
  for (unsigned char ch : text)
    if (!std::isspace(ch)) key += static_cast<char>(std::tolower(ch));
  return key;
}

// "500 mg" or "not given", for a detail sentence.
std::string shown(const std::string& value) { return value.empty() ? "not given" : value; }

void compare_field(const MedicationLine& a, const MedicationLine& b, std::string MedicationLine::*field,
                   const char* kind, const ListNames& names, std::vector<ListDiscrepancy>& out) {
  const std::string& first = a.*field;
  const std::string& second = b.*field;
  if (first.empty() || second.empty() || match_key(first) == match_key(second)) return;
  out.push_back({a.name, kind,
                 "The " + std::string(kind) + " of " + a.name + " is " + first + " on " + names.first + " but " +
                     second + " on " + names.second + ".",
                 "", false});
}

// Each list's entries by match key, first occurrence only.
std::map<std::string, const MedicationLine*> first_occurrences(const std::vector<MedicationLine>& list) {
  std::map<std::string, const MedicationLine*> seen;
  for (const MedicationLine& line : list)
    if (!match_key(line.name).empty()) seen.emplace(match_key(line.name), &line);
  return seen;
}

ListDiscrepancy duplicate(const MedicationLine& line, const MedicationLine& first, const std::string& list_name) {
  return {line.name, "duplication",
          line.name + " is listed more than once on " + list_name + " (" + shown(first.dose) + ", " + shown(line.dose) +
              ").",
          "", false};
}

}  // namespace

std::vector<ListDiscrepancy> compare_medication_lists(const std::vector<MedicationLine>& first,
                                                      const std::vector<MedicationLine>& second, const ListNames& names) {
  const auto in_first = first_occurrences(first);
  const auto in_second = first_occurrences(second);
  std::vector<ListDiscrepancy> out;
  for (const MedicationLine& a : first) {
    const std::string key = match_key(a.name);
    if (key.empty()) continue;
    if (const MedicationLine* earlier = in_first.at(key); earlier != &a) {
      out.push_back(duplicate(a, *earlier, names.first));
      continue;
    }
    auto match = in_second.find(key);
    if (match == in_second.end()) {
      out.push_back({a.name, "omission", a.name + " is on " + names.first + " but not on " + names.second + ".", "", false});
      continue;
    }
    compare_field(a, *match->second, &MedicationLine::dose, "dose", names, out);
    compare_field(a, *match->second, &MedicationLine::frequency, "frequency", names, out);
    compare_field(a, *match->second, &MedicationLine::route, "route", names, out);
  }
  for (const MedicationLine& b : second) {
    const std::string key = match_key(b.name);
    if (key.empty()) continue;
    if (const MedicationLine* earlier = in_second.at(key); earlier != &b)
      out.push_back(duplicate(b, *earlier, names.second));
    else if (!in_first.count(key))
      out.push_back({b.name, "commission", b.name + " is on " + names.second + " but not on " + names.first + ".", "", false});
  }
  return out;
}

std::vector<MedicationLine> active_medication_list(const State& state, const Id<Patient>& patient) {
  std::vector<MedicationLine> out;
  for (const Medication* m : state.records_of<Medication>(patient))
    if (m->status == "active") out.push_back({m->name, m->dose, m->frequency, m->route});
  return out;
}

Result<ActionGroup> record_reconciliation(const State& state, const ReconciliationRequest& request,
                                          const std::vector<ListDiscrepancy>& discrepancies) {
  if (!state.find(request.patient))
    return Error{ErrorCode::NotFound, "That patient no longer exists; the reconciliation was not saved.", {}};
  nlohmann::json reconciliation = {{"patient", request.patient.value},
                                   {"encounter", request.encounter.value},
                                   {"date", request.date ? nlohmann::json(format_civil_date(*request.date)) : nullptr},
                                   {"performed_by", request.performed_by},
                                   {"sources", request.sources},
                                   {"status", request.status},
                                   {"notes", request.notes}};
  ActionGroup group;
  group.steps.push_back({CreateRecord{EntityType::MedicationReconciliation, reconciliation}, "The reconciliation"});
  for (std::size_t i = 0; i < discrepancies.size(); ++i) {
    const ListDiscrepancy& d = discrepancies[i];
    nlohmann::json fields = {{"patient", request.patient.value}, {"medication", d.medication}, {"kind", d.kind},
                             {"detail", d.detail},           {"resolution", d.resolution}, {"resolved", d.resolved}};
    group.steps.push_back({CreateRecord{EntityType::MedicationDiscrepancy, fields},
                           "Discrepancy " + std::to_string(i + 1) + " (" + d.medication + ")",
                           {{"reconciliation", 0}}});
  }
  return group;
}

}  // namespace core
