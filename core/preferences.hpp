// The coordinator's preferences on this device: who is signed in, the colour theme and the font
// size. They are not patient data and never enter the journal; each shell keeps them in a small
// JSON file of its own (ui::Platform). This file only reads and writes their text, so a damaged
// file can be refused with a sentence, and the defaults used instead.
#pragma once
#include <string>

#include "core/result.hpp"

namespace core {

// The font size as a percentage of the normal size, within these bounds.
constexpr int kMinFontPercent = 100;
constexpr int kMaxFontPercent = 200;

struct Preferences {
  std::string coordinator;      // empty: nobody chosen yet
  std::string theme = "light";  // "light" or "dark"
  int font_percent = 100;       // kMinFontPercent to kMaxFontPercent
  bool operator==(const Preferences&) const = default;
};

// {"coordinator": "...", "theme": "dark", "font_percent": 150}. A missing member keeps its
// default and an unknown one is ignored (a newer version may add some); anything else that is
// wrong (not JSON, a wrong type, an unknown theme, a size out of bounds) refuses the whole text
// with a sentence saying what is wrong.
Result<Preferences> parse_preferences(const std::string& text);
std::string preferences_text(const Preferences& preferences);

}  // namespace core
