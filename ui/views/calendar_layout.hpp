// The Calendar screen's layout arithmetic, free of ImGui so it can be tested: which days are shown,
// which hours the grid covers, side-by-side lanes for overlapping appointments, and the time under
// the pointer.
#pragma once
#include <string>
#include <vector>

#include "core/civil_date.hpp"

namespace ui {

// Minutes after midnight, [start, end).
struct DaySpan {
  int start = 0, end = 0;
};

// The Monday of the week holding `day`.
core::CivilDate week_start(core::CivilDate day);
// The first day shown and how many: the day itself, or its week from Monday.
core::CivilDate first_shown_day(core::CivilDate day, bool week);
int shown_day_count(bool week);
// One step back (direction -1) or forward (+1): a day, or a week.
core::CivilDate step_day(core::CivilDate day, bool week, int direction);
core::CivilDate add_days(core::CivilDate day, int n);
// "Mon 30 Nov"; "Monday 30 November 2026" when `long_form`.
std::string day_heading(core::CivilDate day, bool long_form);
// 0 = Monday ... 6 = Sunday.
int weekday_from_monday(core::CivilDate day);

// The hours the grid shows: 07:00 to 19:00, widened to whole hours to take in every span given
// (working hours and appointments), never beyond midnight.
DaySpan visible_hours(const std::vector<DaySpan>& spans);

// Appointments that overlap share the width: each gets a lane, and every span in a group of
// overlapping spans knows how many lanes the group uses. Back-to-back spans do not overlap.
struct Lane {
  int index = 0, count = 1;
};
std::vector<Lane> assign_lanes(const std::vector<DaySpan>& spans);

// The minute of the day at a height in the grid, rounded down to the step and kept inside the
// shown hours, so that a booking of `duration` still ends by their end.
int minute_at(float y, float grid_top, float pixels_per_minute, const DaySpan& hours, int step, int duration);
// Whether [start, start + duration) lies inside one of the blocks.
bool inside_hours(const std::vector<DaySpan>& blocks, int start, int duration);

}  // namespace ui
