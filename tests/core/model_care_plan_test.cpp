// CarePlan, Goal, Intervention and Task: a complete record saves and reads back, and each kind
// of bad value is refused with its own message.
#include <doctest/doctest.h>

#include "model_fixture.hpp"

using nlohmann::json;
using core::EntityType;

using model_test::BadRow;
using model_test::check_bad_rows;
using model_test::Fixture;

TEST_CASE("care plan: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::CarePlan, R"({"patient": "$patient", "title": "Diabetes and heart failure",
      "problems": ["Type 2 diabetes", "Heart failure"], "status": "active", "start_date": "2026-01-05",
      "next_review_date": "2027-01-05", "notes": "Agreed with the patient and daughter."})");
}

TEST_CASE("care plan: blank problems are dropped and the rest trimmed") {
  Fixture f;
  auto checked = f.validate_new(EntityType::CarePlan, f.resolve(R"({"patient": "$patient", "title": "Falls",
      "problems": ["  Unsteady gait ", "", "   "]})"));
  REQUIRE(checked);
  CHECK(checked.value()["problems"] == json::array({"Unsteady gait"}));
}

TEST_CASE("care plan: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "title": "Diabetes", "problems": ["Type 2 diabetes"],
      "status": "draft", "start_date": "2026-01-05", "next_review_date": "2026-07-05"})";
  json too_many = json::array();
  for (int i = 0; i < 21; ++i) too_many.push_back("problem " + std::to_string(i));
  check_bad_rows(f, EntityType::CarePlan, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"title": null})", "title", "Enter the title."},
      {R"({"problems": "Type 2 diabetes"})", "problems", "The problems must be a list."},
      {json{{"problems", too_many}}.dump(), "problems", "No more than 20 entries in problems."},
      {R"({"problems": ["Diabetes", 5]})", "problems", "Problem must be text."},
      {R"({"status": "open"})", "status", "Choose the status from: draft, active, completed, revoked."},
      {R"({"start_date": "2026-1-5"})", "start_date", "Use the form YYYY-MM-DD"},
      {R"({"next_review_date": "2026-06-31"})", "next_review_date", "real calendar date"},
  });
}

TEST_CASE("goal: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Goal, R"({"patient": "$patient", "care_plan": "$care_plan",
      "description": "Bring blood sugar under control", "measure": "HbA1c", "target": "< 7.0 %",
      "due_date": "2027-06-30", "status": "active"})");
}

TEST_CASE("goal: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "care_plan": "$care_plan", "description": "Walk daily",
      "measure": "minutes walked", "target": "30 a day", "due_date": "2027-03-01", "status": "proposed"})";
  check_bad_rows(f, EntityType::Goal, good, {
      {R"({"patient": "patient-nope"})", "patient", "does not exist or was deleted"},
      {R"({"care_plan": "$goal"})", "care_plan", "refers to a care plan that does not exist"},
      {R"({"care_plan": "care_plan-nope"})", "care_plan", "does not exist or was deleted"},
      {R"({"description": null})", "description", "Enter the description."},
      {R"({"due_date": "2027-02-29"})", "due_date", "real calendar date"},
      {R"({"status": "done"})", "status",
       "Choose the status from: proposed, active, achieved, not_achieved, cancelled."},
      {R"({"measure": ")" + std::string(101, 'm') + R"("})", "measure", "longer than 100 characters"},
  });
}

TEST_CASE("intervention: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Intervention, R"({"patient": "$patient", "care_plan": "$care_plan",
      "description": "Weekly phone check-in on the glucose log", "responsible": "$care_team_member",
      "status": "in_progress", "due_date": "2026-12-31"})");
}

TEST_CASE("intervention: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "care_plan": "$care_plan", "description": "Diet referral",
      "responsible": "$care_team_member", "status": "planned", "due_date": "2026-12-15"})";
  check_bad_rows(f, EntityType::Intervention, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"care_plan": "care_plan-nope"})", "care_plan", "refers to a care plan that does not exist"},
      {R"({"description": "  "})", "description", "Enter the description."},
      {R"({"responsible": "$practitioner"})", "responsible", "refers to a care team member that does not exist"},
      {R"({"status": "ongoing"})", "status", "Choose the status from: planned, in_progress, done, cancelled."},
      {R"({"due_date": "15.12.2026"})", "due_date", "Use the form YYYY-MM-DD"},
  });
}

TEST_CASE("task: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Task, R"({"patient": "$patient", "goal": "$goal", "title": "Call pharmacy about refill",
      "kind": "outreach", "owner": "Casey", "due_date": "2026-11-30", "priority": "urgent", "status": "in_progress",
      "notes": "Pharmacy opens at 9."})");
}

TEST_CASE("task: a title alone is enough, with normal priority and open status") {
  Fixture f;
  std::string id = f.create(EntityType::Task, {{"title", "Update the on-call list"}});
  const core::Task* t = f.session->state().find(core::Id<core::Task>{id});
  REQUIRE(t);
  CHECK(t->patient.empty());
  CHECK(t->priority == "normal");
  CHECK(t->status == "open");
}

TEST_CASE("task: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "goal": "$goal", "title": "Book eye exam", "owner": "Casey",
      "due_date": "2026-12-10", "priority": "high", "status": "open"})";
  check_bad_rows(f, EntityType::Task, good, {
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"goal": "$care_plan"})", "goal", "refers to a goal that does not exist"},
      {R"({"title": null})", "title", "Enter the title."},
      {R"({"title": "\t "})", "title", "Enter the title."},
      {R"({"priority": "asap"})", "priority", "Choose the priority from: low, normal, high, urgent."},
      {R"({"status": "closed"})", "status", "Choose the status from: open, in_progress, done, cancelled."},
      {R"({"due_date": "2026-12-32"})", "due_date", "real calendar date"},
      {R"({"owner": ")" + std::string(101, 'o') + R"("})", "owner", "longer than 100 characters"},
  });
}
