#include <doctest/doctest.h>

#include "core/civil_date.hpp"

using core::parse_civil_date;

TEST_CASE("civil dates parse only in strict ISO form and only when the day exists") {
  struct Row { const char* text; bool valid; };
  const Row rows[] = {
      {"1948-03-21", true},  {"2024-02-29", true},  {"2023-02-29", false}, {"1900-02-29", false},
      {"2000-02-29", true},  {"2026-13-01", false}, {"2026-00-10", false}, {"2026-04-31", false},
      {"26-04-01", false},   {"2026/04/01", false}, {"2026-4-1", false},   {"", false},
      {"2026-04-01x", false}, {"abcd-ef-gh", false}, {"2026-04-0 ", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(parse_civil_date(row.text).has_value() == row.valid);
  }
}

TEST_CASE("a parsed date formats back to the same text") {
  for (const char* text : {"1948-03-21", "2000-01-01", "0999-12-31"}) {
    auto d = parse_civil_date(text);
    REQUIRE(d);
    CHECK(core::format_civil_date(*d) == text);
  }
}

TEST_CASE("age counts whole years and turns on the birthday") {
  auto birth = *parse_civil_date("1950-06-15");
  CHECK(core::age_in_years(birth, *parse_civil_date("2026-06-14")) == 75);
  CHECK(core::age_in_years(birth, *parse_civil_date("2026-06-15")) == 76);
  CHECK(core::age_in_years(birth, *parse_civil_date("1949-01-01")) == 0);
}
