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
  std::string text;                  // what a text field holds, so a test can check its typing arrived
};

class TestHook {
 public:
  void begin_frame() { widgets_.clear(); }
  // Records the last submitted ImGui item under `label` (with the text it holds, for a text field).
  void track(std::string label, std::string text = {});
  const std::vector<WidgetRect>& widgets() const { return widgets_; }
  // {"frame":N,"widgets":[{"label":..,"x":..,"y":..,"w":..,"h":..[,"text":..]}]}, coordinates divided by `scale`.
  std::string to_json(long frame, float scale) const;

 private:
  std::vector<WidgetRect> widgets_;
};

}  // namespace ui
