// When a practitioner can be booked: their working hours on the day's weekday, minus clinic
// holidays, their days away, and the appointments that already hold their time.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/time_zone.hpp"

namespace core {

struct Practitioner;
struct State;

struct SlotQuery {
  Id<Practitioner> practitioner;
  int duration_minutes = 30;
  CivilDate from;  // first and last day to search, both included
  CivilDate to;
  std::optional<Minutes> not_before;  // wall time in the clinic's zone, e.g. now
  std::size_t max_results = 10;
};

struct FreeSlot {
  std::string start;  // wall times in the clinic's zone, "YYYY-MM-DDTHH:MM"
  std::string end;
  std::string time_zone;  // the clinic's zone, "" when none is set
  std::string location;   // from the working hours
};

// The earliest free slots, in time order. Starts fall on the clinic's slot step (settings).
std::vector<FreeSlot> next_free_slots(const State& state, const SlotQuery& query);

}  // namespace core
