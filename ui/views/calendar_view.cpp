// The Calendar screen (being built).
#include <imgui.h>

#include "view_context.hpp"

namespace ui {

void draw_calendar(ViewContext& ctx) {
  (void)ctx;
  ImGui::TextDisabled("Calendar: coming in this release.");
}

}  // namespace ui
