// What the clinical rules make of a patient's records, shown above the records they read:
// transitions of care with their clocks, readmissions and the LACE and HOSPITAL scores with every
// input (the "Transitions of care" tab), and chronic care management minutes, care-plan completeness
// and goal progress (the "Care plan" tab). Everything here is computed from the core state;
// nothing is edited.
#include <imgui.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "core/clinical/care_management.hpp"
#include "core/clinical/care_plan_check.hpp"
#include "core/clinical/goals.hpp"
#include "core/clinical/hospital_score.hpp"
#include "core/clinical/lace.hpp"
#include "core/clinical/readmissions.hpp"
#include "core/clinical/transitions.hpp"
#include "core/scheduling/business_days.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

void draw_clock(const char* what, const core::TransitionClock& clock, core::CivilDate today) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(what);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(core::format_civil_date(clock.due).c_str());
  ImGui::TableNextColumn();
  if (clock.met) {
    const std::string when = clock.met_on ? core::format_civil_date(*clock.met_on) : std::string("on time");
    ImGui::TextColored(good_colour(), "Met %s, %s", when.c_str(), clock.met_by.c_str());
  } else if (today > clock.due) {
    ImGui::TextColored(alert_colour(), "Not met, overdue since %s", core::format_civil_date(clock.due).c_str());
  } else {
    ImGui::TextUnformatted("Not met yet");
  }
}

