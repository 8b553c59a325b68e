// Liaison's build settings for Dear ImGui (IMGUI_USER_CONFIG, set on the imgui target). ImGui's
// own checks stay on in every build: a failed IM_ASSERT is reported through ui/imgui_checks.hpp
// instead of aborting (release builds would otherwise drop the checks), and the item hooks let
// those checks see two items with the same ID in one frame.
#pragma once

void ImGuiReportFailedCheck(const char* expression, const char* file, int line);

#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ImGuiReportFailedCheck(#_EXPR, __FILE__, __LINE__))
#define IMGUI_ENABLE_TEST_ENGINE
