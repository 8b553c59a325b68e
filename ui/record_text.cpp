#include "record_text.hpp"

#include <algorithm>
#include <cstdio>

namespace ui {

std::string choice_text(const std::string& value) {
  std::string out = value;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string label_text(const std::string& label) {
  std::string out = label;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string value_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) {
    char out[32];
    std::snprintf(out, sizeof out, "%g", value.get<double>());
    return out;
  }
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) out += (out.empty() ? "" : ", ") + value_text(item);
    return out;
  }
  return "";
}

nlohmann::json input_value(core::FieldKind kind, const std::string& text) {
  if (kind != core::FieldKind::TextList) return text;
  nlohmann::json items = nlohmann::json::array();
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

std::string record_title(const core::State& state, core::EntityType type, const std::string& id) {
  if (type == core::EntityType::Patient) {
    const core::Patient* p = state.find(core::Id<core::Patient>{id});
    return p ? p->display_name() : id;
  }
  nlohmann::json fields = core::record_fields(state, type, id);
  for (const char* key : title_fields())
    if (fields.contains(key) && fields[key].is_string()) return fields[key].get<std::string>();
  return id;
}

const std::vector<const char*>& title_fields() {
  static const std::vector<const char*> keys = {"name",    "title", "description", "substance", "plan_name",
                                                "service", "topic", "role",        "type"};
  return keys;
}

}  // namespace ui
