// The Dashboard screen: the caseload figures of the signed-in coordinator (or the whole clinic)
// over a chosen period, as number tiles, with contacts per week (bars), what became of the
// period's appointments (donut), and a measure the caseload's goals name over the last twelve
// months against the goal most of them set (line with goal band). The figures are worked out
// once per (data version, period, coordinator, day): a whole clinic takes a moment to count.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "core/clinical/caseload_figures.hpp"
#include "core/clinical/goals.hpp"
#include "core/scheduling/business_days.hpp"
#include "core/state.hpp"
#include "measurement_chart.hpp"
#include "ui/charts.hpp"
#include "view_context.hpp"

namespace ui {

namespace {

constexpr int kLineMonths = 12;
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

core::CivilDate add_days(core::CivilDate day, int n) { return core::CivilDate{date::sys_days(day) + date::days{n}}; }
int days_between(core::CivilDate from, core::CivilDate to) { return (date::sys_days(to) - date::sys_days(from)).count(); }
std::string short_date(core::CivilDate day) {
  return std::string(kMonths[static_cast<unsigned>(day.month()) - 1]) + " " + std::to_string(static_cast<unsigned>(day.day()));
}
// The date of a "YYYY-MM-DDTHH:MM" wall time.
std::optional<core::CivilDate> day_of(const std::string& wall_time) {
  return core::parse_civil_date(std::string_view(wall_time).substr(0, 10));
}
// Measures are matched ignoring case and spaces, as goals match them to measurements.
std::string measure_key(const std::string& text) {
  std::string key;
  for (unsigned char ch : text)
    if (!std::isspace(ch)) key += static_cast<char>(std::tolower(ch));
  return key;
}

struct Period {
  const char* title;
  core::CivilDate from, to;
};

std::vector<Period> periods(core::CivilDate today) {
  const core::CivilDate first{today.year(), today.month(), date::day{1}};
  const core::CivilDate last_month_end = add_days(first, -1);
  return {{"This month", first, today},
          {"Last month", {last_month_end.year(), last_month_end.month(), date::day{1}}, last_month_end},
          {"Last 90 days", add_days(today, -89), today}};
}

// What the tiles, the bars and the donut show, for one period and scope.
struct Figures {
  core::CaseloadFigures caseload;
  int patients = 0;
  std::vector<std::string> weeks;  // the Monday each week starts on
  std::vector<double> contacts;
  std::vector<std::string> outcome_names;
  std::vector<double> outcomes;
};

// The line: the median of the latest reading of each patient with a goal on the measure, at the
// end of each month, and the share of them at their own goal now.
struct MeasureLine {
  std::vector<std::string> measures;  // named by the caseload's goals, most patients first
  std::string measure;
  std::vector<std::string> dates;
  std::vector<double> medians;
  std::optional<charts::GoalBand> band;
  std::string unit;
  int patients = 0, measured = 0, at_goal = 0;
};

}  // namespace

struct DashboardView {
  bool whole_clinic = false;
  int period = 0;
  std::string measure;  // chosen for the line; empty: the one most goals name
  Figures figures;
  std::string figures_for;
  MeasureLine line;
  std::string line_for;
};

namespace {

Figures count_figures(const core::State& state, const Period& period, const std::string& coordinator, core::CivilDate today) {
  Figures out;
  out.caseload = core::caseload_figures(state, period.from, period.to, coordinator, core::BusinessCalendar(state), today);
  for (const auto& [id, p] : state.table<core::Patient>()) out.patients += !p.deleted && (coordinator.empty() || p.coordinator == coordinator);

  const core::CivilDate monday = add_days(period.from, -static_cast<int>((date::weekday(date::sys_days(period.from)).c_encoding() + 6) % 7));
  for (core::CivilDate week = monday; !(period.to < week); week = add_days(week, 7)) out.weeks.push_back(short_date(week));
  out.contacts.assign(out.weeks.size(), 0);
  for (const auto& [id, note] : state.table<core::Note>()) {
    if (note.deleted || note.kind == "note" || !core::in_caseload(state, note.patient, coordinator)) continue;
    const auto day = day_of(note.at);
    if (day && !(*day < period.from) && !(period.to < *day)) out.contacts[static_cast<std::size_t>(days_between(monday, *day) / 7)] += 1;
  }

  out.outcome_names = {"Kept", "No-show", "Cancelled", "Still to come", "Outcome not recorded"};
  out.outcomes.assign(out.outcome_names.size(), 0);
  for (const auto& [id, a] : state.table<core::Appointment>()) {
    const auto day = day_of(a.start);
    if (a.deleted || !day || *day < period.from || period.to < *day || !core::in_caseload(state, a.patient, coordinator)) continue;
    const std::size_t slot = a.status == "completed" || a.status == "arrived" ? 0
                             : a.status == "no_show"                          ? 1
                             : a.status == "cancelled"                        ? 2
                             : !(*day < today)                                ? 3
                                                                              : 4;
    out.outcomes[slot] += 1;
  }
  return out;
}

bool same_unit(const std::string& a, const std::string& b) { return a.empty() || b.empty() || measure_key(a) == measure_key(b); }

MeasureLine measure_line(const core::State& state, const std::string& coordinator, const std::string& chosen, core::CivilDate today) {
  MeasureLine out;
  // The live goals of the caseload by measure: each patient's own target, and how often each is set.
  std::map<std::string, std::string> names;
  std::map<std::string, std::map<std::string, core::Target>> targets;  // measure -> patient -> their first goal's target
  std::map<std::string, std::map<std::string, int>> target_counts;     // measure -> target text -> patients
  for (const auto& [id, g] : state.table<core::Goal>()) {
    if (g.deleted || g.measure.empty() || !(g.status.empty() || g.status == "active" || g.status == "achieved")) continue;
    if (!core::in_caseload(state, g.patient, coordinator)) continue;
    const auto target = core::parse_target(g.target);
    if (!target) continue;
    const std::string key = measure_key(g.measure);
    names.emplace(key, g.measure);
    if (targets[key].emplace(g.patient.value, target.value()).second) ++target_counts[key][target.value().words()];
  }
  for (const auto& [key, name] : names) out.measures.push_back(name);
  std::stable_sort(out.measures.begin(), out.measures.end(), [&](const std::string& a, const std::string& b) {
    return targets[measure_key(a)].size() > targets[measure_key(b)].size();
  });
  if (out.measures.empty()) return out;
  out.measure = std::find(out.measures.begin(), out.measures.end(), chosen) != out.measures.end() ? chosen : out.measures.front();
  const std::string key = measure_key(out.measure);
  const auto& patients = targets[key];
  out.patients = static_cast<int>(patients.size());
  const std::string common = std::max_element(target_counts[key].begin(), target_counts[key].end(),
                                              [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  const core::Target* band_target = nullptr;
  for (const auto& [patient, target] : patients)
    if (target.words() == common && !band_target) band_target = &target;
  out.band = goal_band(*band_target);
  out.unit = band_target->unit;

  // Each patient's readings of the measure, in the target's unit, oldest first.
  std::map<std::string, std::vector<std::pair<std::string, double>>> readings;
  for (const auto& [id, m] : state.table<core::Measurement>()) {
    if (m.deleted || !m.value || measure_key(m.type) != key) continue;
    const auto found = patients.find(m.patient.value);
    if (found != patients.end() && same_unit(m.unit, found->second.unit)) readings[m.patient.value].push_back({m.taken_at, *m.value});
  }
  for (auto& [patient, series] : readings) std::sort(series.begin(), series.end());

  const date::year_month this_month{today.year(), today.month()};
  for (int back = kLineMonths - 1; back >= 0; --back) {
    const date::year_month month = this_month - date::months{back};
    const core::CivilDate end = back == 0 ? today : core::CivilDate{month.year() / month.month() / date::last};
    const std::string until = core::format_civil_date(end) + "T23:59", since = core::format_civil_date(add_days(end, -365));
    std::vector<double> latest;  // each patient's latest reading in the year up to the month's end
    for (const auto& [patient, series] : readings) {
      auto after = std::upper_bound(series.begin(), series.end(), std::make_pair(until, 1e300));
      if (after == series.begin() || std::prev(after)->first < since) continue;
      latest.push_back(std::prev(after)->second);
      if (back == 0) out.at_goal += patients.at(patient).met_by(latest.back());
    }
    if (back == 0) out.measured = static_cast<int>(latest.size());
    if (latest.empty()) continue;
    std::nth_element(latest.begin(), latest.begin() + static_cast<long>(latest.size() / 2), latest.end());
    double median = latest[latest.size() / 2];
    if (latest.size() % 2 == 0) median = (median + *std::max_element(latest.begin(), latest.begin() + static_cast<long>(latest.size() / 2))) / 2;
    out.dates.push_back(core::format_civil_date(end));
    out.medians.push_back(median);
  }
  return out;
}

// One figure as a tile: what it counts, the number, and its numerator and denominator.
void tile(ViewContext& ctx, const char* caption, const std::string& value, const std::string& detail,
          const std::string& sentence, float width) {
  const float font = ImGui::GetFontSize();
  ImGui::BeginChild(caption, {width, font * 6.4f}, ImGuiChildFlags_Border, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", caption);
  ImGui::PopTextWrapPos();
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), font * 3.0f));  // numbers in line when a caption takes two lines
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextColored(value == "no data" ? ImGui::GetStyle().Colors[ImGuiCol_TextDisabled] : accent_colour(), "%s", value.c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("%s", detail.c_str());
  ImGui::EndChild();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", sentence.c_str());
  ctx.hook.track(std::string("tile:") + caption, value);
}

std::string of(int numerator, int denominator, const char* what) {
  return std::to_string(numerator) + " of " + std::to_string(denominator) + " " + what;
}

void draw_tiles(ViewContext& ctx, const Figures& f, bool clinic) {
  const core::CaseloadFigures& c = f.caseload;
  const float spacing = ImGui::GetStyle().ItemSpacing.x, available = ImGui::GetContentRegionAvail().x;
  const int per_row = std::clamp(static_cast<int>((available + spacing) / (ImGui::GetFontSize() * 10.5f + spacing)), 1, 6);
  const float width = (available - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  char days[32];
  std::snprintf(days, sizeof days, "%.1f days", c.prior_auth_turnaround.figures.mean_days);
  const auto& turnaround = c.prior_auth_turnaround;
  const std::string tcm_pending = c.tcm_contacts.pending ? ", " + std::to_string(c.tcm_contacts.pending) + " pending" : "";
  const struct {
    const char* caption;
    std::string value, detail, sentence;
  } tiles[] = {
      {clinic ? "Patients in the clinic" : "Patients in my caseload", std::to_string(f.patients), "live records",
       "Patients whose record names " + (clinic ? std::string("any coordinator, or none") : "you as their coordinator")},
      {"Appointments kept", core::percent_or_no_data(c.appointments_kept.numerator(), c.appointments_kept.denominator()),
       of(c.appointments_kept.numerator(), c.appointments_kept.denominator(), "kept or missed"), c.appointments_kept.summary()},
      {"Contact within 2 business days of discharge", core::percent_or_no_data(c.tcm_contacts.numerator(), c.tcm_contacts.denominator()),
       of(c.tcm_contacts.on_time, c.tcm_contacts.denominator(), "due") + tcm_pending, c.tcm_contacts.summary()},
      {"Readmitted within 30 days", core::percent_or_no_data(c.readmissions.numerator(), c.readmissions.denominator()),
       of(c.readmissions.numerator(), c.readmissions.denominator(), "discharges"), c.readmissions.summary()},
      {"Prior-authorization turnaround", turnaround.denominator() ? std::string(days) : "no data",
       turnaround.denominator() ? "median " + std::to_string(static_cast<int>(turnaround.figures.median_days)) + ", " +
                                      std::to_string(turnaround.denominator()) + " decided"
                                : "none decided",
       turnaround.summary()},
      {"Goals achieved", core::percent_or_no_data(c.goals.numerator(), c.goals.denominator()),
       of(c.goals.achieved, c.goals.denominator(), "goals"), c.goals.summary()},
  };
  int column = 0;
  for (const auto& t : tiles) {
    if (column++ % per_row != 0) ImGui::SameLine();
    tile(ctx, t.caption, t.value, t.detail, t.sentence, width);
  }
}

void draw_scope(ViewContext& ctx, DashboardView& view, const std::vector<Period>& choices) {
  int scope = view.whole_clinic ? 1 : 0;
  const std::string mine = ctx.ui.coordinator.empty() ? "Mine (choose who you are in Settings)" : "Mine (" + ctx.ui.coordinator + ")";
  ImGui::BeginDisabled(ctx.ui.coordinator.empty());
  if (ImGui::RadioButton(mine.c_str(), &scope, 0)) view.whole_clinic = false;
  ImGui::EndDisabled();
  ctx.hook.track("dashboard:mine");
  ImGui::SameLine();
  if (ImGui::RadioButton("Whole clinic", &scope, 1)) view.whole_clinic = true;
  ctx.hook.track("dashboard:clinic");
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i) ImGui::SameLine();
    if (ImGui::RadioButton(choices[i].title, view.period == static_cast<int>(i))) view.period = static_cast<int>(i);
    ctx.hook.track(std::string("dashboard:period:") + choices[i].title);
  }
}

void chart_title(const char* title, const std::string& note) {
  ImGui::SeparatorText(title);
  if (!note.empty()) ImGui::TextDisabled("%s", note.c_str());
}

void draw_line(ViewContext& ctx, DashboardView& view, float height) {
  const MeasureLine& line = view.line;
  chart_title("Goals over the last 12 months", "");
  if (line.measures.empty()) {
    ImGui::TextDisabled("No goal in this caseload names a measure with a target (e.g. systolic blood pressure < 140).");
    return;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo("measure", line.measure.c_str())) {
    for (const std::string& m : line.measures)
      if (ImGui::Selectable(m.c_str(), m == line.measure)) view.measure = m;
    ImGui::EndCombo();
  }
  ctx.hook.track("dashboard:measure", line.measure);
  ImGui::SameLine();
  ImGui::TextDisabled("at goal now: %s (%d of %d patients measured in the last year; %d have a goal on it)",
                      core::percent_or_no_data(line.at_goal, line.measured).c_str(), line.at_goal, line.measured, line.patients);
  charts::line_chart("chart:measure", line.dates, line.medians, line.band, {0, height}, line.unit.c_str());
  ctx.hook.track("chart:measure");
  ImGui::TextDisabled("Each point: the median of each patient's latest reading at the month's end. Band: the goal most of them set.");
}

}  // namespace

void draw_dashboard(ViewContext& ctx) {
  if (!ctx.ui.dashboard) ctx.ui.dashboard = std::make_shared<DashboardView>();
  DashboardView& view = *ctx.ui.dashboard;
  if (ctx.ui.coordinator.empty()) view.whole_clinic = true;
  const core::CivilDate today = ctx.session.clock().today();
  const std::vector<Period> choices = periods(today);
  const Period& period = choices[static_cast<std::size_t>(std::clamp(view.period, 0, 2))];
  const std::string coordinator = view.whole_clinic ? "" : ctx.ui.coordinator;

  const std::string base = std::to_string(ctx.ui.data_version) + "|" + core::format_civil_date(today) + "|" + coordinator;
  if (view.figures_for != base + "|" + period.title) {
    view.figures = count_figures(ctx.session.state(), period, coordinator, today);
    view.figures_for = base + "|" + period.title;
  }
  if (view.line_for != base + "|" + view.measure) {
    view.line = measure_line(ctx.session.state(), coordinator, view.measure, today);
    view.line_for = base + "|" + view.measure;
  }

  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("Dashboard");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s, %s to %s", coordinator.empty() ? "the whole clinic" : coordinator.c_str(),
                      core::format_civil_date(period.from).c_str(), core::format_civil_date(period.to).c_str());
  draw_scope(ctx, view, choices);
  ImGui::BeginChild("dashboard-body");
  draw_tiles(ctx, view.figures, coordinator.empty());

  const float font = ImGui::GetFontSize(), height = std::max(font * 11, ImGui::GetContentRegionAvail().y * 0.38f);
  if (ImGui::BeginTable("dashboard-charts", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextColumn();
    chart_title("Contacts per week", "calls, visits, messages and letters logged");
    charts::bar_chart("chart:contacts", view.figures.weeks, view.figures.contacts, {0, height}, "contacts");
    ctx.hook.track("chart:contacts");
    ImGui::TableNextColumn();
    chart_title("Appointments in the period", "what became of them");
    charts::donut_chart("chart:appointments", view.figures.outcome_names, view.figures.outcomes, {0, height});
    ctx.hook.track("chart:appointments");
    ImGui::EndTable();
  }
  draw_line(ctx, view, height);
  ImGui::EndChild();
}

}  // namespace ui
