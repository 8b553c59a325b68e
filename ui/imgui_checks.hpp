// ImGui's rules checked while the interface runs: a failed IM_ASSERT (a Begin without its End, a
// bad table call, ...) and two items sharing one ID in a frame (the second one would not respond).
// The desktop and browser log each distinct problem once; the headless render test collects them
// and fails. Compiled into the imgui library, which calls it (see ui/imgui_config.hpp).
#pragma once
#include <string>
#include <vector>

struct ImGuiContext;

namespace ui::imgui_checks {

// Where problems go: by default each distinct one is printed once to stderr.
using Handler = void (*)(const std::string& problem);
void set_handler(Handler handler);

// Turns on the ID check for this context (it costs a hash insert per item).
void check_ids(ImGuiContext* context);

}  // namespace ui::imgui_checks
