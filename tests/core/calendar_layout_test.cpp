// The Calendar screen's layout arithmetic (ui/views/calendar_layout.hpp): shown days, hours,
// lanes for overlapping appointments, and the time under the pointer.
#include <doctest/doctest.h>

#include "ui/views/calendar_layout.hpp"

using ui::DaySpan;

namespace {

core::CivilDate day(const char* text) { return *core::parse_civil_date(text); }

}  // namespace

TEST_CASE("calendar layout: weeks start on Monday, steps are a day or a week") {
  struct Row {
    const char* day;
    const char* monday;
  };
  for (const Row& row : {Row{"2026-11-28", "2026-11-23"},   // Saturday
                         Row{"2026-11-29", "2026-11-23"},   // Sunday: the end of that week
                         Row{"2026-11-30", "2026-11-30"},   // Monday itself
                         Row{"2027-01-01", "2026-12-28"}}) {  // across the new year
    CAPTURE(row.day);
    CHECK(ui::week_start(day(row.day)) == day(row.monday));
    CHECK(ui::first_shown_day(day(row.day), true) == day(row.monday));
    CHECK(ui::first_shown_day(day(row.day), false) == day(row.day));
  }
  CHECK(ui::step_day(day("2026-11-30"), false, -1) == day("2026-11-29"));
  CHECK(ui::step_day(day("2026-11-30"), true, +1) == day("2026-12-07"));
  CHECK(ui::step_day(day("2026-03-01"), false, -1) == day("2026-02-28"));
  CHECK(ui::day_heading(day("2026-11-30"), false) == "Mon 30 Nov");
  CHECK(ui::day_heading(day("2026-11-29"), true) == "Sunday 29 November 2026");
}

TEST_CASE("calendar layout: the grid shows 07:00 to 19:00, widened to whole hours for what lies outside") {
  struct Row {
    std::vector<DaySpan> spans;
    int first, last;
  };
  for (const Row& row : {Row{{}, 7 * 60, 19 * 60},
                         Row{{{9 * 60, 17 * 60}}, 7 * 60, 19 * 60},
                         Row{{{6 * 60 + 30, 7 * 60}}, 6 * 60, 19 * 60},    // an early visit
                         Row{{{19 * 60, 19 * 60 + 1}}, 7 * 60, 20 * 60},   // one minute past 19:00
                         Row{{{19 * 60 - 30, 19 * 60}}, 7 * 60, 19 * 60},  // ending exactly at 19:00
                         Row{{{23 * 60, 24 * 60}, {0, 30}}, 0, 24 * 60}}) {
    const DaySpan hours = ui::visible_hours(row.spans);
    CHECK(hours.start == row.first);
    CHECK(hours.end == row.last);
  }
}

TEST_CASE("calendar layout: overlapping appointments share the width, back-to-back ones do not") {
  struct Row {
    const char* what;
    std::vector<DaySpan> spans;
    std::vector<std::pair<int, int>> lanes;  // index, count per span
  };
  const std::vector<Row> rows = {
      {"none", {}, {}},
      {"back to back", {{540, 570}, {570, 600}}, {{0, 1}, {0, 1}}},
      {"two overlap", {{540, 600}, {570, 630}}, {{0, 2}, {1, 2}}},
      {"a third reuses the freed lane", {{540, 600}, {570, 630}, {600, 660}}, {{0, 2}, {1, 2}, {0, 2}}},
      {"a later group starts afresh", {{540, 600}, {570, 630}, {700, 730}}, {{0, 2}, {1, 2}, {0, 1}}},
      {"given out of order", {{570, 630}, {540, 600}}, {{1, 2}, {0, 2}}},
      {"one long, two inside it", {{540, 720}, {560, 590}, {600, 630}}, {{0, 2}, {1, 2}, {1, 2}}},
      {"three at once", {{540, 600}, {540, 600}, {540, 600}}, {{0, 3}, {1, 3}, {2, 3}}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    const std::vector<ui::Lane> lanes = ui::assign_lanes(row.spans);
    REQUIRE(lanes.size() == row.lanes.size());
    for (std::size_t i = 0; i < lanes.size(); ++i) {
      CAPTURE(i);
      CHECK(lanes[i].index == row.lanes[i].first);
      CHECK(lanes[i].count == row.lanes[i].second);
    }
  }
}

TEST_CASE("calendar layout: the time under the pointer snaps to the step and stays bookable") {
  const DaySpan hours{7 * 60, 19 * 60};
  struct Row {
    float y;
    int duration, minute;
  };
  // One pixel per minute, the grid's top at y = 100.
  for (const Row& row : {Row{100, 30, 420}, Row{114, 30, 420}, Row{115, 30, 435}, Row{161, 30, 480},
                         Row{50, 30, 420},                  // above the grid: its first slot
                         Row{100 + 720, 30, 19 * 60 - 30},  // at the bottom: the last slot that ends by 19:00
                         Row{100 + 700, 60, 18 * 60}}) {
    CAPTURE(row.y);
    CHECK(ui::minute_at(row.y, 100, 1.0f, hours, 15, row.duration) == row.minute);
  }
  const std::vector<DaySpan> blocks{{9 * 60, 12 * 60}, {13 * 60, 17 * 60}};
  CHECK(ui::inside_hours(blocks, 9 * 60, 30));
  CHECK(ui::inside_hours(blocks, 11 * 60 + 30, 30));   // ends exactly at 12:00
  CHECK_FALSE(ui::inside_hours(blocks, 11 * 60 + 45, 30));  // runs past 12:00
  CHECK_FALSE(ui::inside_hours(blocks, 8 * 60 + 45, 30));
  CHECK_FALSE(ui::inside_hours({}, 9 * 60, 30));
}
