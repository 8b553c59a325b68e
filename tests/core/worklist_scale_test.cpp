// What makes one coordinator's worklist cost the same in a small clinic and a large one, checked
// against straightforward full scans: State's text indexes (patients by coordinator, tasks by owner
// and by appointment, item states by key) after every kind of change; one coordinator's list is
// exactly the whole clinic's list restricted to them, item for item, on a generated clinic; and
// the off-track goals listed are exactly those a full evaluation finds off track.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench/synthetic_clinic.hpp"
#include "core/clinical/goals.hpp"
#include "core/worklist/worklist.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using core::WorkItem;
using model_test::Fixture;
using nlohmann::json;

using IdsByKey = std::map<std::string, std::vector<std::string>>;  // key -> record ids, in id order

// What a text index should hold: every live record with a non-empty key, by key, in table order.
template <class T>
IdsByKey scanned(const core::State& state, const std::function<std::string(const T&)>& key_of) {
  IdsByKey out;
  for (const auto& [id, record] : state.table<T>())
    if (!record.deleted && !key_of(record).empty()) out[key_of(record)].push_back(id.value);
  return out;
}

// What it holds, checking each pointer is this State's own live record, listed under its own key,
// and that the accessor gives the same list.
template <class T>
IdsByKey indexed(const core::State& state, const core::RecordsByText<T>& index,
                 const std::function<std::string(const T&)>& key_of,
                 const std::function<const std::vector<const T*>&(const std::string&)>& accessor) {
  IdsByKey out;
  for (const auto& [key, records] : index) {
    CHECK(&accessor(key) == &records);
    for (const T* record : records) {
      CHECK(state.find(record->id) == record);
      CHECK(key_of(*record) == key);
      out[key].push_back(record->id.value);
    }
  }
  return out;
}

void check_text_indexes(const core::State& state) {
  const std::function<std::string(const core::Patient&)> coordinator = [](const core::Patient& p) { return p.coordinator; };
  const std::function<std::string(const core::Task&)> owner = [](const core::Task& t) { return t.owner; };
  const std::function<std::string(const core::Task&)> appointment = [](const core::Task& t) { return t.appointment.value; };
  const std::function<std::string(const core::WorkItemState&)> item = [](const core::WorkItemState& s) { return s.item; };
  CHECK(indexed<core::Patient>(state, state.patients_by_coordinator, coordinator,
                               [&](const std::string& k) -> const auto& { return state.patients_of_coordinator(k); }) ==
        scanned(state, coordinator));
  CHECK(indexed<core::Task>(state, state.tasks_by_owner, owner,
                            [&](const std::string& k) -> const auto& { return state.tasks_owned_by(k); }) ==
        scanned(state, owner));
  CHECK(indexed<core::Task>(state, state.tasks_by_appointment, appointment,
                            [&](const std::string& k) -> const auto& {
                              return state.tasks_about(core::Id<core::Appointment>{k});
                            }) == scanned(state, appointment));
  CHECK(indexed<core::WorkItemState>(state, state.item_states_by_key, item,
                                     [&](const std::string& k) -> const auto& { return state.item_states_of(k); }) ==
        scanned(state, item));
  CHECK(state.patients_of_coordinator("").empty());
  CHECK(state.tasks_owned_by("nobody").empty());
}

std::size_t patients_of(const core::State& state, const char* coordinator) {
  return state.patients_of_coordinator(coordinator).size();
}
std::size_t tasks_of(const core::State& state, const char* owner) { return state.tasks_owned_by(owner).size(); }

// Every field of an item, so two lists compare item for item.
std::string described(const WorkItem& i) {
  return i.kind + "|" + i.key + "|" + i.patient.value + "|" + i.owner + "|" + core::entity_name(i.subject_type) + "|" +
         i.subject_id + "|" + core::format_civil_date(i.due) + "|" + (i.overdue ? "overdue" : "") + "|" + i.reason +
         "|" + i.next_action;
}

std::vector<std::string> described(const std::vector<WorkItem>& items) {
  std::vector<std::string> out;
  for (const WorkItem& i : items) out.push_back(described(i));
  return out;
}

