// What the care team plans for a patient and how it is followed up: care plans, the goals in
// them, the interventions that serve them, and the coordinator's tasks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;
struct CareTeamMember;
struct Appointment;

struct CarePlan {
  static constexpr EntityType kType = EntityType::CarePlan;
  static const Schema<CarePlan>& schema();

  Id<CarePlan> id;
  bool deleted = false;
  Id<Patient> patient;
  std::string title;
  std::vector<std::string> problems;  // the problems the plan addresses, in the team's words
  std::string status;                 // draft, active, completed, revoked
  std::optional<CivilDate> start_date;
  std::optional<CivilDate> next_review_date;
  std::string notes;
  // Care-plan elements CMS asks of chronic care management with no other place in the model
  // (see core/clinical/care_plan_check.hpp).
  std::string expected_outcomes;   // expected outcome and prognosis
  std::string symptom_management;  // how symptoms are watched and managed
  std::string community_services;  // community and social services arranged
  std::string care_coordination;   // how outside agencies and specialists are coordinated
  bool operator==(const CarePlan&) const = default;
};

struct Goal {
  static constexpr EntityType kType = EntityType::Goal;
  static const Schema<Goal>& schema();

  Id<Goal> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<CarePlan> care_plan;
  std::string description;
  std::string measure;  // e.g. "HbA1c"
  std::string target;   // e.g. "< 7.0 %"
  std::optional<CivilDate> due_date;
  std::string status;   // proposed, active, achieved, not_achieved, cancelled
  bool operator==(const Goal&) const = default;
};

struct Intervention {
  static constexpr EntityType kType = EntityType::Intervention;
  static const Schema<Intervention>& schema();

  Id<Intervention> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<CarePlan> care_plan;
  std::string description;
  Id<CareTeamMember> responsible;
  std::string status;  // planned, in_progress, done, cancelled
  std::optional<CivilDate> due_date;
  bool operator==(const Intervention&) const = default;
};

// A to-do for the coordinator; may stand alone or belong to a patient or a goal.
struct Task {
  static constexpr EntityType kType = EntityType::Task;
  static const Schema<Task>& schema();

  Id<Task> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<Goal> goal;
  Id<Appointment> appointment;  // the visit it is about (a follow-up to book, a no-show to reach)
  std::string kind = "general";  // general, follow_up, outreach
  std::string title;
  std::string owner;  // who does it
  std::optional<CivilDate> due_date;
  std::string priority = "normal";  // low, normal, high, urgent
  std::string status = "open";      // open, in_progress, done, cancelled
  std::string notes;
  bool operator==(const Task&) const = default;
};

}  // namespace core
