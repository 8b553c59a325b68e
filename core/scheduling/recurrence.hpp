// Recurring appointments: a series is made once, as one appointment per occurrence sharing a
// series key, so each occurrence can be moved or cancelled on its own; "the rest of the series"
// is every live occurrence from a given one on. Occurrences keep their wall-clock time, so a
// 09:00 series stays at 09:00 across a daylight-saving change.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>

#include "core/actions.hpp"
#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace core {

struct Appointment;
struct State;

struct Recurrence {
  int every = 1;                      // 1 to 52
  bool weeks = true;                  // weeks, or days
  std::optional<int> count;           // how many occurrences in all (the first included), up to 200
  std::optional<CivilDate> until;     // or the last day an occurrence may fall on, within 2 years
};

// "every 8 weeks, 6 times", "every 3 days until 2027-02-01"
std::string describe(const Recurrence& r);

// One CreateRecord per occurrence, from the first appointment's fields (patient, practitioner,
// start, end, time_zone, ...). The group is saved all or nothing; a clash names its occurrence.
Result<ActionGroup> plan_series(const State& state, const nlohmann::json& first, const Recurrence& rule);

// Applies `fields` to this occurrence and every later live one in its series. A new start or end
// moves each occurrence by the same wall-clock shift and gives it the same length.
Result<ActionGroup> update_rest_of_series(const State& state, const Id<Appointment>& from, const nlohmann::json& fields);
Result<ActionGroup> cancel_rest_of_series(const State& state, const Id<Appointment>& from);

}  // namespace core
