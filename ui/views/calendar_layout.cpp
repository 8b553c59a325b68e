#include "calendar_layout.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ui {

namespace {
constexpr int kDefaultFirstMinute = 7 * 60;  // the grid shows 07:00 to 19:00 unless more is needed
constexpr int kDefaultLastMinute = 19 * 60;
constexpr int kMinutesPerDay = 24 * 60;
}  // namespace

core::CivilDate add_days(core::CivilDate day, int n) { return core::CivilDate{date::sys_days(day) + date::days{n}}; }

int weekday_from_monday(core::CivilDate day) {
  return static_cast<int>((date::weekday{date::sys_days(day)}.c_encoding() + 6) % 7);
}

core::CivilDate week_start(core::CivilDate day) { return add_days(day, -weekday_from_monday(day)); }

core::CivilDate first_shown_day(core::CivilDate day, bool week) { return week ? week_start(day) : day; }

int shown_day_count(bool week) { return week ? 7 : 1; }

core::CivilDate step_day(core::CivilDate day, bool week, int direction) { return add_days(day, direction * (week ? 7 : 1)); }

std::string day_heading(core::CivilDate day, bool long_form) {
  static const char* const kShortDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static const char* const kLongDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  static const char* const kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static const char* const kLongMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};
  const int weekday = weekday_from_monday(day);
  const unsigned month = static_cast<unsigned>(day.month()) - 1;
  const std::string number = std::to_string(static_cast<unsigned>(day.day()));
  if (!long_form) return std::string(kShortDays[weekday]) + " " + number + " " + kShortMonths[month];
  return std::string(kLongDays[weekday]) + " " + number + " " + kLongMonths[month] + " " +
         std::to_string(static_cast<int>(day.year()));
}

DaySpan visible_hours(const std::vector<DaySpan>& spans) {
  DaySpan out{kDefaultFirstMinute, kDefaultLastMinute};
  for (const DaySpan& s : spans) {
    out.start = std::min(out.start, s.start / 60 * 60);
    out.end = std::max(out.end, (s.end + 59) / 60 * 60);
  }
  out.start = std::max(out.start, 0);
  out.end = std::min(out.end, kMinutesPerDay);
  return out;
}

std::vector<Lane> assign_lanes(const std::vector<DaySpan>& spans) {
  std::vector<Lane> lanes(spans.size());
  std::vector<std::size_t> order(spans.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return spans[a].start != spans[b].start ? spans[a].start < spans[b].start : spans[a].end > spans[b].end;
  });
  std::vector<int> lane_ends;          // per lane of the current group, when its last span ends
  std::vector<std::size_t> group;      // the spans of the current group of overlapping spans
  int group_end = 0;
  auto close_group = [&] {
    for (std::size_t i : group) lanes[i].count = static_cast<int>(lane_ends.size());
    group.clear();
    lane_ends.clear();
  };
  for (std::size_t i : order) {
    const DaySpan& s = spans[i];
    if (!group.empty() && s.start >= group_end) close_group();
    auto free_lane = std::find_if(lane_ends.begin(), lane_ends.end(), [&](int end) { return end <= s.start; });
    if (free_lane == lane_ends.end()) {
      lanes[i].index = static_cast<int>(lane_ends.size());
      lane_ends.push_back(s.end);
    } else {
      lanes[i].index = static_cast<int>(free_lane - lane_ends.begin());
      *free_lane = s.end;
    }
    group_end = group.empty() ? s.end : std::max(group_end, s.end);
    group.push_back(i);
  }
  close_group();
  return lanes;
}

int minute_at(float y, float grid_top, float pixels_per_minute, const DaySpan& hours, int step, int duration) {
  const float offset = pixels_per_minute > 0 ? (y - grid_top) / pixels_per_minute : 0.0f;
  int minute = hours.start + static_cast<int>(std::floor(offset));
  minute = minute / step * step;
  const int latest = (hours.end - duration) / step * step;
  return std::clamp(minute, hours.start, std::max(hours.start, latest));
}

bool inside_hours(const std::vector<DaySpan>& blocks, int start, int duration) {
  return std::any_of(blocks.begin(), blocks.end(),
                     [&](const DaySpan& b) { return b.start <= start && start + duration <= b.end; });
}

}  // namespace ui
