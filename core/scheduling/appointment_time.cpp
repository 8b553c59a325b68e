#include "appointment_time.hpp"

#include <cctype>

#include "core/scheduling/settings.hpp"
#include "core/state.hpp"

namespace core {
namespace {

std::string lower(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Appointments a day or more apart in wall time can never overlap once read in their zones
// (zones differ by at most 26 hours, an appointment lasts at most 24).
constexpr Minutes kSearchMargin = 52 * 60;

}  // namespace

std::string appointment_type_words(const std::string& type) {
  if (type.empty()) return "appointment";
  if (type == "follow_up") return "follow-up";
  std::string words = type;
  for (char& c : words)
    if (c == '_') c = ' ';
  return words;
}

std::string patient_party(const std::string& patient_id) { return "patient:" + patient_id; }
std::string practitioner_party(const std::string& practitioner_id) { return "practitioner:" + practitioner_id; }

std::string room_party(const std::string& location) { return "room:" + lower(location); }

std::vector<std::string> resource_parties(const Appointment& a) {
  std::vector<std::string> out;
  if (!a.practitioner.empty()) out.push_back(practitioner_party(a.practitioner.value));
  if (!a.location.empty()) out.push_back(room_party(a.location));
  return out;
}

std::vector<std::string> appointment_parties(const Appointment& a) {
  std::vector<std::string> out = resource_parties(a);
  if (!a.patient.empty()) out.insert(out.begin(), patient_party(a.patient.value));
  return out;
}

const TimeZone* appointment_zone(const Appointment& a, const State& state) {
  if (!a.time_zone.empty()) return TimeZone::find(a.time_zone);
  return scheduling_settings(state).time_zone;
}

std::optional<UtcInterval> utc_interval(const Appointment& a, const State& state) {
  auto start = parse_wall_time(a.start), end = parse_wall_time(a.end);
  if (!start || !end) return std::nullopt;
  const TimeZone* zone = appointment_zone(a, state);
  if (!zone) return UtcInterval{*start, *end};
  return UtcInterval{zone->to_utc(*start).utc, zone->to_utc(*end).utc};
}

std::string skipped_time_problem(const Appointment& a, const State& state) {
  auto start = parse_wall_time(a.start);
  const TimeZone* zone = appointment_zone(a, state);
  if (!start || !zone || zone->to_utc(*start).kind != WallTimeKind::Skipped) return "";
  return a.start.substr(0, 10) + " " + a.start.substr(11) + " does not exist in " + std::string(zone->name()) +
         ": the clocks go forward then. Choose another time.";
}

std::vector<Conflict> find_conflicts(const Appointment& a, const State& state) {
  std::vector<Conflict> out;
  if (a.deleted || !holds_slot(a)) return out;
  auto mine = utc_interval(a, state);
  auto wall_start = parse_wall_time(a.start), wall_end = parse_wall_time(a.end);
  if (!mine || !wall_start || !wall_end) return out;
  for (const std::string& party : appointment_parties(a)) {
    const auto& by_start = state.appointments_of_party(party);
    for (auto it = by_start.lower_bound(*wall_start - kSearchMargin);
         it != by_start.end() && it->first < *wall_end + kSearchMargin; ++it) {
      const Appointment* other = it->second;
      if (other->id == a.id || !holds_slot(*other)) continue;
      auto theirs = utc_interval(*other, state);
      if (theirs && mine->overlaps(*theirs)) out.push_back({other, party.substr(0, party.find(':'))});
    }
  }
  return out;
}

std::string describe(const Conflict& c, const State& state) {
  const Appointment& o = *c.other;
  const Patient* patient = state.find(o.patient);
  const Practitioner* practitioner = state.find(o.practitioner);
  std::string who = c.party == "patient" ? (patient ? patient->display_name() : "The patient")
                    : c.party == "practitioner" ? (practitioner ? practitioner->name : "The practitioner")
                                                : o.location.str();
  std::string when = o.start.substr(0, 10) + " " + o.start.substr(11) + "-" +
                     (o.end.substr(0, 10) == o.start.substr(0, 10) ? o.end.substr(11) : o.end.substr(0, 10) + " " + o.end.substr(11));
  std::string what = appointment_type_words(o.type);
  if (c.party != "patient" && patient) what += " with " + patient->display_name();
  else if (c.party == "patient" && practitioner) what += " with " + practitioner->name;
  return who + " is already booked " + when + " (" + what + ").";
}

}  // namespace core
