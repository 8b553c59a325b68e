#include "availability.hpp"

#include <algorithm>

#include "core/scheduling/appointment_time.hpp"
#include "core/scheduling/business_days.hpp"
#include "core/scheduling/settings.hpp"
#include "core/state.hpp"

namespace core {
namespace {

const char* const kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};

struct Block {
  unsigned weekday;  // 0 = Sunday, as date::weekday
  int start, end;    // minutes after midnight
  std::string location;
};

std::vector<Block> working_blocks(const State& state, const Id<Practitioner>& practitioner) {
  std::vector<Block> out;
  for (const auto& [id, w] : state.table<WorkingHours>()) {
    if (w.deleted || w.practitioner != practitioner) continue;
    auto start = parse_clock_time(w.start), end = parse_clock_time(w.end);
    auto day = std::find(std::begin(kWeekdays), std::end(kWeekdays), w.weekday);
    if (start && end && day != std::end(kWeekdays))
      out.push_back({static_cast<unsigned>(day - std::begin(kWeekdays)), *start, *end, w.location});
  }
  std::sort(out.begin(), out.end(), [](const Block& a, const Block& b) { return a.start < b.start; });
  return out;
}

bool away(const State& state, const Id<Practitioner>& practitioner, CivilDate day) {
  for (const auto& [id, u] : state.table<Unavailability>())
    if (!u.deleted && u.practitioner == practitioner && u.from_date && u.to_date && *u.from_date <= day &&
        day <= *u.to_date)
      return true;
  return false;
}

// The practitioner's booked time on and around a day, as UTC intervals.
std::vector<UtcInterval> busy_around(const State& state, const std::string& party, CivilDate day) {
  std::vector<UtcInterval> out;
  const auto& by_start = state.appointments_of_party(party);
  const Minutes day_start = wall_time(day, 0);
  for (auto it = by_start.lower_bound(day_start - 2 * 24 * 60); it != by_start.end() && it->first < day_start + 3 * 24 * 60;
       ++it) {
    const Appointment* a = it->second;
    if (!holds_slot(*a)) continue;
    if (auto interval = utc_interval(*a, state)) out.push_back(*interval);
  }
  return out;
}

}  // namespace

std::vector<FreeSlot> next_free_slots(const State& state, const SlotQuery& query) {
  std::vector<FreeSlot> out;
  if (query.duration_minutes <= 0 || query.max_results == 0) return out;
  const SchedulingSettings settings = scheduling_settings(state);
  const std::vector<Block> blocks = working_blocks(state, query.practitioner);
  if (blocks.empty()) return out;
  const BusinessCalendar calendar(state);
  const std::string party = practitioner_party(query.practitioner.value);
  const std::string zone_name = settings.time_zone ? std::string(settings.time_zone->name()) : "";
  const int step = settings.slot_minutes;
  for (date::sys_days d{query.from}; d <= date::sys_days{query.to}; d += date::days{1}) {
    const CivilDate day{d};
    const unsigned weekday = date::weekday{d}.c_encoding();
    if (calendar.holiday(day) || away(state, query.practitioner, day)) continue;
    std::vector<UtcInterval> busy;
    bool busy_loaded = false;
    for (const Block& block : blocks) {
      if (block.weekday != weekday) continue;
      if (!busy_loaded) busy = busy_around(state, party, day), busy_loaded = true;
      for (int t = (block.start + step - 1) / step * step; t + query.duration_minutes <= block.end; t += step) {
        const Minutes wall_start = wall_time(day, t);
        if (query.not_before && wall_start < *query.not_before) continue;
        // A slot lasts its real duration, so one that spans a clock change ends at a later or
        // earlier wall time; it must still end within the working hours.
        UtcInterval slot{wall_start, wall_start + query.duration_minutes};
        Minutes wall_end = slot.end;
        if (settings.time_zone) {
          ZoneInstant start = settings.time_zone->to_utc(wall_start);
          if (start.kind == WallTimeKind::Skipped) continue;
          slot = {start.utc, start.utc + query.duration_minutes};
          wall_end = settings.time_zone->to_wall(slot.end);
          if (wall_end > wall_time(day, block.end)) continue;
        }
        if (std::any_of(busy.begin(), busy.end(), [&](const UtcInterval& b) { return b.overlaps(slot); })) continue;
        out.push_back({format_wall_time(wall_start), format_wall_time(wall_end), zone_name, block.location});
        if (out.size() == query.max_results) return out;
      }
    }
  }
  return out;
}

}  // namespace core
