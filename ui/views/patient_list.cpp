// The Patients screen: search as you type over the whole panel (name, MRN, phone or date of
// birth, through core::PatientSearch), filters (my caseload, status), sortable columns, and the
// keyboard: Down and Up move the highlighted patient, Enter opens the chart. "Add patient" too.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "core/patient_search.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

}  // namespace

// The rows to show for the current search, filters and sort, worked out again only when one of
// them or the data changes.
struct PatientRows {
  long version = -1;
  std::string key;
  std::unique_ptr<core::PatientSearch> search;
  long search_version = -1;
  std::vector<const core::Patient*> rows;
};

namespace {

bool keep(const core::Patient& p, const PatientListState& list, const std::string& coordinator) {
  if (list.mine && p.coordinator != coordinator) return false;
  return list.status.empty() || p.status == list.status;
}

void sort_rows(std::vector<const core::Patient*>& rows, int column, bool descending) {
  auto key = [column](const core::Patient* p) -> std::string {
    switch (column) {
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
  const std::string key = list.query + "|" + (list.mine ? "m" : "") + "|" + list.status + "|" +
                          std::to_string(list.sort_column) + (list.sort_descending ? "d" : "a");
  if (cache.version == ctx.ui.data_version && cache.key == key) return cache.rows;
  const core::State& state = ctx.session.state();
  if (!cache.search || cache.search_version != ctx.ui.data_version) {
    cache.search = std::make_unique<core::PatientSearch>(state);
    cache.search_version = ctx.ui.data_version;
  }
  std::vector<const core::Patient*> found =
      list.query.empty() ? state.patients_by_name() : cache.search->type(list.query, cache.search->size());
  cache.rows.clear();
  for (const core::Patient* p : found)
    if (keep(*p, list, ctx.ui.coordinator)) cache.rows.push_back(p);
  if (list.sort_column != 0 || list.sort_descending) sort_rows(cache.rows, list.sort_column, list.sort_descending);
  cache.version = ctx.ui.data_version;
  cache.key = key;
  list.highlighted = std::clamp(list.highlighted, 0, std::max(0, static_cast<int>(cache.rows.size()) - 1));
  return cache.rows;
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
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::BeginCombo("##status", list.status.empty() ? "Any status" : list.status.c_str())) {
    for (const char* status : {"", "active", "inactive", "deceased"})
      if (ImGui::Selectable(*status ? status : "Any status", list.status == status)) list.status = status;
    ImGui::EndCombo();
  }
  ctx.hook.track("patients:status");
}

}  // namespace

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
  if (ctx.session.state().patients_by_name().empty()) {
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
  if (!ImGui::BeginTable("patients", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort, 2.5f);
  ImGui::TableSetupColumn("Date of birth", ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn("Age", ImGuiTableColumnFlags_WidthStretch, 0.5f);
  ImGui::TableSetupColumn("MRN", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Phone", ImGuiTableColumnFlags_WidthStretch, 1.4f);
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
    }
  }
  ImGui::EndTable();
}

}  // namespace ui
