// The Patients screen: search as you type over the whole panel (name, MRN, phone or date of
// birth, through core::PatientSearch), filters (my caseload, status, readmission risk), sortable
// columns, and the keyboard: Down and Up move the highlighted patient, Enter opens the chart.
// "Add patient" too.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/clinical/patient_risk.hpp"
#include "core/patient_search.hpp"
#include "ui/layout.hpp"
#include "view_context.hpp"

namespace ui {

// The rows to show for the current search, filters and sort, worked out again only when one of
// them or the data changes.
struct PatientRows {
  long version = -1;
  std::string key;
  std::unique_ptr<core::PatientSearch> search;
  long search_version = -1;
  std::vector<const core::Patient*> rows;
  // Every scored patient's readmission risk, for the Risk column and filter.
  std::unordered_map<std::string, core::PatientRisk> risks;
  long risks_version = -1;
  core::CivilDate risks_day;

  core::PatientRisk risk_of(const core::Patient& p) const {
    auto it = risks.find(p.id.value);
    return it == risks.end() ? core::PatientRisk{} : it->second;
  }
};

namespace {

bool keep(const core::Patient& p, const PatientListState& list, const std::string& coordinator,
          const PatientRows& cache) {
  if (list.mine && p.coordinator != coordinator) return false;
  if (!list.risk.empty() && list.risk != core::risk_level_name(cache.risk_of(p).level)) return false;
  return list.status.empty() || p.status == list.status;
}

// High first when sorted descending, then incomplete, lower and not scored; by LACE within a level.
std::string risk_sort_key(const core::PatientRisk& risk) {
  char key[16];
  std::snprintf(key, sizeof key, "%d%03d", static_cast<int>(risk.level), risk.lace.value_or(0));
  return key;
}

void sort_rows(std::vector<const core::Patient*>& rows, int column, bool descending, const PatientRows& cache) {
  auto key = [column, &cache](const core::Patient* p) -> std::string {
    switch (column) {
      case 5: return risk_sort_key(cache.risk_of(*p));
      case 1: case 2: return p->birth_date ? core::format_civil_date(*p->birth_date) : "";
      case 3: return p->mrn;
      case 4: return p->phones.empty() ? "" : p->phones.front();
      default: return p->display_name();
    }
  };
  // Age sorts opposite to birth date.
  const bool reverse = (column == 2) != descending;
  std::stable_sort(rows.begin(), rows.end(), [&](const core::Patient* a, const core::Patient* b) {
    return reverse ? key(b) < key(a) : key(a) < key(b);
  });
}

const std::vector<const core::Patient*>& rows(ViewContext& ctx, PatientRows& cache) {
  PatientListState& list = ctx.ui.patient_list;
  const std::string key = list.query + "|" + (list.mine ? "m" : "") + "|" + list.status + "|" + list.risk + "|" +
                          std::to_string(list.sort_column) + (list.sort_descending ? "d" : "a");
  const core::CivilDate today = ctx.session.clock().today();
  if (cache.version == ctx.ui.data_version && cache.key == key && cache.risks_day == today) return cache.rows;
  const core::State& state = ctx.session.state();
  if (cache.risks_version != ctx.ui.data_version || cache.risks_day != today) {
    cache.risks = core::panel_risks(state, today);
    cache.risks_version = ctx.ui.data_version;
    cache.risks_day = today;
  }
  core::PatientSearch& search = panel_search(ctx);
  std::vector<const core::Patient*> found =
      list.query.empty() ? state.patients_by_name() : search.type(list.query, search.size());
  cache.rows.clear();
  for (const core::Patient* p : found)
    if (keep(*p, list, ctx.ui.coordinator, cache)) cache.rows.push_back(p);
  if (list.sort_column != 0 || list.sort_descending)
    sort_rows(cache.rows, list.sort_column, list.sort_descending, cache);
  cache.version = ctx.ui.data_version;
  cache.key = key;
  list.highlighted = std::clamp(list.highlighted, 0, std::max(0, static_cast<int>(cache.rows.size()) - 1));
  return cache.rows;
}

void draw_risk_cell(const core::PatientRisk& risk) {
  if (risk.level == core::RiskLevel::NotScored) return;
  const std::string text = risk.lace ? std::string(core::risk_level_name(risk.level)) + " (LACE " +
                                           std::to_string(*risk.lace) + ")"
                                     : core::risk_level_name(risk.level);
  if (risk.level == core::RiskLevel::High) ImGui::TextColored(alert_colour(), "%s", text.c_str());
  else ImGui::TextUnformatted(text.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", core::describe(risk).c_str());
}

void draw_filters(ViewContext& ctx) {
  PatientListState& list = ctx.ui.patient_list;
  if (ImGui::IsWindowAppearing() || (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_F, false)))
    ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputTextWithHint("##patient-search", "name, MRN, phone or date of birth (Ctrl+F)", &list.query);
  ctx.hook.track("patients:search", list.query);
  ImGui::SameLine();
  ImGui::BeginDisabled(ctx.ui.coordinator.empty());
  ImGui::Checkbox("My caseload", &list.mine);
  ImGui::EndDisabled();
  if (ctx.ui.coordinator.empty()) ImGui::SetItemTooltip("Choose who you are in Settings first.");
  ctx.hook.track("patients:mine");
  same_line_if_fits(ImGui::GetFontSize() * 8);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::BeginCombo("##status", list.status.empty() ? "Any status" : list.status.c_str())) {
    for (const char* status : {"", "active", "inactive", "deceased"})
      if (ImGui::Selectable(*status ? status : "Any status", list.status == status)) list.status = status;
    ImGui::EndCombo();
  }
  ctx.hook.track("patients:status");
  same_line_if_fits(ImGui::GetFontSize() * 11);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11);
  const std::string shown_risk = list.risk.empty() ? "Any readmission risk" : "Risk: " + list.risk;
  if (ImGui::BeginCombo("##risk", shown_risk.c_str())) {
    for (const char* risk : {"", "high", "incomplete", "lower", "not scored"}) {
      const char* label = *risk ? risk : "Any readmission risk";
      if (ImGui::Selectable(label, list.risk == risk)) list.risk = risk;
      ctx.hook.track(std::string("option:") + label);
    }
    ImGui::EndCombo();
  }
  ImGui::SetItemTooltip("The LACE index of a discharge in the last 30 days");
  ctx.hook.track("patients:risk");
}

}  // namespace

