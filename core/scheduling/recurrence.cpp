#include "recurrence.hpp"

#include <algorithm>

#include "core/scheduling/appointment_time.hpp"
#include "core/state.hpp"

namespace core {
namespace {

constexpr int kMaxOccurrences = 200;

Error invalid(std::string message, std::string field = "") {
  Error e{ErrorCode::Invalid, message, {}};
  if (!field.empty()) e.fields.push_back({field, std::move(message)});
  return e;
}

std::string when(Minutes wall) {
  std::string text = format_wall_time(wall);
  text[10] = ' ';
  return text;
}

// The wall time an occurrence really starts: one in the hour the clocks skip moves forward with
// them (02:30 becomes 03:30), as RFC 5545 reads such times.
Minutes existing_wall_time(const TimeZone* zone, Minutes wall) {
  if (!zone) return wall;
  ZoneInstant at = zone->to_utc(wall);
  return at.kind == WallTimeKind::Skipped ? zone->to_wall(at.utc) : wall;
}

std::string unique_series_key(const State& state, const std::string& patient, const std::string& start) {
  const std::string base = "series-" + patient + "-" + start;
  auto taken = [&](const std::string& key) {
    for (const auto& [at, a] : state.appointments_of(Id<Patient>{patient}))
      if (a->series == key) return true;
    return false;
  };
  std::string key = base;
  for (int n = 2; taken(key); ++n) key = base + "-" + std::to_string(n);
  return key;
}

// This occurrence and the later live, not cancelled ones of its series, earliest first.
Result<std::vector<const Appointment*>> rest_of_series(const State& state, const Id<Appointment>& from) {
  const Appointment* first = state.find(from);
  if (!first) return invalid("That appointment no longer exists; it may have been deleted.");
  if (first->series.empty()) return invalid("This appointment is not part of a series.");
  std::vector<const Appointment*> out;
  const auto& by_start = state.appointments_of(first->patient);
  for (auto it = by_start.lower_bound(*parse_wall_time(first->start)); it != by_start.end(); ++it)
    if (it->second->series == first->series && it->second->status != "cancelled") out.push_back(it->second);
  return out;
}

}  // namespace

std::string describe(const Recurrence& r) {
  std::string unit = r.weeks ? "week" : "day";
  std::string out = r.every == 1 ? "every " + unit : "every " + std::to_string(r.every) + " " + unit + "s";
  if (r.count) out += ", " + std::to_string(*r.count) + " times";
  if (r.until) out += " until " + format_civil_date(*r.until);
  return out;
}

Result<ActionGroup> plan_series(const State& state, const nlohmann::json& first, const Recurrence& rule) {
  if (rule.every < 1 || rule.every > 52) return invalid("Repeat every 1 to 52 days or weeks.", "every");
  if (rule.count.has_value() == rule.until.has_value())
    return invalid("Choose either how many times the appointment repeats or the date it repeats until.", "count");
  if (rule.count && (*rule.count < 2 || *rule.count > kMaxOccurrences))
    return invalid("A series has 2 to " + std::to_string(kMaxOccurrences) + " appointments.", "count");
  auto text = [&](const char* name) { return first.contains(name) && first[name].is_string() ? first[name].get<std::string>() : ""; };
  auto start = parse_wall_time(text("start")), end = parse_wall_time(text("end"));
  if (!start || !end || *end <= *start) return invalid("Enter the first appointment's start and end time.", "start");
  const CivilDate first_day = wall_date(*start);
  if (rule.until && (*rule.until < first_day || date::sys_days{*rule.until} > date::sys_days{first_day} + date::days{731}))
    return invalid("The series must end after its first appointment and within two years.", "until");

  Appointment probe;
  probe.time_zone = text("time_zone");
  const TimeZone* zone = appointment_zone(probe, state);
  const Minutes length = *end - *start;
  const int step_days = rule.every * (rule.weeks ? 7 : 1);
  const std::string key = unique_series_key(state, text("patient"), text("start"));
  ActionGroup group;
  for (int k = 0;; ++k) {
    if (rule.count && k == *rule.count) break;
    const Minutes wall = existing_wall_time(zone, *start + static_cast<Minutes>(k) * step_days * 24 * 60);
    if (rule.until && *rule.until < wall_date(wall)) break;
    if (k == kMaxOccurrences)
      return invalid("A series has at most " + std::to_string(kMaxOccurrences) + " appointments; choose an earlier end.", "until");
    nlohmann::json fields = first;
    fields["start"] = format_wall_time(wall);
    fields["end"] = format_wall_time(wall + length);
    fields["series"] = key;
    fields["recurrence"] = describe(rule);
    group.steps.push_back({CreateRecord{EntityType::Appointment, std::move(fields)},
                           "Occurrence " + std::to_string(k + 1) + " (" + when(wall) + ")"});
  }
  if (group.steps.size() < 2) return invalid("The series would have only one appointment; choose a later end.", "until");
  return group;
}

Result<ActionGroup> update_rest_of_series(const State& state, const Id<Appointment>& from, const nlohmann::json& fields) {
  auto occurrences = rest_of_series(state, from);
  if (!occurrences) return occurrences.error();
  const Appointment& first = *occurrences.value().front();
  auto field_text = [&](const char* name, const std::string& fallback) {
    return fields.contains(name) && fields[name].is_string() ? fields[name].get<std::string>() : fallback;
  };
  auto old_start = parse_wall_time(first.start);
  auto new_start = parse_wall_time(field_text("start", first.start));
  auto new_end = parse_wall_time(field_text("end", first.end));
  if (!old_start || !new_start || !new_end || *new_end <= *new_start)
    return invalid("Enter a start and end time for the appointment.", "start");
  const Minutes shift = *new_start - *old_start, length = *new_end - *new_start;
  const bool moves = fields.contains("start") || fields.contains("end");
  // Moving later, the last occurrence moves first, so none lands on a sibling's old time.
  std::vector<const Appointment*> order = occurrences.value();
  if (shift > 0) std::reverse(order.begin(), order.end());
  ActionGroup group;
  for (const Appointment* a : order) {
    nlohmann::json change = fields;
    change.erase("series");
    change.erase("recurrence");
    const Minutes start = *parse_wall_time(a->start) + shift;
    if (moves) {
      change["start"] = format_wall_time(start);
      change["end"] = format_wall_time(start + length);
    }
    group.steps.push_back({UpdateRecord{EntityType::Appointment, a->id.value, std::move(change)},
                           "The appointment of " + when(start)});
  }
  return group;
}

Result<ActionGroup> cancel_rest_of_series(const State& state, const Id<Appointment>& from) {
  auto occurrences = rest_of_series(state, from);
  if (!occurrences) return occurrences.error();
  ActionGroup group;
  for (const Appointment* a : occurrences.value())
    group.steps.push_back({UpdateRecord{EntityType::Appointment, a->id.value, {{"status", "cancelled"}}}, ""});
  return group;
}

}  // namespace core
