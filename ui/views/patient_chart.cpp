// The patient chart: a header that stays in view (who the patient is, allergies, language,
// coverage, care team lead) and one tab per part of the record, plus the record's history.
#include <imgui.h>

#include <string_view>
#include <utility>

#include "ui/chart_sections.hpp"
#include "ui/layout.hpp"
#include "ui/record_text.hpp"
#include "chart_facts.hpp"
#include "import_export_view.hpp"
#include "measurement_chart.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

void draw_header(ViewContext& ctx, const core::Patient& p) {
  const ChartFacts& facts = chart_facts(ctx, p);
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(p.display_name().c_str());
  ImGui::PopFont();
  ctx.hook.track("chart:" + p.display_name());
  std::string about;
  if (p.birth_date)
    about += std::to_string(core::age_in_years(*p.birth_date, facts.day)) + " y, born " +
             core::format_civil_date(*p.birth_date);
  if (!p.sex.empty()) about += ", " + p.sex;
  if (!p.mrn.empty()) about += "   MRN " + p.mrn;
  if (p.status != "active") about += "   " + p.status;
  same_line_if_fits(ImGui::CalcTextSize(about.c_str()).x);
  ImGui::TextDisabled("%s", about.c_str());
  const float gap = ImGui::GetFontSize() * 2;
  if (facts.risk.level != core::RiskLevel::NotScored) {
    const std::string risk = core::describe(facts.risk);
    same_line_if_fits(ImGui::CalcTextSize(risk.c_str()).x, gap);
    if (facts.risk.level == core::RiskLevel::High) ImGui::TextColored(alert_colour(), "%s", risk.c_str());
    else ImGui::TextUnformatted(risk.c_str());
    ctx.hook.track("risk:" + std::string(core::risk_level_name(facts.risk.level)));
  }

  if (facts.allergies.empty()) {
    ImGui::TextDisabled("No allergies recorded");
  } else {
    ImGui::TextColored(alert_colour(), "Allergies: %s", facts.allergies.c_str());
  }
  ctx.hook.track("allergies", facts.allergies);
  const std::string language = (p.language.empty() ? std::string("Language not recorded") : p.language) +
                               (p.interpreter_needed ? " (interpreter needed)" : "");
  const std::string coverage = facts.coverage.empty() ? "No coverage recorded" : "Coverage: " + facts.coverage;
  const std::string lead = facts.care_team_lead.empty() ? "No care team lead" : "Care team lead: " + facts.care_team_lead;
  for (const std::string* fact : {&language, &coverage, &lead}) {
    same_line_if_fits(ImGui::CalcTextSize(fact->c_str()).x, gap);
    ImGui::TextUnformatted(fact->c_str());
  }
}

