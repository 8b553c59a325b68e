#include "time_zone.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

namespace core {
namespace {

constexpr Minutes kMinutesPerDay = 24 * 60;

struct ZoneRule {
  std::string_view name;
  std::string_view rule;
};

constexpr ZoneRule kZoneRules[] = {
#include "core/time_zone_rules.inc"
};

Minutes days_since_epoch(CivilDate day) { return date::sys_days{day}.time_since_epoch().count(); }

Minutes floor_div(Minutes a, Minutes b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Reads a number at `pos`, advancing it; nullopt when there is none.
std::optional<int> read_number(std::string_view text, std::size_t& pos) {
  std::size_t start = pos;
  int n = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') n = n * 10 + (text[pos++] - '0');
  if (pos == start) return std::nullopt;
  return n;
}

// "[+-]hh[:mm[:ss]]" as minutes, in POSIX's sign (positive west of Greenwich).
std::optional<int> read_hours(std::string_view text, std::size_t& pos) {
  int sign = 1;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) sign = text[pos++] == '-' ? -1 : 1;
  auto hours = read_number(text, pos);
  if (!hours) return std::nullopt;
  int minutes = *hours * 60;
  for (int part = 0; part < 2 && pos < text.size() && text[pos] == ':'; ++part) {
    ++pos;
    auto n = read_number(text, pos);
    if (!n) return std::nullopt;
    if (part == 0) minutes += *n;
  }
  return sign * minutes;
}

bool skip_abbreviation(std::string_view text, std::size_t& pos) {
  if (pos < text.size() && text[pos] == '<') {
    pos = text.find('>', pos);
    if (pos == std::string_view::npos) return false;
    ++pos;
    return true;
  }
  std::size_t start = pos;
  while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos - start >= 3;
}

std::optional<TimeZone::Change> read_change(std::string_view text, std::size_t& pos) {
  if (pos >= text.size() || text[pos++] != ',' || pos >= text.size() || text[pos++] != 'M') return std::nullopt;
  TimeZone::Change c;
  auto month = read_number(text, pos);
  if (!month || pos >= text.size() || text[pos++] != '.') return std::nullopt;
  auto week = read_number(text, pos);
  if (!week || pos >= text.size() || text[pos++] != '.') return std::nullopt;
  auto weekday = read_number(text, pos);
  if (!weekday || *month < 1 || *month > 12 || *week < 1 || *week > 5 || *weekday > 6) return std::nullopt;
  c.month = static_cast<unsigned>(*month);
  c.week = static_cast<unsigned>(*week);
  c.weekday = static_cast<unsigned>(*weekday);
  if (pos < text.size() && text[pos] == '/') {
    ++pos;
    auto minute = read_hours(text, pos);
    if (!minute) return std::nullopt;
    c.minute = *minute;
  }
  return c;
}

}  // namespace

std::optional<Minutes> parse_wall_time(std::string_view text) {
  if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return std::nullopt;
  auto day = parse_civil_date(text.substr(0, 10));
  auto clock = parse_clock_time(text.substr(11));
  if (!day || !clock || *clock >= kMinutesPerDay) return std::nullopt;
  return wall_time(*day, *clock);
}

std::string format_wall_time(Minutes wall) {
  return format_civil_date(wall_date(wall)) + "T" + format_clock_time(minute_of_day(wall));
}

CivilDate wall_date(Minutes wall) { return CivilDate{date::sys_days{date::days{floor_div(wall, kMinutesPerDay)}}}; }

int minute_of_day(Minutes wall) { return static_cast<int>(wall - floor_div(wall, kMinutesPerDay) * kMinutesPerDay); }

Minutes wall_time(CivilDate day, int minute_of_day) { return days_since_epoch(day) * kMinutesPerDay + minute_of_day; }

std::optional<int> parse_clock_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  int hour = (text[0] - '0') * 10 + (text[1] - '0');
  int minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return std::nullopt;
  return hour * 60 + minute;
}

