// The care-plan completeness check through a real Session: a complete plan has no gaps, and each
// element taken away is named, alone, in plain words; goals, interventions and medications that do
// not count (cancelled, deleted, another plan's, without measure or responsible person).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/clinical/care_plan_check.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using nlohmann::json;

// The model fixture plus a care plan with every element present.
struct PlanFixture : model_test::Fixture {
  PlanFixture() {
    ids["$plan"] = create(EntityType::CarePlan, resolve(R"({"patient": "$patient", "title": "Heart failure and diabetes",
        "status": "active", "problems": ["Heart failure", "Type 2 diabetes"], "next_review_date": "2027-02-28",
        "expected_outcomes": "Fewer hospital stays; prognosis fair.",
        "symptom_management": "Daily weights; call if up 2 kg in 3 days.",
        "community_services": "Meals on wheels started.",
        "care_coordination": "Cardiology sends notes after each visit."})"));
    ids["$plan_goal"] = create(EntityType::Goal, resolve(R"({"patient": "$patient", "care_plan": "$plan",
        "description": "Keep HbA1c down", "measure": "HbA1c", "target": "< 7.0 %", "status": "active"})"));
    ids["$plan_intervention"] = create(EntityType::Intervention, resolve(R"({"patient": "$patient", "care_plan": "$plan",
        "description": "Teach daily weights", "responsible": "$care_team_member", "status": "planned"})"));
    ids["$medication"] = create(EntityType::Medication, resolve(R"({"patient": "$patient", "name": "Metformin",
        "dose": "500 mg", "status": "active"})"));
  }

  const core::CarePlan& plan() const { return *session->state().find(core::Id<core::CarePlan>{ids.at("$plan")}); }
  std::vector<std::string> missing() const { return core::care_plan_missing(session->state(), plan()); }
  void update(EntityType type, const std::string& id, const std::string& fields) {
    auto done = session->commit(core::UpdateRecord{type, id, resolve(fields)});
    REQUIRE(done);
  }
};

}  // namespace

TEST_CASE("care plan check: a plan with every element has nothing missing") {
  PlanFixture f;
  CHECK(f.missing().empty());
}

TEST_CASE("care plan check: each missing element is named on its own") {
  struct Row {
    void (*take_away)(PlanFixture&);
    const char* element;
    const char* message;
  };
  const std::vector<Row> rows = {
      {[](PlanFixture& f) { f.update(EntityType::CarePlan, f.ids["$plan"], R"({"problems": null})"); },
       "problem list", "Problem list: no problems are listed."},
      {[](PlanFixture& f) { f.update(EntityType::CarePlan, f.ids["$plan"], R"({"expected_outcomes": ""})"); },
       "expected outcomes", "Expected outcomes: the expected outcomes and prognosis are not written."},
      {[](PlanFixture& f) { f.update(EntityType::Goal, f.ids["$plan_goal"], R"({"target": null})"); },
       "measurable goals", "Measurable goals: no goal has both a measure and a target."},
      {[](PlanFixture& f) { f.update(EntityType::Goal, f.ids["$plan_goal"], R"({"measure": null})"); },
       "measurable goals", "Measurable goals: no goal has both a measure and a target."},
      {[](PlanFixture& f) { f.update(EntityType::Goal, f.ids["$plan_goal"], R"({"status": "cancelled"})"); },
       "measurable goals", "Measurable goals: no goal has both a measure and a target."},
      {[](PlanFixture& f) { REQUIRE(f.session->commit(core::DeleteRecord{EntityType::Goal, f.ids["$plan_goal"]})); },
       "measurable goals", "Measurable goals: no goal has both a measure and a target."},
      {[](PlanFixture& f) { f.update(EntityType::CarePlan, f.ids["$plan"], R"({"symptom_management": "   "})"); },
       "symptom management", "Symptom management: how symptoms are managed is not written."},
      {[](PlanFixture& f) { f.update(EntityType::Intervention, f.ids["$plan_intervention"], R"({"status": "cancelled"})"); },
       "planned interventions", "Planned interventions: no intervention is planned."},
      {[](PlanFixture& f) { f.update(EntityType::Intervention, f.ids["$plan_intervention"], R"({"responsible": null})"); },
       "who is responsible", "Who is responsible: nobody is responsible for \"Teach daily weights\"."},
      {[](PlanFixture& f) { f.update(EntityType::Medication, f.ids["$medication"], R"({"status": "stopped"})"); },
       "medication management", "Medication management: the patient has no current medication recorded."},
      {[](PlanFixture& f) { f.update(EntityType::CarePlan, f.ids["$plan"], R"({"community_services": null})"); },
       "community and social services", "Community and social services: the community and social services are not written."},
      {[](PlanFixture& f) { f.update(EntityType::CarePlan, f.ids["$plan"], R"({"care_coordination": null})"); },
       "coordination with outside providers",
       "Coordination with outside providers: how outside providers are coordinated is not written."},
      {[](PlanFixture& f) { f.update(EntityType::CarePlan, f.ids["$plan"], R"({"next_review_date": null})"); },
       "review schedule", "Review schedule: no next review date is set."},
  };
  for (const Row& row : rows) {
    CAPTURE(row.message);
    PlanFixture f;
    row.take_away(f);
    const auto gaps = core::care_plan_gaps(f.session->state(), f.plan());
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].element == row.element);
    CHECK(f.missing() == std::vector<std::string>{row.message});
  }
}

TEST_CASE("care plan check: an empty plan lists every element in the order CMS gives them") {
  model_test::Fixture f;
  const std::string id = f.create(EntityType::CarePlan, f.resolve(R"({"patient": "$patient", "title": "New plan"})"));
  // The fixture's goal belongs to no plan, so it does not count for this one.
  const auto& plan = *f.session->state().find(core::Id<core::CarePlan>{id});
  std::vector<std::string> elements;
  for (const auto& gap : core::care_plan_gaps(f.session->state(), plan)) elements.push_back(gap.element);
  CHECK(elements == std::vector<std::string>{"problem list", "expected outcomes", "measurable goals",
                                             "symptom management", "planned interventions", "medication management",
                                             "community and social services", "coordination with outside providers",
                                             "review schedule"});
}

TEST_CASE("care plan check: another plan's goal or intervention does not count, and every unowned one is named") {
  PlanFixture f;
  const std::string other = f.create(EntityType::CarePlan, f.resolve(R"({"patient": "$patient", "title": "Falls"})"));
  f.update(EntityType::Goal, f.ids["$plan_goal"], R"({"care_plan": ")" + other + R"("})");
  f.update(EntityType::Intervention, f.ids["$plan_intervention"], R"({"responsible": null})");
  f.create(EntityType::Intervention, f.resolve(R"({"patient": "$patient", "care_plan": "$plan",
      "description": "Arrange a scale", "status": "in_progress"})"));
  f.create(EntityType::Intervention, f.resolve(R"({"patient": "$patient", "care_plan": "$plan",
      "description": "Book cardiology", "responsible": "$care_team_member", "status": "done"})"));
  CHECK(f.missing() == std::vector<std::string>{
                           "Measurable goals: no goal has both a measure and a target.",
                           "Who is responsible: nobody is responsible for \"Arrange a scale\".",
                           "Who is responsible: nobody is responsible for \"Teach daily weights\".",
                       });
}
