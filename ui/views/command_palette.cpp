// The command palette (Ctrl+K): type part of a patient's name, MRN, phone or date of birth (the
// Patients screen's search), or of a screen or an action, then Enter (or a click) goes there. Up
// and Down move the choice; Escape closes.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <functional>

#include "view_context.hpp"

namespace ui {
namespace {

constexpr std::size_t kMaxPatients = 8;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool matches(std::string_view text, const std::string& query_lower) {
  return query_lower.empty() || lower(text).find(query_lower) != std::string::npos;
}

struct Choice {
  std::string label;
  std::function<void(ViewContext&)> go;
};

std::vector<Choice> choices(ViewContext& ctx) {
  CommandPalette& palette = ctx.ui.palette;
  const std::string query = lower(palette.query);
  if (palette.matched_query != palette.query) {
    palette.matched_patients.clear();
    if (!query.empty())
      for (const core::Patient* p : panel_search(ctx).type(palette.query, kMaxPatients))
        palette.matched_patients.push_back(p->id.value);
    palette.matched_query = palette.query;
  }
  std::vector<Choice> out;
  for (const std::string& id : palette.matched_patients) {
    const core::Patient* p = ctx.session.state().find(core::Id<core::Patient>{id});
    if (!p) continue;
    out.push_back({"Patient: " + p->display_name() + (p->mrn.empty() ? "" : "  (MRN " + p->mrn + ")"), [id](ViewContext& c) {
                     c.ui.open_patient = id;
                     c.ui.screen = Screen::Patients;
                   }});
  }
  for (const ScreenEntry& entry : screens())
    if (matches(entry.title, query)) {
      const Screen screen = entry.screen;
      out.push_back({std::string("Go to ") + entry.title, [screen](ViewContext& c) { c.ui.screen = screen; }});
    }
  if (matches("add patient", query))
    out.push_back({"Add patient (Ctrl+N)", [](ViewContext& c) {
                     c.ui.add_patient = AddPatientForm{};
                     c.ui.add_patient.open = c.ui.add_patient.focus_first_field = true;
                   }});
  if (matches("undo the last change", query))
    out.push_back({"Undo the last change (Ctrl+Z)", [](ViewContext& c) { c.outbox.push_back(core::UndoLast{}); }});
  return out;
}

}  // namespace

void draw_command_palette(ViewContext& ctx) {
  CommandPalette& palette = ctx.ui.palette;
  if (palette.open && !ImGui::IsPopupOpen("###palette")) ImGui::OpenPopup("###palette");
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({viewport->GetCenter().x, viewport->WorkPos.y + viewport->WorkSize.y * 0.15f},
                          ImGuiCond_Always, {0.5f, 0.0f});
  ImGui::SetNextWindowSize({std::min(ImGui::GetFontSize() * 34, viewport->WorkSize.x * 0.9f), 0});
  if (!ImGui::BeginPopupModal("Find a patient, a screen or an action###palette", &palette.open,
                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) return;
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##query", "name, MRN, screen or action", &palette.query)) palette.selected = 0;
  ctx.hook.track("palette:query", palette.query);
  const std::vector<Choice> found = choices(ctx);
  const int count = static_cast<int>(found.size());
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) palette.selected = std::min(palette.selected + 1, count - 1);
  if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) palette.selected = std::max(palette.selected - 1, 0);
  int chosen = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter) ? palette.selected : -1;
  for (int i = 0; i < count; ++i) {
    if (ImGui::Selectable(found[static_cast<std::size_t>(i)].label.c_str(), i == palette.selected)) chosen = i;
    ctx.hook.track("palette:" + found[static_cast<std::size_t>(i)].label);
  }
  if (count == 0) ImGui::TextDisabled("Nothing matches \"%s\".", palette.query.c_str());
  if (ImGui::IsKeyPressed(ImGuiKey_Escape)) palette.open = false;
  if (chosen >= 0 && chosen < count) {
    found[static_cast<std::size_t>(chosen)].go(ctx);
    palette.open = false;
  }
  if (!palette.open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace ui
