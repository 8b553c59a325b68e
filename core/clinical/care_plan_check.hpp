// Is a care plan complete? Checks a CarePlan against the elements CMS requires of a chronic care
// management care plan (CMS, "Chronic Care Management Services", Medicare Learning Network booklet
// MLN909188, 2024, "comprehensive care plan" elements) and names each one that is missing.
//
// Where each element is looked for:
//   problem list                   CarePlan.problems has at least one entry
//   expected outcomes, prognosis   CarePlan.expected_outcomes
//   measurable goals               a live Goal of the plan, not cancelled, with a measure and a target
//   symptom management             CarePlan.symptom_management
//   planned interventions          a live Intervention of the plan, not cancelled...
//     with who is responsible      ...and every such intervention has a responsible care team member
//   medication management          the patient has at least one live, active Medication record
//   community/social services      CarePlan.community_services
//   coordination with outside      CarePlan.care_coordination
//     providers
//   periodic review schedule       CarePlan.next_review_date
#pragma once
#include <string>
#include <vector>

#include "core/ids.hpp"

namespace core {

struct CarePlan;
struct State;

struct CarePlanGap {
  std::string element;  // e.g. "measurable goals"
  std::string problem;  // e.g. "No goal has both a measure and a target."
};

// The missing elements, in the order CMS lists them; empty when the plan is complete.
std::vector<CarePlanGap> care_plan_gaps(const State& state, const CarePlan& plan);
// The same as sentences, e.g. "Measurable goals: no goal has both a measure and a target."
std::vector<std::string> care_plan_missing(const State& state, const CarePlan& plan);

}  // namespace core
