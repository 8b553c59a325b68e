#include "test_hook.hpp"

#include <imgui.h>

#include <nlohmann/json.hpp>

namespace ui {

void TestHook::track(std::string label, std::string text) {
  if (!ImGui::IsItemVisible()) return;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  widgets_.push_back({std::move(label), min.x, min.y, max.x - min.x, max.y - min.y, std::move(text)});
}

std::string TestHook::to_json(long frame, float scale) const {
  nlohmann::json list = nlohmann::json::array();
  for (const WidgetRect& w : widgets_) {
    nlohmann::json item{{"label", w.label}, {"x", w.x / scale}, {"y", w.y / scale}, {"w", w.w / scale}, {"h", w.h / scale}};
    if (!w.text.empty()) item["text"] = w.text;
    list.push_back(std::move(item));
  }
  return nlohmann::json{{"frame", frame}, {"widgets", std::move(list)}}.dump();
}

}  // namespace ui
