// The care-plan completeness check (the elements and where they are looked for: see the header).
#include "care_plan_check.hpp"

#include <algorithm>
#include <cctype>

#include "core/state.hpp"

namespace core {
namespace {

bool has_text(const std::string& s) {
  for (char ch : s)
    if (!std::isspace(static_cast<unsigned char>(ch))) return true;
  return false;
}

bool has_measurable_goal(const State& state, const CarePlan& plan) {
  for (const auto& [id, g] : state.table<Goal>())
    if (!g.deleted && g.care_plan == plan.id && g.status != "cancelled" && has_text(g.measure) && has_text(g.target))
      return true;
  return false;
}

// Adds the interventions' gaps: none planned, or some with nobody responsible (named).
void check_interventions(const State& state, const CarePlan& plan, std::vector<CarePlanGap>& gaps) {
  int planned = 0;
  std::vector<std::string> unowned;
  for (const auto& [id, i] : state.table<Intervention>()) {
    if (i.deleted || i.care_plan != plan.id || i.status == "cancelled") continue;
    ++planned;
    if (i.responsible.empty() || !state.find(i.responsible)) unowned.push_back(i.description);
  }
  if (planned == 0) {
    gaps.push_back({"planned interventions", "No intervention is planned."});
    return;
  }
  std::sort(unowned.begin(), unowned.end());
  for (const std::string& description : unowned)
    gaps.push_back({"who is responsible", "Nobody is responsible for \"" + description + "\"."});
}

bool has_active_medication(const State& state, const CarePlan& plan) {
  for (const Medication* m : state.records_of<Medication>(plan.patient))
    if (m->status == "active") return true;
  return false;
}

}  // namespace

std::vector<CarePlanGap> care_plan_gaps(const State& state, const CarePlan& plan) {
  std::vector<CarePlanGap> gaps;
  if (plan.problems.empty()) gaps.push_back({"problem list", "No problems are listed."});
  if (!has_text(plan.expected_outcomes))
    gaps.push_back({"expected outcomes", "The expected outcomes and prognosis are not written."});
  if (!has_measurable_goal(state, plan))
    gaps.push_back({"measurable goals", "No goal has both a measure and a target."});
  if (!has_text(plan.symptom_management))
    gaps.push_back({"symptom management", "How symptoms are managed is not written."});
  check_interventions(state, plan, gaps);
  if (!has_active_medication(state, plan))
    gaps.push_back({"medication management", "The patient has no current medication recorded."});
  if (!has_text(plan.community_services))
    gaps.push_back({"community and social services", "The community and social services are not written."});
  if (!has_text(plan.care_coordination))
    gaps.push_back({"coordination with outside providers", "How outside providers are coordinated is not written."});
  if (!plan.next_review_date) gaps.push_back({"review schedule", "No next review date is set."});
  return gaps;
}

std::vector<std::string> care_plan_missing(const State& state, const CarePlan& plan) {
  std::vector<std::string> out;
  for (const CarePlanGap& gap : care_plan_gaps(state, plan)) {
    std::string element = gap.element;
    element[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(element[0])));
    std::string problem = gap.problem;
    problem[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(problem[0])));
    out.push_back(element + ": " + problem);
  }
  return out;
}

}  // namespace core
