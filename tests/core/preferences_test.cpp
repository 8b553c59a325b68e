// The device preferences' text: what is read back, what keeps its default, and each way a damaged
// file is refused (so the interface can ignore it with a notice instead of failing).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/preferences.hpp"

namespace {

struct Case {
  const char* text;
  bool accepted;
  core::Preferences expected;  // when accepted
  const char* message_part;    // when refused
};

}  // namespace

TEST_CASE("parse_preferences reads, defaults and refuses") {
  const std::vector<Case> cases = {
      {R"({"coordinator":"casey","theme":"dark","font_percent":150})", true, {"casey", "dark", 150}, ""},
      {R"({})", true, {"", "light", 100}, ""},
      {R"({"theme":"light","later_setting":true})", true, {"", "light", 100}, ""},
      {R"({"font_percent":100})", true, {"", "light", 100}, ""},
      {R"({"font_percent":200})", true, {"", "light", 200}, ""},
      {R"({"font_percent":99})", false, {}, "font size"},
      {R"({"font_percent":201})", false, {}, "font size"},
      {R"({"font_percent":1.5})", false, {}, "font size"},
      {R"({"theme":"purple"})", false, {}, "theme"},
      {R"({"coordinator":7})", false, {}, "coordinator"},
      {R"({"coordinator":"casey")", false, {}, "not readable"},
      {"", false, {}, "not readable"},
      {"[1,2]", false, {}, "not readable"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto parsed = core::parse_preferences(c.text);
    REQUIRE(parsed.ok() == c.accepted);
    if (c.accepted) CHECK(parsed.value() == c.expected);
    else CHECK(parsed.error().message.find(c.message_part) != std::string::npos);
  }
}

TEST_CASE("preferences_text reads back as the same preferences") {
  for (const core::Preferences& p : {core::Preferences{}, core::Preferences{"Casey \"C\" O'Neil", "dark", 175}}) {
    const auto back = core::parse_preferences(core::preferences_text(p));
    REQUIRE(back.ok());
    CHECK(back.value() == p);
  }
}