// Whether a live WorkItemState hides the item today: a scan of the whole table.
bool hidden_by_scan(const core::State& state, const std::string& key, core::CivilDate today) {
  for (const auto& [id, s] : state.table<core::WorkItemState>())
    if (!s.deleted && s.item == key && (s.status == "done" || (s.status == "snoozed" && s.until && today < *s.until)))
      return true;
  return false;
}

// Whether the coordinator sees the item, read from the records themselves: the patient (if any) is
// live and active, and either assigned to the coordinator or the item's owner is the coordinator.
bool theirs(const core::State& state, const WorkItem& i, const std::string& coordinator) {
  if (i.patient.empty()) return i.owner == coordinator;
  const core::Patient* p = state.find(i.patient);
  return p && p->status == "active" && (p->coordinator == coordinator || i.owner == coordinator);
}

void change(core::State& state, EntityType type, const std::string& id, json fields) {
  core::apply(state, core::Change{{}, {}, {}, type, id, std::move(fields)});
}

}  // namespace

TEST_CASE("state: the text indexes agree with a full scan after every kind of change") {
  Fixture f;
  const std::string ada = f.ids["$patient"];
  auto person = [&](const char* given, const char* coordinator) {
    return f.create(EntityType::Patient, {{"given_name", given}, {"family_name", "Scale"}, {"birth_date", "1950-01-01"},
                                          {"coordinator", coordinator}});
  };
  auto commit = [&](core::Action action) { REQUIRE(f.session->commit(std::move(action))); };
  std::vector<std::string> tasks, patients;  // in creation order
  std::string visit;
  struct Step {
    const char* what;
    std::function<void()> run;
    std::size_t casey_patients, dana_patients, casey_tasks, dana_tasks;  // live ones afterwards
  };
  const std::vector<Step> steps{
      {"twelve patients and twelve tasks (ids past 9 sort out of creation order)", [&] {
         for (int i = 0; i < 12; ++i) patients.push_back(person("P", i % 3 ? "casey" : "dana"));
         visit = f.create(EntityType::Appointment, {{"patient", ada}, {"status", "no_show"},
                                                    {"start", "2026-11-20T09:00"}, {"end", "2026-11-20T09:30"}});
         for (int i = 0; i < 12; ++i) {
           json fields{{"title", "Call"}, {"owner", i % 3 ? "casey" : "dana"}, {"kind", "outreach"}};
           if (i % 2) fields["patient"] = ada;
           if (i % 4 == 0) fields["appointment"] = visit;
           tasks.push_back(f.create(EntityType::Task, fields));
         }
       }, 8, 4, 8, 4},
      {"a task with no owner and a patient with no coordinator are not listed", [&] {
         f.create(EntityType::Task, {{"title", "Unowned"}});
         person("Q", "");
       }, 8, 4, 8, 4},
      {"item states for two keys", [&] {
         WorkItem item;
         item.key = "task:" + tasks[0];
         item.patient = core::Id<core::Patient>{ada};
         commit(core::snooze_item(f.session->state(), item, {date::year{2026}, date::December, date::day{1}}, "away"));
         item.key = "contact:" + ada + ":never";
         item.subject_type = EntityType::Patient;
         item.subject_id = ada;
         commit(core::mark_item_done(f.session->state(), item));
       }, 8, 4, 8, 4},
      {"change a task's title only", [&] {
         commit(core::UpdateRecord{EntityType::Task, tasks[1], {{"title", "Call again"}}});
       }, 8, 4, 8, 4},
      {"hand a task to the other owner, and move a task to the visit", [&] {
         commit(core::UpdateRecord{EntityType::Task, tasks[1], {{"owner", "dana"}}});
         commit(core::UpdateRecord{EntityType::Task, tasks[2], {{"appointment", visit}}});
       }, 8, 4, 7, 5},
      {"move a patient to the other coordinator", [&] {
         commit(core::UpdateRecord{EntityType::Patient, patients[1], {{"coordinator", "dana"}}});
       }, 7, 5, 7, 5},
      {"take a patient's coordinator away", [&] {
         commit(core::UpdateRecord{EntityType::Patient, patients[2], {{"coordinator", nullptr}}});
       }, 6, 5, 7, 5},
      {"delete a patient and a task", [&] {
         commit(core::DeleteRecord{EntityType::Patient, patients[4]});
         commit(core::DeleteRecord{EntityType::Task, tasks[4]});
       }, 5, 5, 6, 5},
      {"undo the task's delete", [&] { commit(core::UndoLast{}); }, 5, 5, 7, 5},
      {"undo the patient's delete", [&] { commit(core::UndoLast{}); }, 6, 5, 7, 5},
      {"undo the coordinator taken away and the move", [&] {
         commit(core::UndoLast{});
         commit(core::UndoLast{});
       }, 8, 4, 7, 5},
      {"replay from disk", [&] {
         f.session.reset();
         auto reopened = core::Session::open(f.storage, f.clock, {"casey.coordinator"});
         REQUIRE(reopened);
         f.session = std::move(reopened.value());
       }, 8, 4, 7, 5},
  };
  for (const Step& step : steps) {
    const std::string what = step.what;
    CAPTURE(what);
    step.run();
    const core::State& state = f.session->state();
    check_text_indexes(state);
    CHECK(patients_of(state, "casey") == step.casey_patients);
    CHECK(patients_of(state, "dana") == step.dana_patients);
    CHECK(tasks_of(state, "casey") == step.casey_tasks);
    CHECK(tasks_of(state, "dana") == step.dana_tasks);
  }
  CHECK(f.session->state().tasks_about(core::Id<core::Appointment>{visit}).size() == 4);
  CHECK(f.session->state().item_states_of("task:" + tasks[0]).size() == 1);
  // A tentative apply rolled back with forget() leaves the indexes as they were.
  core::State tentative = f.session->state();
  change(tentative, EntityType::Task, "task-tentative", {{"title", "Maybe"}, {"owner", "casey"}, {"appointment", visit}});
  change(tentative, EntityType::Patient, "patient-tentative", {{"given_name", "May"}, {"coordinator", "casey"}});
  change(tentative, EntityType::WorkItemState, "state-tentative", {{"item", "task:" + tasks[0]}, {"status", "done"}});
  CHECK(tasks_of(tentative, "casey") == 8);
  CHECK(patients_of(tentative, "casey") == 9);
  CHECK(tentative.item_states_of("task:" + tasks[0]).size() == 2);
  check_text_indexes(tentative);
  core::forget(tentative, EntityType::Task, "task-tentative");
  core::forget(tentative, EntityType::Patient, "patient-tentative");
  core::forget(tentative, EntityType::WorkItemState, "state-tentative");
  CHECK(tasks_of(tentative, "casey") == 7);
  CHECK(patients_of(tentative, "casey") == 8);
  CHECK(tentative.item_states_of("task:" + tasks[0]).size() == 1);
  check_text_indexes(tentative);
  // The pointers of a copy point into the copy, and survive the original being changed.
  core::State copy = f.session->state();
  commit(core::DeleteRecord{EntityType::Task, tasks[5]});
  commit(core::DeleteRecord{EntityType::Patient, patients[5]});
  check_text_indexes(copy);
  CHECK(tasks_of(copy, "casey") == 7);
  CHECK(patients_of(copy, "casey") == 8);
  check_text_indexes(f.session->state());
  CHECK(tasks_of(f.session->state(), "casey") == 6);
  CHECK(patients_of(f.session->state(), "casey") == 7);
  core::State assigned;
  assigned = copy;
  check_text_indexes(assigned);
  CHECK(tasks_of(assigned, "casey") == 7);
}

