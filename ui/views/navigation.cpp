// The navigation down the left side: one entry per screen. A chart open on the Patients screen
// stays open while the coordinator looks elsewhere.
#include <imgui.h>

#include "view_context.hpp"

namespace ui {

const std::vector<ScreenEntry>& screens() {
  static const std::vector<ScreenEntry> entries = {
      {Screen::Today, "Today"},         {Screen::Patients, "Patients"},   {Screen::Calendar, "Calendar"},
      {Screen::Directory, "Care team"}, {Screen::Boards, "Referrals"},
      {Screen::Dashboard, "Dashboard"}, {Screen::Settings, "Settings"},
      {Screen::ImportExport, "Import & export"},
  };
  return entries;
}

void draw_navigation(ViewContext& ctx) {
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextColored(accent_colour(), "Liaison");
  ImGui::PopFont();
  ImGui::Spacing();
  for (const ScreenEntry& entry : screens()) {
    const bool current = ctx.ui.screen == entry.screen;
    if (ImGui::Selectable(entry.title, current, ImGuiSelectableFlags_None)) {
      // "Patients" again while a chart is open goes back to the list.
      if (current && entry.screen == Screen::Patients) ctx.ui.open_patient.clear();
      ctx.ui.screen = entry.screen;
    }
    ctx.hook.track(std::string("nav:") + entry.title);
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextDisabled("Ctrl+K: search");
}

}  // namespace ui
