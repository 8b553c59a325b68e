// The coordinator's worklist through a real Session: each kind of item is listed when due and
// leaves when its natural action is done, hides while snoozed, ignores deleted records and keeps
// to the coordinator's patients; the edges of each rule; the order; and snoozing and finishing
// committed like any change, with undo bringing the item back.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/worklist/item_kinds.hpp"
#include "core/worklist/worklist.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using core::WorkItem;
using nlohmann::json;

core::CivilDate day(const char* text) {
  auto parsed = core::parse_civil_date(text);
  REQUIRE(parsed);
  return *parsed;
}

// The model fixture (today is Saturday 2026-11-28) plus a patient each for coordinators "casey"
// and "robin", and a second practitioner.
struct WorklistFixture : model_test::Fixture {
  WorklistFixture() {
    ids["$casey_patient"] = create(EntityType::Patient, {{"given_name", "Mary"}, {"family_name", "Jones"},
                                                         {"birth_date", "1950-05-01"}, {"coordinator", "casey"}});
    ids["$robin_patient"] = create(EntityType::Patient, {{"given_name", "Tom"}, {"family_name", "Baker"},
                                                         {"birth_date", "1961-07-15"}, {"coordinator", "robin"}});
    ids["$other_practitioner"] = create(EntityType::Practitioner, {{"name", "Dr. Sam Lee"}, {"role", "specialist"}});
  }

  std::string add(EntityType type, const std::string& fields_text) { return create(type, resolve(fields_text)); }
  void update(EntityType type, const std::string& id, const std::string& fields_text) {
    auto done = session->commit(core::UpdateRecord{type, id, resolve(fields_text)});
    REQUIRE(done);
  }
  void commit(const core::Action& action) {
    auto done = session->commit(action);
    if (!done) FAIL(done.error().message);
  }

  std::vector<WorkItem> worklist(const char* today = "2026-11-28", const std::string& coordinator = "") const {
    return core::compute_worklist(session->state(), {coordinator, day(today)});
  }
  std::optional<WorkItem> item(const std::string& key, const char* today = "2026-11-28",
                               const std::string& coordinator = "") const {
    for (const WorkItem& i : worklist(today, coordinator))
      if (i.key == key) return i;
    return std::nullopt;
  }
  bool listed(const std::string& key, const char* today = "2026-11-28", const std::string& coordinator = "") const {
    return item(key, today, coordinator).has_value();
  }
};

// One kind: records that make an item due for $casey_patient (returning its key), the natural
// action that finishes it, and what the item must say.
struct KindCase {
  const char* kind;
  std::string (*make_due)(WorklistFixture&);
  void (*finish)(WorklistFixture&, const WorkItem&);
  const char* due;
  bool overdue;
  const char* reason;
  const char* next_action;
};

std::string add_completed_visit(WorklistFixture& f) {
  return f.ids["$visit"] = f.add(EntityType::Appointment, R"({"patient": "$casey_patient",
      "practitioner": "$practitioner", "type": "office_visit", "status": "completed",
      "start": "2026-11-20T09:00", "end": "2026-11-20T09:30"})");
}

