// When an appointment really happens (its wall times read in its zone), and the double bookings
// it would make: the same patient, practitioner or room at overlapping times. Back-to-back is
// not an overlap, and only appointments that hold their slot count (see holds_slot).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/time_zone.hpp"

namespace core {

struct Appointment;
struct State;

// The appointment's own zone, else the clinic's (ClinicSettings), else nullptr: wall time is UTC.
const TimeZone* appointment_zone(const Appointment& a, const State& state);

struct UtcInterval {
  Minutes start = 0, end = 0;
  bool overlaps(const UtcInterval& o) const { return start < o.end && o.start < end; }
};
std::optional<UtcInterval> utc_interval(const Appointment& a, const State& state);

// "" or why the start time does not exist (clocks go forward through it in the appointment's zone).
std::string skipped_time_problem(const Appointment& a, const State& state);

struct Conflict {
  const Appointment* other = nullptr;
  std::string party;  // "patient", "practitioner" or "room"
};
std::vector<Conflict> find_conflicts(const Appointment& a, const State& state);
// e.g. "Dr Ana Ruiz is already booked 2026-12-01 09:00-09:30 (office visit with Mary Jones)."
std::string describe(const Conflict& c, const State& state);

// "office visit", "follow-up", "telehealth", ...; "appointment" when the type is not set.
std::string appointment_type_words(const std::string& type);

// The parties an appointment occupies ("patient:<id>", "practitioner:<id>", "room:<location, lower
// case>"), for those it has: the keys State::appointments_of_party() reads.
std::vector<std::string> appointment_parties(const Appointment& a);
// The same without the patient: the keys of State::appointments_by_party.
std::vector<std::string> resource_parties(const Appointment& a);
std::string patient_party(const std::string& patient_id);
std::string practitioner_party(const std::string& practitioner_id);
std::string room_party(const std::string& location);

}  // namespace core