void draw_history(ViewContext& ctx, const core::Patient& p) {
  auto& cache = ctx.ui.history_cache;
  if (cache.patient_id != p.id.value || cache.version != ctx.ui.data_version) {
    auto history = ctx.session.history(core::EntityType::Patient, p.id.value);
    cache.entries = history ? history.value() : std::vector<core::HistoryEntry>{};
    cache.patient_id = p.id.value;
    cache.version = ctx.ui.data_version;
  }
  if (!ImGui::BeginTable("history", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY))
    return;
  for (const char* h : {"When (UTC)", "Who", "Field", "From", "To"}) ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  for (auto it = cache.entries.rbegin(); it != cache.entries.rend(); ++it) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::time_t seconds = static_cast<std::time_t>(it->hlc.wall_ms / 1000);
    char when[32];
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", &utc);
    ImGui::TextUnformatted(when);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(it->author.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(it->field.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value_text(it->from).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(value_text(it->to).c_str());
  }
  ImGui::EndTable();
}

// The chart's tabs in order: Summary, one per part of the record, History.
const std::vector<const char*>& tab_titles() {
  static const std::vector<const char*> titles = [] {
    std::vector<const char*> out{"Summary"};
    for (const ChartTab& tab : chart_tabs()) out.push_back(tab.title);
    out.push_back("History");
    return out;
  }();
  return titles;
}

void draw_tab_body(ViewContext& ctx, const core::Patient& p, std::string_view title) {
  if (title == "Summary") return draw_chart_summary(ctx, p);
  if (title == "History") return draw_history(ctx, p);
  if (title == "Transitions of care") draw_transitions_panel(ctx, p);
  if (title == "Care plan") draw_care_plan_panel(ctx, p);
  if (title == "Measurements") draw_measurement_chart(ctx, p);
  for (const ChartTab& tab : chart_tabs())
    if (title == tab.title)
      for (const ChartSection& section : tab.sections) draw_record_table(ctx, section.type, section.title, p.id.value);
}

// Ctrl+PageDown and Ctrl+PageUp (as in browsers) open the next and the previous tab.
void switch_tab_by_keyboard(ViewContext& ctx, std::string_view current) {
  if (!ImGui::GetIO().KeyCtrl || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup)) return;
  const int step = ImGui::IsKeyPressed(ImGuiKey_PageDown) ? 1 : ImGui::IsKeyPressed(ImGuiKey_PageUp) ? -1 : 0;
  if (step == 0) return;
  const auto& titles = tab_titles();
  const int n = static_cast<int>(titles.size());
  int at = 0;
  while (at < n && current != titles[static_cast<std::size_t>(at)]) ++at;
  ctx.ui.chart_tab_request = titles[static_cast<std::size_t>(((at + step) % n + n) % n)];
}

void draw_tabs(ViewContext& ctx, const core::Patient& p) {
  // At 1024 px and at large font sizes the tabs do not all fit: they scroll rather than shrink to
  // unreadable stubs, and the keyboard reaches every one.
  const float bar_left = ImGui::GetCursorScreenPos().x;
  const float bar_right = bar_left + ImGui::GetContentRegionAvail().x;
  if (!ImGui::BeginTabBar("chart-tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  const std::string request = std::exchange(ctx.ui.chart_tab_request, {});
  std::string_view current;
  for (const char* title : tab_titles()) {
    const bool open = ImGui::BeginTabItem(title, nullptr, request == title ? ImGuiTabItemFlags_SetSelected : 0);
    // Tabs scrolled out of the bar are not on screen, though ImGui counts them as visible.
    if (ImGui::GetItemRectMin().x >= bar_left && ImGui::GetItemRectMax().x <= bar_right)
      ctx.hook.track(std::string("tab:") + title);
    if (!open) continue;
    current = title;
    ctx.hook.track("chart:tab", title);  // the open tab, for tests
    ImGui::BeginChild("tab-body");
    draw_tab_body(ctx, p, title);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  switch_tab_by_keyboard(ctx, current);
}

}  // namespace

void draw_patient_chart(ViewContext& ctx) {
  const core::Patient* p = ctx.session.state().find(core::Id<core::Patient>{ctx.ui.open_patient});
  if (ImGui::Button("< Patients") || !p || (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup))) {
    ctx.ui.open_patient.clear();
    return;
  }
  ctx.hook.track("Back to patients");
  same_line_if_fits(button_width("Edit details"));
  if (ImGui::Button("Edit details")) open_record_form(ctx, core::EntityType::Patient, "patient details", p->id.value, p->id.value);
  ctx.hook.track("Edit details");
  same_line_if_fits(button_width("Print handout"));
  const bool print = ImGui::Button("Print handout") ||
                     (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_P, false) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup));
  ctx.hook.track("Print handout");
  if (print) ctx.ui.handout_for = p->id.value;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The patient and family handout, in their language (Ctrl+P)");
  same_line_if_fits(button_width("Export this patient"));
  if (ImGui::Button("Export this patient")) export_patient_from_chart(ctx, p->id.value);
  ctx.hook.track("chart:export");
  same_line_if_fits(button_width("Delete patient"));
  if (ImGui::Button("Delete patient"))
    ctx.ui.pending_delete = PendingDelete{core::EntityType::Patient, p->id.value, p->display_name()};
  draw_header(ctx, *p);
  ImGui::Spacing();
  draw_tabs(ctx, *p);
}

}  // namespace ui