const std::vector<KindCase> kind_cases = {
    {"task_due",
     [](WorklistFixture& f) {
       return "task:" + f.add(EntityType::Task, R"({"patient": "$casey_patient", "title": "Call pharmacy about refill",
           "due_date": "2026-11-25"})");
     },
     [](WorklistFixture& f, const WorkItem& i) { f.update(EntityType::Task, i.subject_id, R"({"status": "done"})"); },
     "2026-11-25", true, "Overdue by 3 days: Call pharmacy about refill", "Mark done"},
    {"follow_up_unscheduled",
     [](WorklistFixture& f) {
       add_completed_visit(f);
       return "follow_up:" + f.add(EntityType::Task, R"({"patient": "$casey_patient", "kind": "follow_up",
           "appointment": "$visit", "title": "Follow-up in two weeks", "due_date": "2026-12-05"})");
     },
     [](WorklistFixture& f, const WorkItem&) {
       f.add(EntityType::Appointment, R"({"patient": "$casey_patient", "status": "booked",
           "start": "2026-12-04T10:00", "end": "2026-12-04T10:30"})");
     },
     "2026-12-05", false, "Book by 2026-12-05: Follow-up in two weeks", "Book the follow-up"},
    {"follow_up_unscheduled",
     [](WorklistFixture& f) {
       add_completed_visit(f);
       return "follow_up:" + f.add(EntityType::Appointment, R"({"patient": "$casey_patient",
           "practitioner": "$practitioner", "type": "follow_up", "status": "proposed", "follow_up_of": "$visit",
           "start": "2026-12-10T09:00", "end": "2026-12-10T09:30"})");
     },
     [](WorklistFixture& f, const WorkItem& i) { f.update(EntityType::Appointment, i.subject_id, R"({"status": "booked"})"); },
     "2026-12-10", false, "Proposed, not yet agreed: follow-up on 2026-12-10 09:00 with Dr. Rosa Diaz",
     "Confirm the proposed follow-up with the patient"},
    {"confirm_appointment",
     [](WorklistFixture& f) {
       return "confirm:" + f.add(EntityType::Appointment, R"({"patient": "$casey_patient",
           "practitioner": "$practitioner", "type": "office_visit", "status": "booked",
           "start": "2026-12-01T09:30", "end": "2026-12-01T10:00"})");
     },
     [](WorklistFixture& f, const WorkItem& i) { f.update(EntityType::Appointment, i.subject_id, R"({"status": "confirmed"})"); },
     "2026-11-28", false, "Confirm the office visit on 2026-12-01 09:30 with Dr. Rosa Diaz", "Call to confirm"},
    {"no_show_outreach",
     [](WorklistFixture& f) {
       return "no_show:" + f.add(EntityType::Appointment, R"({"patient": "$casey_patient",
           "practitioner": "$practitioner", "type": "office_visit", "status": "no_show",
           "start": "2026-11-20T09:00", "end": "2026-11-20T09:30"})");
     },
     [](WorklistFixture& f, const WorkItem&) {
       f.add(EntityType::Note, R"({"patient": "$casey_patient", "kind": "call", "outcome": "reached",
           "at": "2026-11-27T10:00", "text": "Will call back to rebook."})");
     },
     "2026-11-20", true, "Missed the office visit on 2026-11-20 09:00 with Dr. Rosa Diaz, not rebooked",
     "Call the patient to rebook"},
    {"not_contacted",
     [](WorklistFixture& f) { return "contact:" + f.ids["$casey_patient"] + ":never"; },
     [](WorklistFixture& f, const WorkItem&) {
       f.add(EntityType::Note, R"({"patient": "$casey_patient", "kind": "call", "outcome": "completed",
           "at": "2026-11-27T10:00", "text": "Checked in."})");
     },
     "2026-11-28", false, "Never contacted", "Call the patient"},
    {"care_plan_review",
     [](WorklistFixture& f) {
       std::string id = f.add(EntityType::CarePlan, R"({"patient": "$casey_patient", "title": "Diabetes",
           "status": "active", "next_review_date": "2026-11-20"})");
       return "review:" + id + ":2026-11-20";
     },
     [](WorklistFixture& f, const WorkItem& i) {
       f.update(EntityType::CarePlan, i.subject_id, R"({"next_review_date": "2027-05-20"})");
     },
     "2026-11-20", true, "Overdue by 8 days: review of Diabetes", "Review the care plan"},
    {"referral_open_loop",
     [](WorklistFixture& f) {
       return "referral:" + f.add(EntityType::Referral, R"({"patient": "$casey_patient",
           "to_practitioner": "$practitioner", "reason": "Cardiology opinion on a murmur", "status": "sent",
           "sent_date": "2026-11-01"})");
     },
     [](WorklistFixture& f, const WorkItem& i) { f.update(EntityType::Referral, i.subject_id, R"({"status": "completed"})"); },
     "2026-11-15", true, "Referral sent 27 days ago with no visit or report: Cardiology opinion on a murmur",
     "Chase the referral"},
};

}  // namespace