void draw_episode(const core::TransitionEpisode& episode, core::CivilDate today) {
  const core::Encounter& stay = *episode.discharge;
  ImGui::Text("Discharged %s from %s; transitional care until %s (day %d of 30)",
              core::format_civil_date(episode.discharge_date).c_str(),
              stay.facility.empty() ? "a facility not recorded" : stay.facility.c_str(),
              core::format_civil_date(episode.episode_end).c_str(),
              std::min(std::max(episode.episode_day(today), 0), core::kTcmEpisodeDays));
  if (!episode.complexity_recorded)
    ImGui::TextDisabled("Complexity not recorded: the visit is due within 7 days, the stricter window.");
  if (!ImGui::BeginTable(("clocks" + stay.id.value).c_str(), 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
    return;
  draw_clock("Interactive contact (2 business days)", episode.contact, today);
  const std::string visit = "Face-to-face visit (" + std::to_string(episode.visit_window_days) + " days)";
  draw_clock(visit.c_str(), episode.visit, today);
  draw_clock("Medicines reconciled", episode.medication_reconciliation, today);
  ImGui::EndTable();
  if (!episode.contact.met && !episode.attempts.empty())
    ImGui::TextDisabled("%zu unsuccessful contact attempt(s) recorded; 2 documented attempts count.", episode.attempts.size());
}

void draw_score(const char* name, const core::RiskScore& score, const std::string& id) {
  if (score.total)
    ImGui::Text("%s: %d%s", name, *score.total, score.risk.empty() ? "" : (" (" + score.risk + " risk)").c_str());
  else
    ImGui::TextColored(alert_colour(), "%s: incomplete, %zu input(s) missing", name, score.missing.size());
  if (!ImGui::BeginTable(id.c_str(), 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
  for (const char* h : {"Input", "Value", "Points", "Where it came from"}) ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (const core::ScoreInput& in : score.inputs) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(in.name.c_str());
    ImGui::TableNextColumn();
    if (in.missing) ImGui::TextColored(alert_colour(), "missing: %s", in.value.c_str());
    else ImGui::TextUnformatted(in.value.c_str());
    ImGui::TableNextColumn();
    if (in.missing) ImGui::TextDisabled("-");
    else ImGui::Text("%d", in.points);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", in.source.c_str());
  }
  ImGui::EndTable();
}

const char* progress_words(core::GoalProgress progress) {
  switch (progress) {
    case core::GoalProgress::Achieved: return "achieved";
    case core::GoalProgress::OnTrack: return "on track";
    case core::GoalProgress::OffTrack: return "off track";
    case core::GoalProgress::NoData: return "no measurement yet";
    case core::GoalProgress::CannotEvaluate: break;
  }
  return "cannot be evaluated";
}

const char* trend_words(core::Trend trend) {
  switch (trend) {
    case core::Trend::Improving: return ", improving";
    case core::Trend::Worsening: return ", worsening";
    case core::Trend::Steady: return ", steady";
    case core::Trend::NotEnoughData: break;
  }
  return "";
}

void draw_goal(const core::Goal& goal, const core::GoalEvaluation& e) {
  const ImVec4 colour = e.progress == core::GoalProgress::OffTrack ? alert_colour()
                        : e.progress == core::GoalProgress::Achieved || e.progress == core::GoalProgress::OnTrack
                            ? good_colour()
                            : ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
  std::string latest;
  if (!e.series.empty()) {
    char value[64];
    std::snprintf(value, sizeof value, "%g", e.series.back().value);
    latest = "; latest " + std::string(value) + " on " + e.series.back().taken_at.substr(0, 10);
  }
  ImGui::TextColored(colour, "%s (%s %s): %s%s%s", goal.description.c_str(), goal.measure.c_str(), goal.target.c_str(),
                     progress_words(e.progress), trend_words(e.trend.trend), latest.c_str());
  if (!e.message.empty()) ImGui::TextDisabled("%s", e.message.c_str());
}

}  // namespace

// Everything the panels show for one patient, computed when the chart, the data or the day
// changes rather than every frame (the rules read whole tables). Pointers inside point into the
// state of that data version.
struct ClinicalView {
  std::string patient_id;
  long version = -1;
  core::CivilDate today;
  struct Episode {
    core::TransitionEpisode episode;
    std::optional<core::Readmission> readmission;
    core::RiskScore lace, hospital;
  };
  std::vector<Episode> episodes;
  core::CcmMonth month;
  std::vector<std::pair<std::string, std::vector<std::string>>> plans_missing;  // title, missing elements
  std::vector<std::pair<const core::Goal*, core::GoalEvaluation>> goals;
};

namespace {

const ClinicalView& clinical_view(ViewContext& ctx, const core::Patient& p) {
  const core::State& state = ctx.session.state();
  const core::CivilDate today = ctx.session.clock().today();
  auto& view = ctx.ui.clinical;
  if (view && view->patient_id == p.id.value && view->version == ctx.ui.data_version && view->today == today) return *view;
  view = std::make_shared<ClinicalView>();
  view->patient_id = p.id.value;
  view->version = ctx.ui.data_version;
  view->today = today;
  for (core::TransitionEpisode& episode : core::transition_episodes(state, p.id, core::BusinessCalendar(state))) {
    if (episode.episode_day(today) > 2 * core::kTcmEpisodeDays) continue;  // long closed: the stays table keeps it
    const core::Encounter& stay = *episode.discharge;
    view->episodes.push_back({std::move(episode), core::readmission_of(state, stay), core::lace_index(state, stay),
                              core::hospital_score(state, stay)});
  }
  view->month = core::ccm_month(state, p.id, {today.year(), today.month()});
  for (const auto& [id, plan] : state.table<core::CarePlan>())
    if (!plan.deleted && plan.patient == p.id) view->plans_missing.push_back({plan.title, core::care_plan_missing(state, plan)});
  for (const auto& [id, goal] : state.table<core::Goal>())
    if (!goal.deleted && goal.patient == p.id && !goal.measure.empty()) view->goals.push_back({&goal, core::evaluate_goal(state, goal)});
  return *view;
}

}  // namespace

void draw_transitions_panel(ViewContext& ctx, const core::Patient& p) {
  const core::CivilDate today = ctx.session.clock().today();
  const ClinicalView& view = clinical_view(ctx, p);
  for (const ClinicalView::Episode& e : view.episodes) {
    ImGui::PushID(e.episode.discharge->id.value.c_str());
    draw_episode(e.episode, today);
    if (e.readmission)
      ImGui::TextColored(alert_colour(), "Readmission: admitted %d day(s) after the discharge of %s.",
                         e.readmission->days_after_discharge,
                         core::format_civil_date(*e.readmission->readmits->discharge_date).c_str());
    draw_score("LACE index", e.lace, "lace");
    draw_score("HOSPITAL score", e.hospital, "hospital");
    ImGui::PopID();
    ImGui::Separator();
  }
  if (view.episodes.empty()) ImGui::TextDisabled("No transitional-care episode open or recent: a discharge home opens one.");
  ctx.hook.track("transitions");
}

void draw_care_plan_panel(ViewContext& ctx, const core::Patient& p) {
  const ClinicalView& view = clinical_view(ctx, p);
  const core::CcmMonth& month = view.month;
  ImGui::Text("Care management this month: %lld minutes logged", month.total_minutes);
  if (month.units.minutes_to_next_unit > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%lld more for the next 20-minute unit)", month.units.minutes_to_next_unit);
  }
  if (month.eligible)
    ImGui::TextDisabled("Eligible for chronic care management: %zu chronic conditions, consent on %s.", month.chronic.size(),
                        core::format_civil_date(*month.consent_date).c_str());
  for (const std::string& problem : month.eligibility_problems) ImGui::TextDisabled("Not eligible: %s", problem.c_str());
  ctx.hook.track("care-management");
  for (const auto& [title, missing] : view.plans_missing) {
    if (missing.empty()) {
      ImGui::TextColored(good_colour(), "Care plan \"%s\" has every required element.", title.c_str());
      continue;
    }
    ImGui::TextColored(alert_colour(), "Care plan \"%s\" is missing:", title.c_str());
    for (const std::string& m : missing) ImGui::BulletText("%s", m.c_str());
  }
  for (const auto& [goal, evaluation] : view.goals) draw_goal(*goal, evaluation);
  ImGui::Separator();
}

}  // namespace ui
