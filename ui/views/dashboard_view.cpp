// The Dashboard screen (being built).
#include <imgui.h>

#include "view_context.hpp"

namespace ui {

void draw_dashboard(ViewContext& ctx) {
  (void)ctx;
  ImGui::TextDisabled("Dashboard: coming in this release.");
}

}  // namespace ui