TEST_CASE("worklist: each kind is listed when due, scoped to its coordinator, and leaves when done") {
  for (const KindCase& c : kind_cases) {
    CAPTURE(c.kind);
    WorklistFixture f;
    const std::string key = c.make_due(f);
    CAPTURE(key);
    auto found = f.item(key);
    REQUIRE(found);
    CHECK(found->kind == c.kind);
    CHECK(found->patient.value == f.ids["$casey_patient"]);
    CHECK(f.session->state().exists(found->subject_type, found->subject_id));
    CHECK(core::format_civil_date(found->due) == c.due);
    CHECK(found->overdue == c.overdue);
    CHECK(found->reason == c.reason);
    CHECK(found->next_action == c.next_action);

    CHECK(f.listed(key, "2026-11-28", "casey"));
    CHECK_FALSE(f.listed(key, "2026-11-28", "robin"));

    c.finish(f, *found);
    CHECK_FALSE(f.listed(key));
  }
}

TEST_CASE("worklist: each kind hides while snoozed, comes back on the day, and ignores a deleted record") {
  for (const KindCase& c : kind_cases) {
    CAPTURE(c.kind);
    WorklistFixture f;
    const std::string key = c.make_due(f);
    auto found = f.item(key);
    REQUIRE(found);
    f.commit(core::snooze_item(f.session->state(), *found, day("2026-11-30"), "Patient away for the weekend"));
    CHECK_FALSE(f.listed(key, "2026-11-28"));
    CHECK_FALSE(f.listed(key, "2026-11-29"));
    CHECK(f.listed(key, "2026-11-30"));

    f.commit(core::UndoLast{});
    CHECK(f.listed(key, "2026-11-28"));

    f.commit(core::DeleteRecord{found->subject_type, found->subject_id});
    CHECK_FALSE(f.listed(key, "2026-11-28"));
    CHECK_FALSE(f.listed(key, "2026-11-30"));
  }
}

TEST_CASE("worklist: marking each kind done is a commit that undo takes back") {
  for (const KindCase& c : kind_cases) {
    CAPTURE(c.kind);
    WorklistFixture f;
    const std::string key = c.make_due(f);
    auto found = f.item(key);
    REQUIRE(found);
    f.commit(core::mark_item_done(f.session->state(), *found));
    CHECK_FALSE(f.listed(key));
    CHECK_FALSE(f.listed(key, "2027-01-15"));
    f.commit(core::UndoLast{});
    CHECK(f.listed(key));
  }
}

TEST_CASE("worklist: marking a task's item done closes the task itself") {
  WorklistFixture f;
  std::string id = f.add(EntityType::Task, R"({"patient": "$casey_patient", "title": "Send forms", "due_date": "2026-11-28"})");
  auto found = f.item("task:" + id);
  REQUIRE(found);
  CHECK(found->reason == "Due today: Send forms");
  f.commit(core::mark_item_done(f.session->state(), *found));
  CHECK(f.session->state().find(core::Id<core::Task>{id})->status == "done");
  CHECK(f.session->state().table<core::WorkItemState>().empty());
}

TEST_CASE("worklist: snoozing again or then finishing changes the item's one WorkItemState") {
  WorklistFixture f;
  std::string plan = f.add(EntityType::CarePlan, R"({"patient": "$casey_patient", "title": "Falls",
      "status": "active", "next_review_date": "2026-11-28"})");
  const std::string key = "review:" + plan + ":2026-11-28";
  auto found = f.item(key);
  REQUIRE(found);
  f.commit(core::snooze_item(f.session->state(), *found, day("2026-11-30"), "Waiting for the care conference"));
  f.commit(core::snooze_item(f.session->state(), *found, day("2026-12-07"), "Conference moved"));
  const auto& states = f.session->state().table<core::WorkItemState>();
  REQUIRE(states.size() == 1);
  const core::WorkItemState& s = states.begin()->second;
  CHECK(s.item == key);
  CHECK(s.patient.value == f.ids["$casey_patient"]);
  CHECK(s.status == "snoozed");
  CHECK(s.reason == "Conference moved");
  CHECK_FALSE(f.listed(key, "2026-12-06"));
  CHECK(f.listed(key, "2026-12-07"));

  f.commit(core::mark_item_done(f.session->state(), *found));
  CHECK(f.session->state().table<core::WorkItemState>().size() == 1);
  CHECK_FALSE(f.listed(key, "2026-12-07"));
  f.commit(core::UndoLast{});  // back to the second snooze
  CHECK_FALSE(f.listed(key, "2026-12-06"));
  CHECK(f.listed(key, "2026-12-07"));
}

