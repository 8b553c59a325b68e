// Medication reconciliation: comparing two medication lists (the discharge list against what the
// patient has at home, say) to find what is missing, extra, different or listed twice, and
// recording the reconciliation with each discrepancy in one commit.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/actions.hpp"
#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace core {

struct Encounter;
struct Patient;
struct State;

// One line of a medication list as written on it.
struct MedicationLine {
  std::string name;
  std::string dose;       // e.g. "500 mg"
  std::string frequency;  // e.g. "twice daily"
  std::string route;      // e.g. "oral"
};

// What each list is, in the words the details use, e.g. "the discharge list", "the home list".
struct ListNames {
  std::string first = "the first list";
  std::string second = "the second list";
};

// A difference between the lists. kind is one of MedicationDiscrepancy's kinds: omission (on the
// first list, not the second), commission (on the second, not the first), dose, frequency, route
// (same drug, different value; compared only when both lists give one), duplication (the same
// drug twice on one list). resolution and resolved are for the coordinator to fill in.
struct ListDiscrepancy {
  std::string medication;  // the name as the list writes it
  std::string kind;
  std::string detail;      // a sentence saying what differs
  std::string resolution;
  bool resolved = false;
  bool operator==(const ListDiscrepancy&) const = default;
};

// Names, doses, frequencies and routes match ignoring case and spacing ("Metoprolol  Tartrate" is
// "metoprolol tartrate", "500mg" is "500 mg"). Listed in the first list's order, then the second's.
std::vector<ListDiscrepancy> compare_medication_lists(const std::vector<MedicationLine>& first,
                                                      const std::vector<MedicationLine>& second,
                                                      const ListNames& names = {});

// The patient's active medications as a list to compare.
std::vector<MedicationLine> active_medication_list(const State& state, const Id<Patient>& patient);

struct ReconciliationRequest {
  Id<Patient> patient;
  Id<Encounter> encounter;  // the discharge it follows, if any
  std::optional<CivilDate> date;
  std::string performed_by;
  std::string sources;  // e.g. "discharge list vs. pill bottles at home"
  std::string status = "completed";
  std::string notes;
};

// The reconciliation and one MedicationDiscrepancy per entry, saved together (or not at all) and
// undone together.
Result<ActionGroup> record_reconciliation(const State& state, const ReconciliationRequest& request,
                                          const std::vector<ListDiscrepancy>& discrepancies);

}  // namespace core
