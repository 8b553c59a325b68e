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

// Light is the default; dark is easier on the eyes in a dim room.
enum class Theme { Light, Dark };

// Colours with a meaning, in the theme last applied, readable on its background: the calm
// clinical blue of headings, links and the selected screen; something late or wrong; something met.
ImVec4 accent_colour();
ImVec4 alert_colour();
ImVec4 good_colour();

// Loads NotoSans-Regular.ttf and NotoSans-Bold.ttf from `font_dir`, sets the theme's colours and
// scales the style. Returns an error message if a font could not be loaded (ImGui's built-in font
// is used then).
std::string apply_theme(const std::string& font_dir, float scale, Theme theme, Fonts& fonts);

}  // namespace ui