TEST_CASE("worklist: a new review date makes a new item even after the last one was marked done") {
  WorklistFixture f;
  std::string plan = f.add(EntityType::CarePlan, R"({"patient": "$casey_patient", "title": "Falls",
      "status": "active", "next_review_date": "2026-11-20"})");
  auto found = f.item("review:" + plan + ":2026-11-20");
  REQUIRE(found);
  f.commit(core::mark_item_done(f.session->state(), *found));
  CHECK_FALSE(f.listed("review:" + plan + ":2026-11-20"));
  f.update(EntityType::CarePlan, plan, R"({"next_review_date": "2026-11-27"})");
  CHECK(f.listed("review:" + plan + ":2026-11-27"));
}

TEST_CASE("worklist: tasks due") {
  WorklistFixture f;
  struct Row {
    const char* fields;
    bool listed;
  };
  const std::vector<Row> rows = {
      {R"({"patient": "$casey_patient", "title": "Due today", "due_date": "2026-11-28"})", true},
      {R"({"patient": "$casey_patient", "title": "Kind general", "kind": "general", "due_date": "2026-11-01"})", true},
      {R"({"patient": "$casey_patient", "title": "In progress", "status": "in_progress", "due_date": "2026-11-27"})", true},
      {R"({"title": "No patient", "due_date": "2026-11-27"})", true},
      {R"({"patient": "$casey_patient", "title": "Tomorrow", "due_date": "2026-11-29"})", false},
      {R"({"patient": "$casey_patient", "title": "No due date"})", false},
      {R"({"patient": "$casey_patient", "title": "Cancelled", "status": "cancelled", "due_date": "2026-11-27"})", false},
      {R"({"patient": "$casey_patient", "title": "Outreach kind", "kind": "outreach", "due_date": "2026-11-27"})", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.fields);
    std::string id = f.add(EntityType::Task, row.fields);
    CHECK(f.listed("task:" + id) == row.listed);
  }
}

TEST_CASE("worklist: a task is seen by its owner and by its patient's coordinator") {
  WorklistFixture f;
  std::string unassigned = f.add(EntityType::Task, R"({"title": "Order supplies", "owner": "casey", "due_date": "2026-11-27"})");
  std::string robins = f.add(EntityType::Task, R"({"patient": "$robin_patient", "title": "Fax records", "owner": "casey",
      "due_date": "2026-11-27"})");
  std::string nobodys = f.add(EntityType::Task, R"({"patient": "$patient", "title": "Check labs", "due_date": "2026-11-27"})");
  CHECK(f.listed("task:" + unassigned, "2026-11-28", "casey"));
  CHECK_FALSE(f.listed("task:" + unassigned, "2026-11-28", "robin"));
  CHECK(f.listed("task:" + robins, "2026-11-28", "casey"));
  CHECK(f.listed("task:" + robins, "2026-11-28", "robin"));
  CHECK_FALSE(f.listed("task:" + nobodys, "2026-11-28", "casey"));
  CHECK(f.listed("task:" + nobodys));
}

TEST_CASE("worklist: an inactive patient's items are not listed") {
  WorklistFixture f;
  std::string task = f.add(EntityType::Task, R"({"patient": "$casey_patient", "title": "Call", "due_date": "2026-11-27"})");
  REQUIRE(f.listed("task:" + task));
  REQUIRE(f.listed("contact:" + f.ids["$casey_patient"] + ":never"));
  f.update(EntityType::Patient, f.ids["$casey_patient"], R"({"status": "inactive"})");
  CHECK_FALSE(f.listed("task:" + task));
  CHECK_FALSE(f.listed("contact:" + f.ids["$casey_patient"] + ":never"));
}

TEST_CASE("worklist: a follow-up task is booked only by a holding appointment after its visit") {
  struct Row {
    const char* appointment;  // another appointment of the patient, or "" for none
    bool listed;
  };
  const std::vector<Row> rows = {
      {"", true},
      {R"({"status": "booked", "start": "2026-11-10T09:00", "end": "2026-11-10T09:30"})", true},   // before the visit
      {R"({"status": "cancelled", "start": "2026-12-10T09:00", "end": "2026-12-10T09:30"})", true},
      {R"({"status": "proposed", "start": "2026-12-10T09:00", "end": "2026-12-10T09:30"})", true},
      {R"({"status": "confirmed", "start": "2026-12-10T09:00", "end": "2026-12-10T09:30"})", false},
      {R"({"status": "completed", "start": "2026-11-25T09:00", "end": "2026-11-25T09:30"})", false},  // after the visit
  };
  for (const Row& row : rows) {
    CAPTURE(row.appointment);
    WorklistFixture f;
    add_completed_visit(f);
    std::string task = f.add(EntityType::Task, R"({"patient": "$casey_patient", "kind": "follow_up",
        "appointment": "$visit", "title": "Book the follow-up", "due_date": "2026-11-25"})");
    if (*row.appointment) {
      json fields = json::parse(row.appointment);
      fields["patient"] = f.ids["$casey_patient"];
      f.create(EntityType::Appointment, fields);
    }
    CHECK(f.listed("follow_up:" + task) == row.listed);
  }
}

