// The patient chart: a header that stays in view (who the patient is, allergies, language,
// coverage, care team lead) and one tab per part of the record, plus the record's history.
#include <imgui.h>

#include <string_view>

#include "ui/chart_sections.hpp"
#include "ui/record_text.hpp"
#include "measurement_chart.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

constexpr ImVec4 kAlertColour{0.70f, 0.12f, 0.12f, 1.0f};

// Labels of this patient's live records of type T for which `keep` holds, joined with ", ".
template <class T, class Keep>
std::string summary(const core::State& state, const std::string& patient_id, Keep keep) {
  std::string out;
  for (const auto& [id, r] : state.table<T>())
    if (!r.deleted && r.patient.value == patient_id && keep(r))
      out += (out.empty() ? "" : ", ") + record_title(state, T::kType, id.value);
  return out;
}

void draw_header(ViewContext& ctx, const core::Patient& p) {
  const core::State& state = ctx.session.state();
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(p.display_name().c_str());
  ImGui::PopFont();
  ctx.hook.track("chart:" + p.display_name());
  ImGui::SameLine();
  std::string facts;
  if (p.birth_date)
    facts += std::to_string(core::age_in_years(*p.birth_date, ctx.session.clock().today())) + " y, born " +
             core::format_civil_date(*p.birth_date);
  if (!p.sex.empty()) facts += ", " + p.sex;
  if (!p.mrn.empty()) facts += "   MRN " + p.mrn;
  if (p.status != "active") facts += "   " + p.status;
  ImGui::TextDisabled("%s", facts.c_str());

  const std::string allergies = summary<core::Allergy>(state, p.id.value, [](const auto& a) { return a.verification != "refuted"; });
  if (allergies.empty()) {
    ImGui::TextDisabled("No allergies recorded");
  } else {
    ImGui::TextColored(kAlertColour, "Allergies: %s", allergies.c_str());
  }
  ctx.hook.track("allergies");
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  std::string language = p.language.empty() ? "Language not recorded" : p.language;
  if (p.interpreter_needed) language += " (interpreter needed)";
  ImGui::TextUnformatted(language.c_str());
  const std::string coverage = summary<core::Coverage>(state, p.id.value, [](const auto& c) { return c.status != "inactive"; });
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  ImGui::TextUnformatted(coverage.empty() ? "No coverage recorded" : ("Coverage: " + coverage).c_str());
  std::string lead;
  for (const auto& [id, m] : state.table<core::CareTeamMember>())
    if (!m.deleted && m.patient == p.id && m.lead && !m.end_date)
      lead = m.practitioner.empty() ? record_title(state, core::EntityType::Organization, m.organization.value)
                                    : record_title(state, core::EntityType::Practitioner, m.practitioner.value);
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  ImGui::TextUnformatted(lead.empty() ? "No care team lead" : ("Care team lead: " + lead).c_str());
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

}  // namespace

void draw_patient_chart(ViewContext& ctx) {
  const core::Patient* p = ctx.session.state().find(core::Id<core::Patient>{ctx.ui.open_patient});
  if (ImGui::Button("< Patients") || !p || (ImGui::IsKeyPressed(ImGuiKey_Escape) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup))) {
    ctx.ui.open_patient.clear();
    return;
  }
  ctx.hook.track("Back to patients");
  ImGui::SameLine();
  if (ImGui::Button("Edit details")) open_record_form(ctx, core::EntityType::Patient, "patient details", p->id.value, p->id.value);
  ctx.hook.track("Edit details");
  ImGui::SameLine();
  const bool print = ImGui::Button("Print handout") ||
                     (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_P, false) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup));
  ctx.hook.track("Print handout");
  if (print) ctx.ui.handout_for = p->id.value;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The patient and family handout, in their language (Ctrl+P)");
  ImGui::SameLine();
  if (ImGui::Button("Delete patient"))
    ctx.ui.pending_delete = PendingDelete{core::EntityType::Patient, p->id.value, p->display_name()};
  draw_header(ctx, *p);
  ImGui::Spacing();
  if (!ImGui::BeginTabBar("chart-tabs")) return;
  for (const ChartTab& tab : chart_tabs()) {
    bool open = ImGui::BeginTabItem(tab.title);
    ctx.hook.track(std::string("tab:") + tab.title);
    if (!open) continue;
    ImGui::BeginChild("tab-body");
    if (std::string_view(tab.title) == "Transitions of care") draw_transitions_panel(ctx, *p);
    if (std::string_view(tab.title) == "Care plan") draw_care_plan_panel(ctx, *p);
    if (std::string_view(tab.title) == "Measurements") draw_measurement_chart(ctx, *p);
    for (const ChartSection& section : tab.sections) draw_record_table(ctx, section.type, section.title, p->id.value);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  bool history = ImGui::BeginTabItem("History");
  ctx.hook.track("tab:History");
  if (history) {
    ImGui::BeginChild("tab-body");
    draw_history(ctx, *p);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace ui
