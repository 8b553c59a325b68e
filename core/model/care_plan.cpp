// The schemas of care plans, goals, interventions and tasks.
#include "care_plan.hpp"

#include "core/model/patient.hpp"
#include "core/model/people.hpp"
#include "core/model/visits.hpp"
#include "core/state.hpp"

namespace core {

const Schema<CarePlan>& CarePlan::schema() {
  using C = CarePlan;
  static const Schema<C> schema{
      {
          field::reference("patient", "patient", &C::patient, true),
          field::text("title", "title", &C::title, true, 200),
          field::text_list("problems", "problems", &C::problems,
                           [](const json& v) { return check_text(v, "problem", 200); }),
          field::choice("status", "status", &C::status, {"draft", "active", "completed", "revoked"}),
          field::date("start_date", "start date", &C::start_date),
          field::date("next_review_date", "next review date", &C::next_review_date),
          field::long_text("notes", "notes", &C::notes),
          field::long_text("expected_outcomes", "expected outcomes", &C::expected_outcomes),
          field::long_text("symptom_management", "symptom management", &C::symptom_management),
          field::long_text("community_services", "community and social services", &C::community_services),
          field::long_text("care_coordination", "coordination with outside providers", &C::care_coordination),
      },
      {}};
  return schema;
}

const Schema<Goal>& Goal::schema() {
  using G = Goal;
  static const Schema<G> schema{
      {
          field::reference("patient", "patient", &G::patient, true),
          field::reference("care_plan", "care plan", &G::care_plan),
          field::text("description", "description", &G::description, true, 500),
          field::text("measure", "measure", &G::measure, false, 100),
          field::text("target", "target", &G::target, false, 100),
          field::date("due_date", "due date", &G::due_date),
          field::choice("status", "status", &G::status,
                        {"proposed", "active", "achieved", "not_achieved", "cancelled"}),
      },
      {}};
  return schema;
}

const Schema<Intervention>& Intervention::schema() {
  using I = Intervention;
  static const Schema<I> schema{
      {
          field::reference("patient", "patient", &I::patient, true),
          field::reference("care_plan", "care plan", &I::care_plan),
          field::text("description", "description", &I::description, true, 500),
          field::reference("responsible", "responsible care team member", &I::responsible),
          field::choice("status", "status", &I::status, {"planned", "in_progress", "done", "cancelled"}),
          field::date("due_date", "due date", &I::due_date),
      },
      {}};
  return schema;
}

const Schema<Task>& Task::schema() {
  using T = Task;
  static const Schema<T> schema{
      {
          field::reference("patient", "patient", &T::patient),
          field::reference("goal", "goal", &T::goal),
          field::reference("appointment", "appointment", &T::appointment),
          field::choice("kind", "kind", &T::kind, {"general", "follow_up", "outreach"}),
          field::text("title", "title", &T::title, true, 200),
          field::text("owner", "owner", &T::owner, false, 100),
          field::date("due_date", "due date", &T::due_date),
          field::choice("priority", "priority", &T::priority, {"low", "normal", "high", "urgent"}),
          field::choice("status", "status", &T::status, {"open", "in_progress", "done", "cancelled"}),
          field::long_text("notes", "notes", &T::notes),
      },
      {}};
  return schema;
}

}  // namespace core