TEST_CASE("worklist: a follow-up task with no visit is booked by any appointment from today on") {
  WorklistFixture f;
  std::string task = f.add(EntityType::Task, R"({"patient": "$casey_patient", "kind": "follow_up", "title": "Book a visit"})");
  auto found = f.item("follow_up:" + task);
  REQUIRE(found);
  CHECK(core::format_civil_date(found->due) == "2026-11-28");
  CHECK(found->reason == "Not booked yet: Book a visit");
  f.add(EntityType::Appointment, R"({"patient": "$casey_patient", "status": "completed",
      "start": "2026-11-27T09:00", "end": "2026-11-27T09:30"})");
  CHECK(f.listed("follow_up:" + task));
  f.add(EntityType::Appointment, R"({"patient": "$casey_patient", "status": "booked",
      "start": "2026-11-28T15:00", "end": "2026-11-28T15:30"})");
  CHECK_FALSE(f.listed("follow_up:" + task));
}

TEST_CASE("worklist: appointments to confirm within the business days ahead") {
  struct Row {
    const char* today;
    const char* holiday;  // "" for none
    const char* start;
    bool listed;
  };
  const std::vector<Row> rows = {
      {"2026-12-04", "", "2026-12-04T16:00", true},   // Friday: today itself
      {"2026-12-04", "", "2026-12-03T16:00", false},  // yesterday
      {"2026-12-04", "", "2026-12-08T09:00", true},   // Friday to Tuesday is two business days
      {"2026-12-04", "", "2026-12-09T09:00", false},
      {"2026-12-04", "2026-12-07", "2026-12-09T09:00", true},   // a Monday holiday stretches it to Wednesday
      {"2026-12-04", "2026-12-07", "2026-12-10T09:00", false},
      {"2026-11-28", "", "2026-12-01T09:00", true},   // Saturday to Tuesday
      {"2026-11-28", "", "2026-12-02T09:00", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.today);
    CAPTURE(row.holiday);
    CAPTURE(row.start);
    WorklistFixture f;
    if (*row.holiday) f.create(EntityType::ClinicHoliday, {{"date", row.holiday}, {"name", "Staff day"}});
    json fields = {{"patient", f.ids["$casey_patient"]}, {"status", "booked"}, {"start", row.start},
                   {"end", std::string(row.start).substr(0, 11) + "23:00"}};
    std::string id = f.create(EntityType::Appointment, fields);
    CHECK(f.listed("confirm:" + id, row.today) == row.listed);
  }
}

TEST_CASE("worklist: the clinic's settings change how far ahead appointments are confirmed") {
  WorklistFixture f;
  std::string id = f.add(EntityType::Appointment, R"({"patient": "$casey_patient", "status": "booked",
      "start": "2026-12-08T09:00", "end": "2026-12-08T09:30"})");
  CHECK(f.listed("confirm:" + id, "2026-12-04"));
  CHECK_FALSE(f.listed("confirm:" + id, "2026-12-03"));
  f.create(EntityType::ClinicSettings, {{"confirm_business_days", 3}});
  CHECK(f.listed("confirm:" + id, "2026-12-03"));
  CHECK_FALSE(f.listed("confirm:" + id, "2026-12-02"));
}

