#include "theme.hpp"

#include <imgui.h>

namespace ui {
namespace {

constexpr float kFontSize = 17.0f;

// The meaningful colours of each theme: accent, alert, good. The dark theme's are lighter, so they
// keep their contrast on a dark background.
struct Palette {
  ImVec4 accent, alert, good;
};
constexpr Palette kLight{{0.11f, 0.42f, 0.63f, 1.0f}, {0.70f, 0.12f, 0.12f, 1.0f}, {0.10f, 0.45f, 0.20f, 1.0f}};
constexpr Palette kDark{{0.42f, 0.68f, 0.92f, 1.0f}, {0.96f, 0.47f, 0.44f, 1.0f}, {0.46f, 0.80f, 0.52f, 1.0f}};
Palette current = kLight;

ImVec4 tint(const ImVec4& colour, float alpha) { return {colour.x, colour.y, colour.z, alpha}; }

void set_accents(ImVec4* c, const ImVec4& accent) {
  c[ImGuiCol_Button] = tint(accent, 0.14f);
  c[ImGuiCol_ButtonHovered] = tint(accent, 0.30f);
  c[ImGuiCol_ButtonActive] = tint(accent, 0.45f);
  c[ImGuiCol_Header] = tint(accent, 0.14f);
  c[ImGuiCol_HeaderHovered] = tint(accent, 0.24f);
  c[ImGuiCol_CheckMark] = accent;
}

void set_light_colours(ImGuiStyle& style) {
  ImGui::StyleColorsLight(&style);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = {0.97f, 0.97f, 0.98f, 1.00f};
  set_accents(c, kLight.accent);
  c[ImGuiCol_FrameBg] = {1.0f, 1.0f, 1.0f, 1.0f};
  c[ImGuiCol_TableHeaderBg] = {0.90f, 0.92f, 0.95f, 1.0f};
  c[ImGuiCol_ModalWindowDimBg] = {0.10f, 0.12f, 0.16f, 0.35f};
}

// Dark grey-blue surfaces rather than black, and text a little off white: the same calm look.
void set_dark_colours(ImGuiStyle& style) {
  ImGui::StyleColorsDark(&style);
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = {0.91f, 0.92f, 0.94f, 1.0f};
  c[ImGuiCol_TextDisabled] = {0.62f, 0.65f, 0.70f, 1.0f};
  c[ImGuiCol_WindowBg] = {0.11f, 0.12f, 0.14f, 1.0f};
  c[ImGuiCol_ChildBg] = {0.0f, 0.0f, 0.0f, 0.0f};
  c[ImGuiCol_PopupBg] = {0.15f, 0.16f, 0.19f, 1.0f};
  c[ImGuiCol_Border] = {0.32f, 0.34f, 0.39f, 1.0f};
  c[ImGuiCol_FrameBg] = {0.17f, 0.18f, 0.21f, 1.0f};
  c[ImGuiCol_FrameBgHovered] = {0.22f, 0.24f, 0.28f, 1.0f};
  c[ImGuiCol_FrameBgActive] = {0.25f, 0.28f, 0.33f, 1.0f};
  c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = {0.16f, 0.18f, 0.22f, 1.0f};
  set_accents(c, kDark.accent);
  c[ImGuiCol_HeaderActive] = tint(kDark.accent, 0.35f);
  c[ImGuiCol_Tab] = {0.17f, 0.18f, 0.21f, 1.0f};
  c[ImGuiCol_TabHovered] = tint(kDark.accent, 0.35f);
  c[ImGuiCol_TabActive] = {0.22f, 0.30f, 0.40f, 1.0f};
  c[ImGuiCol_TableHeaderBg] = {0.18f, 0.20f, 0.24f, 1.0f};
  c[ImGuiCol_TableRowBgAlt] = {1.0f, 1.0f, 1.0f, 0.03f};
  c[ImGuiCol_Separator] = c[ImGuiCol_Border];
  c[ImGuiCol_ModalWindowDimBg] = {0.0f, 0.0f, 0.0f, 0.5f};
}

}  // namespace

ImVec4 accent_colour() { return current.accent; }
ImVec4 alert_colour() { return current.alert; }
ImVec4 good_colour() { return current.good; }

std::string apply_theme(const std::string& font_dir, float scale, Theme theme, Fonts& fonts) {
  ImGuiStyle style;
  current = theme == Theme::Dark ? kDark : kLight;
  if (theme == Theme::Dark) set_dark_colours(style);
  else set_light_colours(style);
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
