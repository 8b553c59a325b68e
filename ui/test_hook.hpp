// The on-screen rectangles of labelled widgets, rebuilt every frame. End-to-end tests read them
// (the browser through a JS global, the desktop through a file) to find a widget by its label,
// then send real mouse and keyboard input there.
#pragma once
#include <string>
#include <vector>

namespace ui {

struct WidgetRect {
  std::string label;
  float x = 0, y = 0, w = 0, h = 0;  // in interface pixels
};

class TestHook {
 public:
  void begin_frame() { widgets_.clear(); }
  // Records the last submitted ImGui item under `label`.
  void track(std::string label);
  const std::vector<WidgetRect>& widgets() const { return widgets_; }
  // {"frame":N,"widgets":[{"label":..,"x":..,"y":..,"w":..,"h":..}]}, coordinates divided by `scale`.
  std::string to_json(long frame, float scale) const;

 private:
  std::vector<WidgetRect> widgets_;
};

}  // namespace ui