TEST_CASE("worklist: what closes a no-show and what does not") {
  struct Row {
    const char* what;
    EntityType type;
    const char* fields;
    bool listed;
  };
  const std::vector<Row> rows = {
      {"nothing", EntityType::Task, "", true},
      {"a message left", EntityType::Note,
       R"({"patient": "$casey_patient", "kind": "call", "outcome": "left_message", "at": "2026-11-21T10:00", "text": "x"})", true},
      {"a call before the visit", EntityType::Note,
       R"({"patient": "$casey_patient", "kind": "call", "outcome": "reached", "at": "2026-11-19T10:00", "text": "x"})", true},
      {"another patient reached", EntityType::Note,
       R"({"patient": "$robin_patient", "kind": "call", "outcome": "reached", "at": "2026-11-21T10:00", "text": "x"})", true},
      {"an open outreach task", EntityType::Task,
       R"({"patient": "$casey_patient", "kind": "outreach", "appointment": "$no_show", "title": "Reach"})", true},
      {"a finished outreach task", EntityType::Task,
       R"({"patient": "$casey_patient", "kind": "outreach", "appointment": "$no_show", "title": "Reach", "status": "done"})", false},
      {"a cancelled outreach task", EntityType::Task,
       R"({"patient": "$casey_patient", "kind": "outreach", "appointment": "$no_show", "title": "Reach", "status": "cancelled"})", false},
      {"a rebooked visit", EntityType::Appointment,
       R"({"patient": "$casey_patient", "status": "booked", "start": "2026-12-03T09:00", "end": "2026-12-03T09:30"})", false},
      {"a proposed visit", EntityType::Appointment,
       R"({"patient": "$casey_patient", "status": "proposed", "start": "2026-12-03T09:00", "end": "2026-12-03T09:30"})", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    WorklistFixture f;
    f.ids["$no_show"] = f.add(EntityType::Appointment, R"({"patient": "$casey_patient", "status": "no_show",
        "start": "2026-11-20T09:00", "end": "2026-11-20T09:30"})");
    if (*row.fields) f.add(row.type, row.fields);
    CHECK(f.listed("no_show:" + f.ids["$no_show"]) == row.listed);
  }
}

TEST_CASE("worklist: no-shows are chased for 60 days") {
  WorklistFixture f;
  std::string id = f.add(EntityType::Appointment, R"({"patient": "$casey_patient", "status": "no_show",
      "start": "2026-11-20T09:00", "end": "2026-11-20T09:30"})");
  CHECK(f.listed("no_show:" + id, "2027-01-19"));
  CHECK_FALSE(f.listed("no_show:" + id, "2027-01-20"));
  CHECK_FALSE(f.listed("no_show:" + id, "2026-11-19"));
}

TEST_CASE("worklist: patients not contacted for longer than the gap") {
  struct Row {
    const char* what;
    EntityType type;
    const char* fields;
    const char* key_date;  // "" when not listed
    const char* reason;
  };
  const std::vector<Row> rows = {
      {"a call 30 days ago", EntityType::Note,
       R"({"patient": "$casey_patient", "kind": "call", "outcome": "reached", "at": "2026-10-29T10:00", "text": "x"})", "", ""},
      {"a call 31 days ago", EntityType::Note,
       R"({"patient": "$casey_patient", "kind": "call", "outcome": "reached", "at": "2026-10-28T10:00", "text": "x"})",
       "2026-10-28", "No contact for 31 days"},
      {"an unanswered call", EntityType::Note,
       R"({"patient": "$casey_patient", "kind": "call", "outcome": "no_answer", "at": "2026-11-27T10:00", "text": "x"})",
       "never", "Never contacted"},
      {"a visit attended", EntityType::Appointment,
       R"({"patient": "$casey_patient", "status": "completed", "start": "2026-11-02T10:00", "end": "2026-11-02T10:30"})", "", ""},
      {"an old visit attended", EntityType::Appointment,
       R"({"patient": "$casey_patient", "status": "arrived", "start": "2026-09-01T10:00", "end": "2026-09-01T10:30"})",
       "2026-09-01", "No contact for 88 days"},
      {"a visit booked", EntityType::Appointment,
       R"({"patient": "$casey_patient", "status": "booked", "start": "2026-11-27T10:00", "end": "2026-11-27T10:30"})",
       "never", "Never contacted"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    WorklistFixture f;
    f.add(row.type, row.fields);
    const std::string prefix = "contact:" + f.ids["$casey_patient"] + ":";
    int listed = 0;
    for (const WorkItem& i : f.worklist())
      if (i.key.rfind(prefix, 0) == 0) ++listed;
    if (*row.key_date) {
      CHECK(listed == 1);
      auto found = f.item(prefix + row.key_date);
      REQUIRE(found);
      CHECK(found->reason == row.reason);
      CHECK(found->subject_type == EntityType::Patient);
    } else {
      CHECK(listed == 0);
    }
  }
}

TEST_CASE("worklist: not contacted lists only patients with a coordinator, and follows the clinic's gap") {
  WorklistFixture f;
  CHECK_FALSE(f.listed("contact:" + f.ids["$patient"] + ":never"));
  CHECK(f.listed("contact:" + f.ids["$robin_patient"] + ":never"));
  f.add(EntityType::Note, R"({"patient": "$casey_patient", "kind": "visit", "outcome": "completed",
      "at": "2026-11-18T10:00", "text": "Home visit."})");
  const std::string key = "contact:" + f.ids["$casey_patient"] + ":2026-11-18";
  CHECK_FALSE(f.listed(key));
  f.create(EntityType::ClinicSettings, {{"contact_gap_days", 7}});
  auto found = f.item(key);
  REQUIRE(found);
  CHECK(core::format_civil_date(found->due) == "2026-11-25");
  CHECK(found->overdue);
  CHECK(found->reason == "No contact for 10 days");
}

