// The Boards screen (being built).
#include <imgui.h>

#include "view_context.hpp"

namespace ui {

void draw_boards(ViewContext& ctx) {
  (void)ctx;
  ImGui::TextDisabled("Boards: coming in this release.");
}

}  // namespace ui