TEST_CASE("worklist: one coordinator's list is the whole clinic's list restricted to them, on a generated clinic") {
  synthetic::ClinicSize size;
  size.patients = 2500;  // two coordinators of 1,250 patients each
  core::State state = synthetic::generate_clinic(size).state;
  const core::CivilDate today = size.today;
  const std::string one = synthetic::coordinator_name(0), two = synthetic::coordinator_name(1);
  const std::string of_one = synthetic::patient_id(0), of_two = synthetic::patient_id(1);  // coordinators alternate
  REQUIRE(state.find(core::Id<core::Patient>{of_one})->coordinator == one);
  REQUIRE(state.find(core::Id<core::Patient>{of_two})->coordinator == two);

  // What the generator does not make: tasks owned by someone else than the patient's coordinator,
  // or with no patient; an inactive patient; a patient moved to the other coordinator; a no-show
  // closed by an outreach task that names no patient.
  const json due{{"due_date", core::format_civil_date(today)}, {"title", "Edge"}};
  auto task = [&](const std::string& id, json fields) {
    fields.update(due);
    change(state, EntityType::Task, id, fields);
  };
  task("task-edge-1", {{"owner", one}, {"patient", of_two}});                        // both see it
  task("task-edge-2", {{"owner", one}});                                             // one only
  task("task-edge-3", {{"owner", "someone-else"}});                                  // the whole clinic only
  task("task-edge-4", {{"owner", two}, {"patient", synthetic::patient_id(2)}});      // made inactive below: nobody
  task("task-edge-5", {{"owner", two}, {"patient", of_one}, {"kind", "follow_up"}});  // both, unless booked
  change(state, EntityType::Patient, synthetic::patient_id(2), {{"status", "inactive"}});
  change(state, EntityType::Patient, synthetic::patient_id(4), {{"coordinator", two}});
  std::string closed;  // a no-show listed until the task closes it
  for (const WorkItem& i : core::compute_worklist(state, {"", today}))
    if (i.kind == "no_show_outreach") closed = i.subject_id;
  REQUIRE(!closed.empty());
  task("task-edge-6", {{"kind", "outreach"}, {"status", "done"}, {"appointment", closed}});

  // Some items snoozed (past and future), finished, or finished and then the state deleted; never
  // the edge tasks, which are checked by name below.
  const std::vector<WorkItem> before = core::compute_worklist(state, {"", today});
  REQUIRE(before.size() > 500);
  for (std::size_t n = 0; n < before.size(); n += 5) {
    if (before[n].key.starts_with("task:task-edge-")) continue;
    const std::string id = "state-edge-" + std::to_string(n);
    json fields{{"item", before[n].key}};
    if (!before[n].patient.empty()) fields["patient"] = before[n].patient.value;
    switch (n / 5 % 4) {
      case 0: fields["status"] = "done"; break;
      case 1: fields.update({{"status", "snoozed"}, {"until", "2026-12-05"}}); break;
      case 2: fields.update({{"status", "snoozed"}, {"until", core::format_civil_date(today)}}); break;
      default: fields.update({{"status", "done"}, {"deleted", true}}); break;
    }
    change(state, EntityType::WorkItemState, id, fields);
  }

  const std::vector<WorkItem> all = core::compute_worklist(state, {"", today});
  // The whole clinic's list: what it was, less what a full scan of the item states hides.
  std::vector<WorkItem> unhidden;
  for (const WorkItem& i : before)
    if (!hidden_by_scan(state, i.key, today)) unhidden.push_back(i);
  CHECK(described(all) == described(unhidden));
  CHECK(all.size() < before.size());
  auto listed = [&](const std::vector<WorkItem>& items, const std::string& key) {
    return std::any_of(items.begin(), items.end(), [&](const WorkItem& i) { return i.key == key; });
  };
  CHECK(!listed(all, "no_show:" + closed));
  CHECK(listed(all, "task:task-edge-3"));
  CHECK(!listed(all, "task:task-edge-4"));

  // Each coordinator's list, item for item, and someone who only owns a task.
  for (const std::string& coordinator : {one, two, std::string("someone-else")}) {
    CAPTURE(coordinator);
    std::vector<WorkItem> expected;
    for (const WorkItem& i : all)
      if (theirs(state, i, coordinator)) expected.push_back(i);
    const std::vector<WorkItem> found = core::compute_worklist(state, {coordinator, today});
    CHECK(described(found) == described(expected));
    std::set<std::string> kinds;
    for (const WorkItem& i : found) kinds.insert(i.kind);
    CHECK(kinds.size() >= (coordinator == "someone-else" ? 1u : 10u));
  }
  CHECK(listed(core::compute_worklist(state, {one, today}), "task:task-edge-1"));
  CHECK(listed(core::compute_worklist(state, {two, today}), "task:task-edge-1"));
  CHECK(listed(core::compute_worklist(state, {one, today}), "task:task-edge-2"));
  CHECK(!listed(core::compute_worklist(state, {two, today}), "task:task-edge-2"));

  // The off-track goals listed are those a full evaluation finds off track (and not hidden).
  std::set<std::string> off_track, listed_goals;
  for (const auto& [id, g] : state.table<core::Goal>()) {
    const core::Patient* p = state.find(g.patient);
    if (g.deleted || !p || p->status != "active" || (g.status != "active" && !g.status.empty())) continue;
    const core::GoalEvaluation e = core::evaluate_goal(state, g);
    if (e.progress != core::GoalProgress::OffTrack) continue;
    const std::string key = "goal:" + id.value + ":" + e.series.back().taken_at.substr(0, 10);
    if (!hidden_by_scan(state, key, today)) off_track.insert(key);
  }
  for (const WorkItem& i : all)
    if (i.kind == "goal_off_track") listed_goals.insert(i.key);
  CHECK(off_track.size() > 10);
  CHECK(listed_goals == off_track);
}

