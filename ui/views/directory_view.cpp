// The Directory screen (being built).
#include <imgui.h>

#include "view_context.hpp"

namespace ui {

void draw_directory(ViewContext& ctx) {
  (void)ctx;
  ImGui::TextDisabled("Directory: coming in this release.");
}

}  // namespace ui
