// Small layout rules shared by the views.
#pragma once
#include <imgui.h>

namespace ui {

// Keeps the next widget, `width` wide, on the line of the last one (`gap` after it; the style's
// spacing when negative) when it still fits there, else lets it start a new line: rows of filters,
// buttons and facts wrap at large font sizes and in narrow windows instead of running off the edge.
inline void same_line_if_fits(float width, float gap = -1.0f) {
  const float spacing = gap < 0 ? ImGui::GetStyle().ItemSpacing.x : gap;
  const float right = ImGui::GetItemRectMax().x + spacing + width;
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine(0, spacing);
}

// The width of a button labelled `label`.
inline float button_width(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

}  // namespace ui
