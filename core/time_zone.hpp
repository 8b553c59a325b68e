// Wall-clock times and time zones. An appointment is kept as the local time at the place it
// happens plus the IANA name of that place's zone, so "9:00 every 8 weeks" stays 9:00 across a
// daylight-saving change. Each zone's current rule comes from tzdata (time_zone_rules.inc) and is
// evaluated here with date.h; to compare times in different zones, convert both to UTC.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"

namespace core {

// Minutes since 1970-01-01T00:00 of some clock: a wall clock (local) or UTC.
using Minutes = std::int64_t;

// "YYYY-MM-DDTHH:MM" <-> minutes on that wall clock.
std::optional<Minutes> parse_wall_time(std::string_view text);
std::string format_wall_time(Minutes wall);
CivilDate wall_date(Minutes wall);
int minute_of_day(Minutes wall);
Minutes wall_time(CivilDate day, int minute_of_day);

// "HH:MM" (00:00 to 24:00) <-> minutes after midnight.
std::optional<int> parse_clock_time(std::string_view text);
std::string format_clock_time(int minute_of_day);

enum class WallTimeKind {
  Unique,
  Repeated,  // clocks went back: the time happened twice; the first (daylight) one is meant
  Skipped,   // clocks went forward: the time did not happen; read with the offset before the change
};

struct ZoneInstant {
  Minutes utc = 0;
  WallTimeKind kind = WallTimeKind::Unique;
};

class TimeZone {
 public:
  // A zone by IANA name ("America/Chicago"), or nullptr when unknown.
  static const TimeZone* find(std::string_view name);
  static const std::vector<std::string_view>& names();

  std::string_view name() const { return name_; }
  // Offset east of UTC, in minutes, at an instant.
  int offset_at(Minutes utc) const;
  ZoneInstant to_utc(Minutes wall) const;  // RFC 5545's reading of repeated and skipped times
  Minutes to_wall(Minutes utc) const { return utc + offset_at(utc); }
  bool observes_daylight_saving() const { return has_dst_; }

  struct Change {  // a daylight-saving rule: month, week (5 = last), weekday (0 = Sunday), local time
    unsigned month = 0, week = 0, weekday = 0;
    int minute = 120;
  };
  // Parses a POSIX TZ rule such as "CST6CDT,M3.2.0,M11.1.0" (RFC 8536 section 3.3 forms).
  static std::optional<TimeZone> from_rule(std::string_view name, std::string_view rule);

 private:
  bool in_daylight_time(Minutes utc) const;
  Minutes change_utc(int year, const Change& c, int offset_before) const;

  std::string_view name_;
  int standard_offset_ = 0;  // minutes east of UTC
  int daylight_offset_ = 0;
  bool has_dst_ = false;
  Change dst_start_, dst_end_;
};

}  // namespace core
