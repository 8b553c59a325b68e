// The chart's Summary tab: the patient at a glance, from the facts worked out in chart_facts.cpp.
#include <imgui.h>

#include "chart_facts.hpp"

namespace ui {
namespace {

void draw_section(ViewContext& ctx, const char* title, const std::vector<SummaryLine>& lines, const char* none) {
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  ctx.hook.track(std::string("summary:") + title);
  ImGui::Indent();
  if (lines.empty()) ImGui::TextDisabled("%s", none);
  for (const SummaryLine& line : lines) {
    if (line.alert)
      ImGui::TextColored(alert_colour(), "%s", line.text.c_str());
    else
      ImGui::TextWrapped("%s", line.text.c_str());
  }
  ImGui::Unindent();
  ImGui::Spacing();
}

}  // namespace

void draw_chart_summary(ViewContext& ctx, const core::Patient& p) {
  const ChartFacts& facts = chart_facts(ctx, p);
  const bool high = facts.risk.level == core::RiskLevel::High;
  draw_section(ctx, "Readmission risk", {{core::describe(facts.risk), high}}, "");
  draw_section(ctx, "Last contact", facts.last_contact.empty() ? std::vector<SummaryLine>{}
                                                               : std::vector<SummaryLine>{{facts.last_contact, false}},
               "No call, visit or message recorded");
  if (!ImGui::BeginTable("summary", 2, ImGuiTableFlags_SizingStretchSame)) return;
  ImGui::TableNextColumn();
  draw_section(ctx, "Active problems", facts.problems, "None recorded");
  draw_section(ctx, "Active medications", facts.medications, "None recorded");
  draw_section(ctx, "Goals", facts.goals, "No active goals");
  ImGui::TableNextColumn();
  draw_section(ctx, "Coming appointments", facts.upcoming, "Nothing booked");
  draw_section(ctx, "Open tasks", facts.open_tasks, "No open tasks");
  ImGui::EndTable();
}

}  // namespace ui
