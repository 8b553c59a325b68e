#include <doctest/doctest.h>

#include <cstdio>
#include <string>

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

TEST_CASE("every day of four centuries, and years outside 0000-9999, format as printf writes them") {
  auto printf_date = [](core::CivilDate d) {
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return std::string(out);
  };
  for (date::sys_days day = date::sys_days{date::year{1800} / 1 / 1}; day < date::sys_days{date::year{2200} / 1 / 1};
       day += date::days{1}) {
    const core::CivilDate d{day};
    REQUIRE(core::format_civil_date(d) == printf_date(d));
    REQUIRE(parse_civil_date(core::format_civil_date(d)) == d);
  }
  for (int year : {0, 1, 99, 999, 9999, 10000, 12345, -1, -2024}) {
    const core::CivilDate d{date::year{year} / 7 / 4};
    CAPTURE(year);
    CHECK(core::format_civil_date(d) == printf_date(d));
  }
}

TEST_CASE("age counts whole years and turns on the birthday") {
  auto birth = *parse_civil_date("1950-06-15");
  CHECK(core::age_in_years(birth, *parse_civil_date("2026-06-14")) == 75);
  CHECK(core::age_in_years(birth, *parse_civil_date("2026-06-15")) == 76);
  CHECK(core::age_in_years(birth, *parse_civil_date("1949-01-01")) == 0);
}
