// A patient's or a practitioner's appointments as an iCalendar file (RFC 5545), for calendar apps
// to subscribe to or import. Times are written in UTC, read from each appointment's wall time in
// its own zone (see utc_interval), so daylight saving and travel across zones come out right.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model/entity_type.hpp"
#include "core/time_zone.hpp"

namespace core {

struct Appointment;
struct State;

// The live appointments of a patient or practitioner (owner is EntityType::Patient or
// ::Practitioner), ordered by when they start in UTC. Any other owner type has none.
std::vector<const Appointment*> calendar_appointments(const State& state, EntityType owner,
                                                      const std::string& owner_id);

// The patient's display name or the practitioner's name; "" when there is no such live record.
std::string calendar_owner_name(const State& state, EntityType owner, const std::string& owner_id);

// The whole VCALENDAR, one VEVENT per calendar_appointments(); now_utc (minutes of UTC) is the DTSTAMP.
std::string appointments_icalendar(const State& state, EntityType owner, const std::string& owner_id,
                                   Minutes now_utc);

// RFC 5545 section 3.3.11: backslash, semicolon, comma and line breaks escaped; other control
// characters (which TEXT does not allow) dropped.
std::string escape_ical_text(std::string_view text);
// RFC 5545 section 3.1: the content line with its CRLF, folded so that no line is longer than 75
// octets, each continuation starting with a space, never inside a UTF-8 character.
std::string fold_content_line(std::string_view line);

}  // namespace core