TEST_CASE("worklist: an off-track goal is listed exactly when its full evaluation says off track") {
  struct Reading {
    const char* type;
    double value;
    const char* unit;
    const char* taken_at;
  };
  struct Row {
    const char* what;
    const char* target;
    std::vector<Reading> readings;  // created in this order, so ids follow it
    bool off_track;
  };
  const std::vector<Row> rows{
      {"no reading", "< 80 kg", {}, false},
      {"the latest meets it", "< 80 kg", {{"Weight", 90, "kg", "2026-11-01T08:00"}, {"Weight", 79, "kg", "2026-11-20T08:00"}}, false},
      {"the latest misses it", "< 80 kg", {{"Weight", 79, "kg", "2026-11-01T08:00"}, {"Weight", 80, "kg", "2026-11-20T08:00"}}, true},
      {"the latest taken, not the latest added", "< 80 kg",
       {{"Weight", 79, "kg", "2026-11-20T08:00"}, {"Weight", 90, "kg", "2026-11-01T08:00"}}, false},
      {"same time: the last added counts", "< 80 kg",
       {{"Weight", 79, "kg", "2026-11-20T08:00"}, {"Weight", 90, "kg", "2026-11-20T08:00"}}, true},
      {"same time: the last added counts, the other way", "< 80 kg",
       {{"Weight", 90, "kg", "2026-11-20T08:00"}, {"Weight", 79, "kg", "2026-11-20T08:00"}}, false},
      {"a later reading in another unit is left out", "< 80 kg",
       {{"Weight", 85, "kg", "2026-11-01T08:00"}, {"Weight", 70, "lb", "2026-11-20T08:00"}}, true},
      {"a later reading with no unit counts", "< 80 kg",
       {{"Weight", 85, "kg", "2026-11-01T08:00"}, {"weight", 70, "", "2026-11-20T08:00"}}, false},
      {"units and types match ignoring case and spaces", "<= 7 %",
       {{"Hb A1c", 7.5, " % ", "2026-11-20T08:00"}}, true},
      {"another measure is ignored", "< 80 kg",
       {{"Weight", 85, "kg", "2026-11-01T08:00"}, {"Height", 70, "kg", "2026-11-20T08:00"}}, true},
      {"an unreadable target is never off track", "lose some", {{"Weight", 120, "kg", "2026-11-20T08:00"}}, false},
      {"a range at both ends", "between 4 and 7", {{"Weight", 7, "", "2026-11-20T08:00"}}, false},
      {"a range missed", "between 4 and 7", {{"Weight", 3.9, "", "2026-11-20T08:00"}}, true},
  };
  for (const Row& row : rows) {
    const std::string what = row.what;
    CAPTURE(what);
    Fixture f;
    const std::string measure = std::string(row.target) == "<= 7 %" ? "HbA1c" : "Weight";
    const std::string goal = f.create(EntityType::Goal, {{"patient", f.ids["$patient"]}, {"description", "Goal"},
                                                         {"measure", measure}, {"target", row.target}});
    for (const Reading& r : row.readings)
      f.create(EntityType::Measurement, {{"patient", f.ids["$patient"]}, {"type", r.type}, {"value", r.value},
                                         {"unit", r.unit}, {"taken_at", r.taken_at}});
    const core::State& state = f.session->state();
    const bool evaluated_off = core::evaluate_goal(state, *state.find(core::Id<core::Goal>{goal})).progress ==
                               core::GoalProgress::OffTrack;
    CHECK(evaluated_off == row.off_track);
    bool listed = false;
    for (const WorkItem& i : core::compute_worklist(state, {"", f.clock.today()}))
      listed = listed || (i.kind == "goal_off_track" && i.subject_id == goal);
    CHECK(listed == row.off_track);
  }
}
