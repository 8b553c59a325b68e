#include <doctest/doctest.h>

#include "core/scheduling/business_days.hpp"

using core::BusinessCalendar;
using core::CivilDate;

namespace {

CivilDate day(const char* text) {
  auto d = core::parse_civil_date(text);
  REQUIRE_MESSAGE(d, text);
  return *d;
}

BusinessCalendar clinic_calendar() {
  return BusinessCalendar({{day("2026-11-26"), "Thanksgiving"},
                           {day("2026-12-25"), "Christmas Day"},
                           {day("2027-01-01"), "New Year's Day"}});
}

}  // namespace

TEST_CASE("business days are weekdays that are not clinic holidays") {
  const BusinessCalendar cal = clinic_calendar();
  struct Row { const char* day; bool business; };
  const Row rows[] = {
      {"2026-11-27", true},   // Friday after Thanksgiving
      {"2026-11-28", false},  // Saturday
      {"2026-11-29", false},  // Sunday
      {"2026-11-30", true},   // Monday
      {"2026-11-26", false},  // Thanksgiving
      {"2026-12-25", false},  // Christmas, a Friday
      {"2027-01-01", false},  // New Year's Day, a Friday
      {"2027-01-04", true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.day);
    CHECK(cal.is_business_day(day(row.day)) == row.business);
  }
  REQUIRE(cal.holiday(day("2026-12-25")));
  CHECK(*cal.holiday(day("2026-12-25")) == "Christmas Day");
  CHECK_FALSE(cal.holiday(day("2026-12-24")));
}

TEST_CASE("adding business days skips weekends and holidays, also across the year end") {
  const BusinessCalendar cal = clinic_calendar();
  struct Row { const char* from; int n; const char* expected; };
  const Row rows[] = {
      {"2026-12-04", 0, "2026-12-04"},   // a Friday plus nothing
      {"2026-12-04", 1, "2026-12-07"},   // Friday -> Monday
      {"2026-12-04", 2, "2026-12-08"},   // Friday -> Tuesday: "within 2 business days"
      {"2026-12-05", 1, "2026-12-07"},   // from a Saturday
      {"2026-11-25", 1, "2026-11-27"},   // over Thanksgiving
      {"2026-12-24", 1, "2026-12-28"},   // over Christmas and the weekend
      {"2026-12-31", 1, "2027-01-04"},   // over New Year's Day and the weekend, into the new year
      {"2026-12-23", 6, "2027-01-04"},   // 24, 28, 29, 30, 31 December, then 4 January
      {"2027-01-04", -1, "2026-12-31"},  // backwards over the year end
      {"2026-11-30", -2, "2026-11-25"},  // backwards over the weekend and Thanksgiving
  };
  for (const Row& row : rows) {
    CAPTURE(row.from);
    CAPTURE(row.n);
    CHECK(core::format_civil_date(cal.add_business_days(day(row.from), row.n)) == row.expected);
  }
}

TEST_CASE("counting business days between two dates") {
  const BusinessCalendar cal = clinic_calendar();
  CHECK(cal.business_days_between(day("2026-12-04"), day("2026-12-04")) == 0);
  CHECK(cal.business_days_between(day("2026-12-04"), day("2026-12-08")) == 2);
  CHECK(cal.business_days_between(day("2026-12-21"), day("2027-01-04")) == 8);
  CHECK(cal.business_days_between(day("2026-12-08"), day("2026-12-04")) == -2);
}