core::PatientSearch& panel_search(ViewContext& ctx) {
  if (!ctx.ui.patient_rows) ctx.ui.patient_rows = std::make_shared<PatientRows>();
  PatientRows& cache = *ctx.ui.patient_rows;
  if (!cache.search || cache.search_version != ctx.ui.data_version) {
    cache.search = std::make_unique<core::PatientSearch>(ctx.session.state());
    cache.search_version = ctx.ui.data_version;
  }
  return *cache.search;
}

void draw_patient_list(ViewContext& ctx) {
  if (!ctx.ui.patient_rows) ctx.ui.patient_rows = std::make_shared<PatientRows>();
  PatientRows& cache = *ctx.ui.patient_rows;
  PatientListState& list = ctx.ui.patient_list;
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("Patients");
  ImGui::PopFont();
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize("Add patient").x -
                  ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button("Add patient")) {
    ctx.ui.add_patient = AddPatientForm{};
    ctx.ui.add_patient.open = ctx.ui.add_patient.focus_first_field = true;
  }
  ctx.hook.track("Add patient");
  ImGui::SetItemTooltip("Ctrl+N");
  if (live_patient_count(ctx) == 0) {
    ImGui::Spacing();
    ImGui::TextDisabled("No patients yet. Choose \"Add patient\" (Ctrl+N) to enter the first one.");
    return;
  }
  draw_filters(ctx);
  const std::vector<const core::Patient*>& shown = rows(ctx, cache);
  ImGui::SameLine();
  ImGui::TextDisabled("%zu shown", shown.size());
  ctx.hook.track("patients:count", std::to_string(shown.size()));

  // Keys move the highlight while no popup is open; the search field keeps them otherwise unused.
  const int count = static_cast<int>(shown.size());
  bool open_highlighted = false;
  if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup) && count > 0) {
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) list.highlighted = std::min(list.highlighted + 1, count - 1);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) list.highlighted = std::max(list.highlighted - 1, 0);
    open_highlighted = ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
  }

  const core::CivilDate today = ctx.session.clock().today();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable;
  if (!ImGui::BeginTable("patients", 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 2.5f);
  ImGui::TableSetupColumn("Date of birth", ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn("Age", ImGuiTableColumnFlags_WidthStretch, 0.5f);
  ImGui::TableSetupColumn("MRN", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Phone", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("Readmission risk", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* sort = ImGui::TableGetSortSpecs(); sort && sort->SpecsDirty && sort->SpecsCount > 0) {
    list.sort_column = sort->Specs[0].ColumnIndex;
    list.sort_descending = sort->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    sort->SpecsDirty = false;
  }
  ImGuiListClipper clipper;
  clipper.Begin(count);
  if (count > 0) clipper.IncludeItemByIndex(list.highlighted);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const core::Patient& p = *shown[static_cast<std::size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string name = p.display_name();
      const bool highlighted = row == list.highlighted;
      if (ImGui::Selectable((name + "##" + p.id.value).c_str(), highlighted, ImGuiSelectableFlags_SpanAllColumns) ||
          (highlighted && open_highlighted))
        ctx.ui.open_patient = p.id.value;  // opens the chart
      if (highlighted && (ImGui::IsKeyPressed(ImGuiKey_DownArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow)))
        ImGui::SetScrollHereY();
      ctx.hook.track("patient:" + name);
      ImGui::TableNextColumn();
      if (p.birth_date) {
        ImGui::TextUnformatted(core::format_civil_date(*p.birth_date).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", core::age_in_years(*p.birth_date, today));
      } else {
        ImGui::TableNextColumn();
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.mrn.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(p.phones.empty() ? "" : p.phones.front().c_str());
      ImGui::TableNextColumn();
      draw_risk_cell(cache.risk_of(p));
    }
  }
  ImGui::EndTable();
}

}  // namespace ui
