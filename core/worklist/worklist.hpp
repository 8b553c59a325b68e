// The coordinator's "Today": every piece of work that is due or overdue, gathered from the records
// by the item kinds (core/worklist/item_kinds.hpp), minus what the coordinator snoozed or marked
// done (WorkItemState records), most urgent first. Snoozing and finishing an item are Actions
// like any other, so they are saved, synced and undone the usual way.
#pragma once
#include <string>
#include <vector>

#include "core/actions.hpp"
#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"

namespace core {

struct Patient;
struct State;

struct WorkItem {
  std::string kind;  // the ItemKind's name, e.g. "task_due"
  // Stable identity, "<kind prefix>:<record id>[:<occasion>]": what a WorkItemState snoozes or
  // finishes. The occasion (a review date, the last contact) makes the next occasion a new item.
  std::string key;
  Id<Patient> patient;  // empty for a task with no patient
  std::string owner;    // the task's owner, who sees the item besides the patient's coordinator
  EntityType subject_type = EntityType::Task;  // the record the item is about
  std::string subject_id;
  CivilDate due;         // when it is or was due
  bool overdue = false;  // due before today
  std::string reason;       // why it is listed, e.g. "Overdue by 3 days: Call pharmacy about refill"
  std::string next_action;  // what to do next, e.g. "Call to confirm"
};

struct WorklistQuery {
  std::string coordinator;  // only this coordinator's patients and tasks; empty: the whole clinic
  CivilDate today;
};

// Overdue items first, then by due date, then in the order of the kinds' table, then by key.
std::vector<WorkItem> compute_worklist(const State& state, const WorklistQuery& query);

// Hides the item until `until` (it comes back on that day). Updates the item's WorkItemState if it
// has one, so an item never has two.
Action snooze_item(const State& state, const WorkItem& item, CivilDate until, std::string reason);
// Finishes the item: a task's item marks the task done; any other item, whose natural action is
// elsewhere (a call made, a plan reviewed outside Liaison), is recorded as a WorkItemState "done".
Action mark_item_done(const State& state, const WorkItem& item);

}  // namespace core
