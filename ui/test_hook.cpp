#include "test_hook.hpp"

#include <imgui.h>

#include <nlohmann/json.hpp>

namespace ui {

void TestHook::track(std::string label) {
  if (!ImGui::IsItemVisible()) return;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  widgets_.push_back({std::move(label), min.x, min.y, max.x - min.x, max.y - min.y});
}

std::string TestHook::to_json(long frame, float scale) const {
  nlohmann::json list = nlohmann::json::array();
  for (const WidgetRect& w : widgets_)
    list.push_back({{"label", w.label}, {"x", w.x / scale}, {"y", w.y / scale}, {"w", w.w / scale}, {"h", w.h / scale}});
  return nlohmann::json{{"frame", frame}, {"widgets", std::move(list)}}.dump();
}

}  // namespace ui
