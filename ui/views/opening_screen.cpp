#include "opening_screen.hpp"

#include <imgui.h>

#include <algorithm>

namespace ui {

void draw_opening(const core::SessionOpening* opening, const std::string& failure, const Fonts& fonts, TestHook& hook) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("Liaison", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const float width = std::min(viewport->WorkSize.x * 0.8f, ImGui::GetFontSize() * 32);
  ImGui::SetCursorPos({(viewport->WorkSize.x - width) / 2, viewport->WorkSize.y * 0.35f});
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ImGui::PushFont(fonts.bold);
  ImGui::PushStyleColor(ImGuiCol_Text, accent_colour());
  ImGui::TextUnformatted(opening ? "Opening your records" : "Your records could not be opened");
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::Spacing();
  if (opening) {
    ImGui::TextUnformatted(opening->stage().c_str());
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, accent_colour());
    ImGui::ProgressBar(static_cast<float>(opening->progress()), {width, 0});
    ImGui::PopStyleColor();
    hook.track("opening", opening->stage());
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, alert_colour());
    ImGui::TextWrapped("Liaison could not open its data: %s", failure.c_str());
    ImGui::PopStyleColor();
    hook.track("opening:failed", failure);
    ImGui::TextWrapped("Nothing saved was changed. Ask for help with the message above.");
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::End();
}

}  // namespace ui