std::string format_clock_time(int minute_of_day) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  return out;
}

std::optional<TimeZone> TimeZone::from_rule(std::string_view name, std::string_view rule) {
  TimeZone zone;
  zone.name_ = name;
  std::size_t pos = 0;
  if (!skip_abbreviation(rule, pos)) return std::nullopt;
  auto standard = read_hours(rule, pos);
  if (!standard) return std::nullopt;
  zone.standard_offset_ = zone.daylight_offset_ = -*standard;
  if (pos == rule.size()) return zone;
  if (!skip_abbreviation(rule, pos)) return std::nullopt;
  zone.daylight_offset_ = zone.standard_offset_ + 60;
  if (pos < rule.size() && rule[pos] != ',') {
    auto daylight = read_hours(rule, pos);
    if (!daylight) return std::nullopt;
    zone.daylight_offset_ = -*daylight;
  }
  auto start = read_change(rule, pos);
  auto end = start ? read_change(rule, pos) : std::nullopt;
  if (!end || pos != rule.size()) return std::nullopt;
  zone.has_dst_ = true;
  zone.dst_start_ = *start;
  zone.dst_end_ = *end;
  return zone;
}

const TimeZone* TimeZone::find(std::string_view name) {
  static const std::map<std::string_view, TimeZone> zones = [] {
    std::map<std::string_view, TimeZone> out;
    for (const ZoneRule& z : kZoneRules)
      if (auto zone = from_rule(z.name, z.rule)) out.emplace(z.name, *zone);
    return out;
  }();
  auto it = zones.find(name);
  return it == zones.end() ? nullptr : &it->second;
}

const std::vector<std::string_view>& TimeZone::names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const ZoneRule& z : kZoneRules) out.push_back(z.name);
    return out;
  }();
  return names;
}

// The instant a rule takes effect in `year`: the local time is read with the offset in force
// just before the change.
Minutes TimeZone::change_utc(int year, const Change& c, int offset_before) const {
  using namespace date;
  const auto wd = weekday{c.weekday};
  sys_days day = c.week == 5 ? sys_days{year_month_weekday_last{date::year{year}, month{c.month}, weekday_last{wd}}}
                             : sys_days{year_month_weekday{date::year{year}, month{c.month}, weekday_indexed{wd, c.week}}};
  return day.time_since_epoch().count() * kMinutesPerDay + c.minute - offset_before;
}

bool TimeZone::in_daylight_time(Minutes utc) const {
  if (!has_dst_) return false;
  const int year = static_cast<int>(wall_date(utc + standard_offset_).year());
  const Minutes start = change_utc(year, dst_start_, standard_offset_);
  const Minutes end = change_utc(year, dst_end_, daylight_offset_);
  // In the southern hemisphere daylight time spans the new year: it starts late, ends early.
  return start < end ? (utc >= start && utc < end) : (utc >= start || utc < end);
}

int TimeZone::offset_at(Minutes utc) const { return in_daylight_time(utc) ? daylight_offset_ : standard_offset_; }

ZoneInstant TimeZone::to_utc(Minutes wall) const {
  const Minutes as_standard = wall - standard_offset_;
  const Minutes as_daylight = wall - daylight_offset_;
  const bool standard_fits = !in_daylight_time(as_standard);
  const bool daylight_fits = in_daylight_time(as_daylight);
  if (standard_fits && daylight_fits && as_standard != as_daylight)
    return {std::min(as_standard, as_daylight), WallTimeKind::Repeated};
  if (daylight_fits) return {as_daylight, WallTimeKind::Unique};
  if (standard_fits) return {as_standard, WallTimeKind::Unique};
  // In the gap: the offset before the change is the one that was in force (standard time in
  // spring), which puts e.g. 02:30 at 03:30 daylight time.
  const Minutes before = in_daylight_time(as_standard - 24 * 60) ? as_daylight : as_standard;
  return {before, WallTimeKind::Skipped};
}

}  // namespace core
