#include "theme.hpp"

#include <imgui.h>

namespace ui {
namespace {

constexpr float kFontSize = 17.0f;

void set_colours(ImGuiStyle& style) {
  ImGui::StyleColorsLight(&style);
  ImVec4* c = style.Colors;
  const ImVec4 accent{0.11f, 0.42f, 0.63f, 1.00f};  // a calm clinical blue
  c[ImGuiCol_WindowBg] = {0.97f, 0.97f, 0.98f, 1.00f};
  c[ImGuiCol_Button] = {accent.x, accent.y, accent.z, 0.14f};
  c[ImGuiCol_ButtonHovered] = {accent.x, accent.y, accent.z, 0.30f};
  c[ImGuiCol_ButtonActive] = {accent.x, accent.y, accent.z, 0.45f};
  c[ImGuiCol_Header] = {accent.x, accent.y, accent.z, 0.14f};
  c[ImGuiCol_HeaderHovered] = {accent.x, accent.y, accent.z, 0.24f};
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_FrameBg] = {1.0f, 1.0f, 1.0f, 1.0f};
  c[ImGuiCol_TableHeaderBg] = {0.90f, 0.92f, 0.95f, 1.0f};
  c[ImGuiCol_ModalWindowDimBg] = {0.10f, 0.12f, 0.16f, 0.35f};
}

}  // namespace

std::string apply_theme(const std::string& font_dir, float scale, Fonts& fonts) {
  ImGuiStyle style;
  set_colours(style);
  style.WindowRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.FramePadding = {8.0f, 5.0f};
  style.ItemSpacing = {10.0f, 8.0f};
  style.CellPadding = {8.0f, 6.0f};
  style.FrameBorderSize = 1.0f;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  static ImVector<ImWchar> ranges;  // must outlive the atlas build
  if (ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddText("\xE2\x80\xA6\xE2\x80\x93\xE2\x80\x94\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\xA2");  // … – — ’ “ ” •
    builder.BuildRanges(&ranges);
  }
  ImFontConfig config;
  config.OversampleH = 2;
  fonts.regular = io.Fonts->AddFontFromFileTTF((font_dir + "/NotoSans-Regular.ttf").c_str(),
                                               kFontSize * scale, &config, ranges.Data);
  fonts.bold = io.Fonts->AddFontFromFileTTF((font_dir + "/NotoSans-Bold.ttf").c_str(),
                                            kFontSize * 1.25f * scale, &config, ranges.Data);
  if (!fonts.regular || !fonts.bold) {
    io.Fonts->Clear();
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * scale;
    fonts.regular = fonts.bold = io.Fonts->AddFontDefault(&fallback);
    return "The interface font could not be loaded from " + font_dir + "; using a fallback font.";
  }
  return "";
}

}  // namespace ui