TEST_CASE("worklist: the last contact is the latest successful note, in whatever order the notes were written") {
  WorklistFixture f;
  for (const auto& [outcome, at] : std::vector<std::pair<const char*, const char*>>{{"reached", "2026-10-20T09:00"},
                                                                                    {"completed", "2026-10-25T16:00"},
                                                                                    {"reached", "2026-10-22T08:00"},
                                                                                    {"no_answer", "2026-11-27T10:00"}})
    f.create(EntityType::Note, {{"patient", f.ids["$casey_patient"]}, {"kind", "call"}, {"outcome", outcome},
                                {"at", at}, {"text", "x"}});
  auto found = f.item("contact:" + f.ids["$casey_patient"] + ":2026-10-25");
  REQUIRE(found);
  CHECK(found->reason == "No contact for 34 days");
}

TEST_CASE("worklist: care plans due for review") {
  WorklistFixture f;
  struct Row {
    const char* fields;
    bool listed;
  };
  const std::vector<Row> rows = {
      {R"({"patient": "$casey_patient", "title": "a", "status": "active", "next_review_date": "2026-11-28"})", true},
      {R"({"patient": "$casey_patient", "title": "b", "status": "active", "next_review_date": "2026-11-29"})", false},
      {R"({"patient": "$casey_patient", "title": "c", "status": "draft", "next_review_date": "2026-11-01"})", false},
      {R"({"patient": "$casey_patient", "title": "d", "status": "completed", "next_review_date": "2026-11-01"})", false},
      {R"({"patient": "$casey_patient", "title": "e", "status": "active"})", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.fields);
    std::string id = f.add(EntityType::CarePlan, row.fields);
    const core::CarePlan* plan = f.session->state().find(core::Id<core::CarePlan>{id});
    REQUIRE(plan);
    std::string date = plan->next_review_date ? core::format_civil_date(*plan->next_review_date) : "";
    CHECK(f.listed("review:" + id + ":" + date) == row.listed);
  }
}

