// The patient list: every patient in the store, by name, with the "Add patient" entry point.
#include <imgui.h>

#include "view_context.hpp"

namespace ui {

void draw_patient_list(ViewContext& ctx) {
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

  const auto patients = ctx.session.state().patients_by_name();
  if (patients.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("No patients yet. Choose \"Add patient\" (Ctrl+N) to enter the first one.");
    return;
  }
  const core::CivilDate today = ctx.session.clock().today();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  if (!ImGui::BeginTable("patients", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 2.5f);
  ImGui::TableSetupColumn("Date of birth", ImGuiTableColumnFlags_WidthStretch, 1.1f);
  ImGui::TableSetupColumn("Age", ImGuiTableColumnFlags_WidthStretch, 0.5f);
  ImGui::TableSetupColumn("MRN", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Phone", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(patients.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const core::Patient& p = *patients[static_cast<std::size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string name = p.display_name();
      if (ImGui::Selectable((name + "##" + p.id.value).c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
        ctx.ui.open_patient = p.id.value;  // opens the chart
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
