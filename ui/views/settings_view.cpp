// The Settings screen (being built).
#include <imgui.h>

#include "view_context.hpp"

namespace ui {

void draw_settings(ViewContext& ctx) {
  (void)ctx;
  ImGui::TextDisabled("Settings: coming in this release.");
}

}  // namespace ui
