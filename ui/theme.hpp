// Fonts and colours. The interface is laid out for a 1.0 scale and multiplied by the display's
// scale (devicePixelRatio in the browser, the monitor's content scale on the desktop), with fonts
// rasterized at the final size so text stays crisp.
#pragma once
#include <imgui.h>

#include <string>

namespace ui {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
};

// The calm clinical blue of headings, links and the selected screen.
inline ImVec4 accent_colour() { return {0.11f, 0.42f, 0.63f, 1.0f}; }

// Loads NotoSans-Regular.ttf and NotoSans-Bold.ttf from `font_dir` and scales the style.
// Returns an error message if a font could not be loaded (ImGui's built-in font is used then).
std::string apply_theme(const std::string& font_dir, float scale, Fonts& fonts);

}  // namespace ui
