// Reading and writing the device preferences' text (see the header).
#include "preferences.hpp"

#include <nlohmann/json.hpp>

namespace core {
namespace {

Error refused(const std::string& why) { return Error{ErrorCode::Corrupt, "The saved preferences " + why + ".", {}}; }

}  // namespace

Result<Preferences> parse_preferences(const std::string& text) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return refused("are not readable (not a JSON object)");
  Preferences out;
  if (json.contains("coordinator")) {
    if (!json["coordinator"].is_string()) return refused("name the coordinator with something other than text");
    out.coordinator = json["coordinator"].get<std::string>();
  }
  if (json.contains("theme")) {
    if (!json["theme"].is_string() || (json["theme"] != "light" && json["theme"] != "dark"))
      return refused("name a theme other than light or dark");
    out.theme = json["theme"].get<std::string>();
  }
  if (json.contains("font_percent")) {
    const nlohmann::json& size = json["font_percent"];
    if (!size.is_number_integer() || size.get<long long>() < kMinFontPercent || size.get<long long>() > kMaxFontPercent)
      return refused("give a font size outside " + std::to_string(kMinFontPercent) + "-" +
                     std::to_string(kMaxFontPercent) + " %");
    out.font_percent = size.get<int>();
  }
  return out;
}

std::string preferences_text(const Preferences& preferences) {
  return nlohmann::json{{"coordinator", preferences.coordinator},
                        {"theme", preferences.theme},
                        {"font_percent", preferences.font_percent}}
             .dump(2) +
         "\n";
}

}  // namespace core