TEST_CASE("worklist: what closes a referral's loop and what does not") {
  struct Row {
    const char* what;
    const char* referral;
    const char* appointment;  // "" for none
    bool listed;
  };
  const char* to_diaz = R"({"patient": "$casey_patient", "to_practitioner": "$practitioner", "reason": "r",
      "status": "sent", "sent_date": "2026-11-01"})";
  const std::vector<Row> rows = {
      {"a visit with the practitioner", to_diaz,
       R"({"patient": "$casey_patient", "practitioner": "$practitioner", "status": "booked", "start": "2026-12-15T09:00", "end": "2026-12-15T09:30"})",
       false},
      {"a visit on the day sent", to_diaz,
       R"({"patient": "$casey_patient", "practitioner": "$practitioner", "status": "completed", "start": "2026-11-01T09:00", "end": "2026-11-01T09:30"})",
       false},
      {"a visit before it was sent", to_diaz,
       R"({"patient": "$casey_patient", "practitioner": "$practitioner", "status": "completed", "start": "2026-10-31T09:00", "end": "2026-10-31T09:30"})",
       true},
      {"a visit with someone else", to_diaz,
       R"({"patient": "$casey_patient", "practitioner": "$other_practitioner", "status": "booked", "start": "2026-12-15T09:00", "end": "2026-12-15T09:30"})",
       true},
      {"a cancelled visit", to_diaz,
       R"({"patient": "$casey_patient", "practitioner": "$practitioner", "status": "cancelled", "start": "2026-12-15T09:00", "end": "2026-12-15T09:30"})",
       true},
      {"no practitioner named", R"({"patient": "$casey_patient", "to_organization": "$organization", "reason": "r",
           "status": "sent", "sent_date": "2026-11-01"})",
       R"({"patient": "$casey_patient", "practitioner": "$practitioner", "status": "booked", "start": "2026-12-15T09:00", "end": "2026-12-15T09:30"})",
       true},
      {"sent 14 days ago", R"({"patient": "$casey_patient", "reason": "r", "status": "sent", "sent_date": "2026-11-14"})", "", true},
      {"sent 13 days ago", R"({"patient": "$casey_patient", "reason": "r", "status": "sent", "sent_date": "2026-11-15"})", "", false},
      {"not sent", R"({"patient": "$casey_patient", "reason": "r", "status": "draft", "sent_date": "2026-11-01"})", "", false},
      {"scheduled", R"({"patient": "$casey_patient", "reason": "r", "status": "scheduled", "sent_date": "2026-11-01"})", "", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    WorklistFixture f;
    std::string id = f.add(EntityType::Referral, row.referral);
    if (*row.appointment) f.add(EntityType::Appointment, row.appointment);
    CHECK(f.listed("referral:" + id) == row.listed);
  }
}

TEST_CASE("worklist: overdue first, then by due date, then in the kinds' order, then by key") {
  WorklistFixture f;
  std::string plan = f.add(EntityType::CarePlan, R"({"patient": "$casey_patient", "title": "Diabetes",
      "status": "active", "next_review_date": "2026-11-20"})");
  std::string late_task = f.add(EntityType::Task, R"({"patient": "$casey_patient", "title": "Late", "due_date": "2026-11-25"})");
  std::string today_b = f.add(EntityType::Task, R"({"patient": "$casey_patient", "title": "Today B", "due_date": "2026-11-28"})");
  std::string today_a = f.add(EntityType::Task, R"({"patient": "$casey_patient", "title": "Today A", "due_date": "2026-11-28"})");
  std::string confirm = f.add(EntityType::Appointment, R"({"patient": "$patient", "status": "booked",
      "start": "2026-12-01T09:30", "end": "2026-12-01T10:00"})");
  std::string follow_up = f.add(EntityType::Task, R"({"patient": "$casey_patient", "kind": "follow_up",
      "title": "Book", "due_date": "2026-12-05"})");
  for (const char* reached : {"$casey_patient", "$robin_patient"})
    f.create(EntityType::Note, {{"patient", f.ids[reached]}, {"kind", "call"}, {"outcome", "reached"},
                                {"at", "2026-11-27T10:00"}, {"text", "x"}});

  std::vector<std::string> keys;
  for (const WorkItem& i : f.worklist()) keys.push_back(i.key);
  const std::string first_today = std::min("task:" + today_a, "task:" + today_b);
  const std::string second_today = std::max("task:" + today_a, "task:" + today_b);
  const std::vector<std::string> expected = {"review:" + plan + ":2026-11-20", "task:" + late_task, first_today,
                                             second_today, "confirm:" + confirm, "follow_up:" + follow_up};
  CHECK(keys == expected);
}

TEST_CASE("worklist: the kinds' table names each kind once, in the documented order") {
  std::vector<std::string> names;
  for (const core::ItemKind& k : core::item_kinds()) {
    names.push_back(k.name);
    CHECK(static_cast<bool>(k.collect));
    CHECK(std::string(k.title).size() > 0);
  }
  const std::vector<std::string> expected = {"task_due", "follow_up_unscheduled", "confirm_appointment", "no_show_outreach",
                                             "not_contacted", "care_plan_review", "referral_open_loop",
                                             "tcm_contact", "tcm_visit", "tcm_med_rec", "teach_back_failed", "goal_off_track",
                                             "authorization_missing", "authorization_expiring", "authorization_units",
                                             "coverage_ending", "ccm_minutes_short"};
  CHECK(names == expected);
}
