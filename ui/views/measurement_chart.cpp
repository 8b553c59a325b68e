// The Measurements tab's chart (see the header). The measures listed are the ones the patient has
// numeric readings of; the one shown first is what their first goal measures, else the one most
// often taken. Worked out again only when the data, the patient or the choice changes.
#include "measurement_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/state.hpp"

namespace ui {

struct MeasurementChartView {
  std::string patient;
  long version = -1;
  std::string chosen;                 // the measure picked; empty: the default
  std::vector<std::string> measures;  // with numeric readings, most often taken first
  std::string measure;                // the one drawn
  std::vector<std::string> dates;
  std::vector<double> values;
  std::optional<charts::GoalBand> band;
  std::string unit, goal;  // the goal's description, when one names the measure
};

namespace {

std::string measure_key(const std::string& text) {
  std::string key;
  for (unsigned char ch : text)
    if (!std::isspace(ch)) key += static_cast<char>(std::tolower(ch));
  return key;
}

// The patient's first live goal (active, achieved or without status) on the measure, or nullptr.
const core::Goal* goal_on(const core::State& state, const core::Patient& p, const std::string& measure) {
  for (const auto& [id, g] : state.table<core::Goal>())
    if (!g.deleted && g.patient == p.id && measure_key(g.measure) == measure_key(measure) &&
        (g.status.empty() || g.status == "active" || g.status == "achieved"))
      return &g;
  return nullptr;
}

void refresh(MeasurementChartView& view, const core::State& state, const core::Patient& p) {
  std::map<std::string, std::pair<std::string, int>> counts;  // key -> (name, readings)
  for (const auto& [id, m] : state.table<core::Measurement>())
    if (!m.deleted && m.patient == p.id && m.value) {
      auto& entry = counts[measure_key(m.type)];
      if (entry.first.empty()) entry.first = m.type;
      ++entry.second;
    }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [key, entry] : counts) ranked.push_back({-entry.second, entry.first});
  std::sort(ranked.begin(), ranked.end());
  view.measures.clear();
  for (const auto& [count, name] : ranked) view.measures.push_back(name);
  view.measure = view.measures.empty() ? "" : view.measures.front();
  for (const auto& [id, g] : state.table<core::Goal>())
    if (!g.deleted && g.patient == p.id && counts.count(measure_key(g.measure))) {
      view.measure = counts[measure_key(g.measure)].first;
      break;
    }
  for (const std::string& m : view.measures)
    if (m == view.chosen) view.measure = m;

  view.dates.clear();
  view.values.clear();
  view.band.reset();
  view.unit.clear();
  view.goal.clear();
  if (view.measure.empty()) return;
  std::vector<core::MeasurementPoint> series;
  if (const core::Goal* goal = goal_on(state, p, view.measure)) {
    core::GoalEvaluation evaluation = core::evaluate_goal(state, *goal);
    series = std::move(evaluation.series);
    if (evaluation.target) {
      view.band = goal_band(*evaluation.target);
      view.goal = goal->description.empty() ? view.measure + " " + goal->target : goal->description;
    }
  }
  if (series.empty()) series = core::measurement_series(state, p.id, view.measure);
  for (const core::MeasurementPoint& point : series) {
    view.dates.push_back(point.taken_at);
    view.values.push_back(point.value);
    if (view.unit.empty()) view.unit = point.unit;
  }
}

}  // namespace

charts::GoalBand goal_band(const core::Target& target) {
  charts::GoalBand band{std::nullopt, std::nullopt, "goal " + target.words()};
  switch (target.kind) {
    case core::Target::Kind::Below:
    case core::Target::Kind::AtMost: band.high = target.high; break;
    case core::Target::Kind::Above:
    case core::Target::Kind::AtLeast: band.low = target.low; break;
    case core::Target::Kind::Between:
      band.low = target.low;
      band.high = target.high;
      break;
  }
  return band;
}

void draw_measurement_chart(ViewContext& ctx, const core::Patient& p) {
  if (!ctx.ui.measurement_chart) ctx.ui.measurement_chart = std::make_shared<MeasurementChartView>();
  MeasurementChartView& view = *ctx.ui.measurement_chart;
  if (view.patient != p.id.value) {
    view = MeasurementChartView{};
    view.patient = p.id.value;
  }
  if (view.version != ctx.ui.data_version || (!view.chosen.empty() && view.chosen != view.measure)) {
    refresh(view, ctx.session.state(), p);
    view.version = ctx.ui.data_version;
  }
  ImGui::SeparatorText("Over time");
  if (view.measures.empty()) {
    ImGui::TextDisabled("No measurement with a number yet: add one below to see it here.");
    return;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo("##measure", view.measure.c_str())) {
    for (const std::string& m : view.measures)
      if (ImGui::Selectable(m.c_str(), m == view.measure)) view.chosen = m;
    ImGui::EndCombo();
  }
  ctx.hook.track("chart:measure", view.measure);
  ImGui::SameLine();
  if (view.band) ImGui::TextDisabled("Shaded: the goal \"%s\" (%s)", view.goal.c_str(), view.band->label.c_str());
  else ImGui::TextDisabled("No goal names this measure; add one under Care plan to see its band.");
  charts::line_chart("chart:patient-measure", view.dates, view.values, view.band, {0, ImGui::GetFontSize() * 12},
                     view.unit.c_str());
  // For tests: how many points the chart holds and the latest, e.g. "3 points, latest 72.5 kg".
  if (!view.values.empty())
    ctx.hook.track("chart:patient-measure", std::to_string(view.values.size()) + " points, latest " +
                                                charts::number_text(view.values.back()) + " " + view.unit);
}

}  // namespace ui
