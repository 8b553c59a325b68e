#include "imgui_checks.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <set>
#include <unordered_set>

namespace ui::imgui_checks {
namespace {

void print_once(const std::string& problem) {
  static std::set<std::string> printed;
  if (printed.insert(problem).second) std::fprintf(stderr, "liaison: interface check failed: %s\n", problem.c_str());
}

Handler handler = print_once;

struct FrameIds {
  int frame = -1;
  std::unordered_set<ImGuiID> seen;
};
FrameIds frame_ids;

}  // namespace

void set_handler(Handler h) { handler = h ? h : print_once; }

void check_ids(ImGuiContext* context) { context->TestEngineHookItems = true; }

void report(const std::string& problem) { handler(problem); }

}  // namespace ui::imgui_checks

void ImGuiReportFailedCheck(const char* expression, const char* file, int line) {
  const char* slash = std::strrchr(file, '/');
  ui::imgui_checks::report(std::string("IM_ASSERT(") + expression + ") at " + (slash ? slash + 1 : file) + ":" +
                           std::to_string(line));
}

// The item hooks ImGui calls when IMGUI_ENABLE_TEST_ENGINE is defined.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* context, ImGuiID id, const ImRect&, const ImGuiLastItemData*) {
  using ui::imgui_checks::frame_ids;
  if (id == 0) return;
  if (frame_ids.frame != context->FrameCount) {
    frame_ids.frame = context->FrameCount;
    frame_ids.seen.clear();
  }
  if (!frame_ids.seen.insert(id).second) {
    const char* window = context->CurrentWindow ? context->CurrentWindow->Name : "?";
    ui::imgui_checks::report("two items share the ID " + std::to_string(id) + " in window \"" + window + "\"");
  }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
