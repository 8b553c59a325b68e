#include <doctest/doctest.h>

#include "core/time_zone.hpp"

using core::format_wall_time;
using core::Minutes;
using core::parse_wall_time;
using core::TimeZone;
using core::WallTimeKind;

namespace {

Minutes wall(const char* text) {
  auto m = parse_wall_time(text);
  REQUIRE_MESSAGE(m, text);
  return *m;
}

// "local wall time in zone" -> the same instant written as UTC wall time
std::string utc_of(const char* zone, const char* local) {
  const TimeZone* tz = TimeZone::find(zone);
  REQUIRE_MESSAGE(tz, zone);
  return format_wall_time(tz->to_utc(wall(local)).utc);
}

}  // namespace

TEST_CASE("wall times parse strictly and round-trip") {
  for (const char* text : {"2026-11-28T09:30", "1999-12-31T23:59", "2028-02-29T00:00"})
    CHECK(format_wall_time(wall(text)) == text);
  for (const char* bad : {"2026-11-28 09:30", "2026-11-28T24:00", "2026-02-30T09:00", "2026-11-28T9:30", ""})
    CHECK_FALSE(parse_wall_time(bad));
  CHECK(core::parse_clock_time("24:00") == 1440);
  CHECK_FALSE(core::parse_clock_time("24:30"));
  CHECK_FALSE(core::parse_clock_time("7:30"));
}

TEST_CASE("local times convert to UTC on both sides of each daylight-saving change") {
  struct Row { const char* zone; const char* local; const char* utc; };
  const Row rows[] = {
      // United States: second Sunday of March to first Sunday of November (2027: Mar 14, Nov 7).
      {"America/Chicago", "2027-03-13T09:00", "2027-03-13T15:00"},
      {"America/Chicago", "2027-03-15T09:00", "2027-03-15T14:00"},
      {"America/Chicago", "2027-11-06T09:00", "2027-11-06T14:00"},
      {"America/Chicago", "2027-11-08T09:00", "2027-11-08T15:00"},
      {"America/New_York", "2026-12-01T08:15", "2026-12-01T13:15"},
      // European Union: last Sunday of March to last Sunday of October, at 01:00 UTC.
      {"Europe/Berlin", "2027-03-28T01:59", "2027-03-28T00:59"},
      {"Europe/Berlin", "2027-03-28T03:00", "2027-03-28T01:00"},
      {"Europe/London", "2027-10-31T00:30", "2027-10-30T23:30"},
      {"Europe/London", "2027-10-31T02:00", "2027-10-31T02:00"},
      // Southern hemisphere: daylight time spans the new year.
      {"Australia/Sydney", "2027-01-15T10:00", "2027-01-14T23:00"},
      {"Australia/Sydney", "2027-07-15T10:00", "2027-07-15T00:00"},
      // Half-hour offsets and zones with no daylight saving.
      {"Asia/Kolkata", "2027-03-14T09:00", "2027-03-14T03:30"},
      {"America/Phoenix", "2027-07-01T09:00", "2027-07-01T16:00"},
      {"UTC", "2027-07-01T09:00", "2027-07-01T09:00"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.zone);
    CAPTURE(row.local);
    CHECK(utc_of(row.zone, row.local) == row.utc);
  }
}

TEST_CASE("a skipped local time moves forward and a repeated one means the first") {
  const TimeZone* chicago = TimeZone::find("America/Chicago");
  REQUIRE(chicago);
  auto skipped = chicago->to_utc(wall("2027-03-14T02:30"));
  CHECK(skipped.kind == WallTimeKind::Skipped);
  CHECK(format_wall_time(chicago->to_wall(skipped.utc)) == "2027-03-14T03:30");
  auto repeated = chicago->to_utc(wall("2027-11-07T01:30"));
  CHECK(repeated.kind == WallTimeKind::Repeated);
  CHECK(format_wall_time(repeated.utc) == "2027-11-07T06:30");  // 01:30 CDT, the first one
  CHECK(chicago->to_utc(wall("2027-11-07T03:00")).kind == WallTimeKind::Unique);
}

TEST_CASE("unknown zone names and malformed rules are refused") {
  CHECK(TimeZone::find("America/Chicago"));
  CHECK_FALSE(TimeZone::find("America/Springfield"));
  CHECK_FALSE(TimeZone::find(""));
  CHECK(TimeZone::names().size() > 300);
  for (const char* rule : {"", "CST", "CST6CDT,M3.2.0", "CST6CDT,M13.2.0,M11.1.0", "CST6CDT,M3.6.0,M11.1.0", "6"})
    CHECK_FALSE(TimeZone::from_rule("x", rule));
  CHECK(TimeZone::from_rule("x", "<-03>3"));
  CHECK(TimeZone::from_rule("x", "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"));
}
