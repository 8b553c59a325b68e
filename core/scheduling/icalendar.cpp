#include "icalendar.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "core/model/patient.hpp"
#include "core/model/people.hpp"
#include "core/model/visits.hpp"
#include "core/scheduling/appointment_time.hpp"
#include "core/state.hpp"

namespace core {
namespace {

constexpr std::size_t kMaxLineOctets = 75;  // excluding the CRLF

std::string owner_party(EntityType owner, const std::string& owner_id) {
  if (owner == EntityType::Patient) return patient_party(owner_id);
  if (owner == EntityType::Practitioner) return practitioner_party(owner_id);
  return "";
}

// "20270309T150000Z" for a UTC instant.
std::string utc_date_time(Minutes utc) {
  std::string out;
  for (char c : format_wall_time(utc))  // "2027-03-09T15:00"
    if (c != '-' && c != ':') out += c;
  return out + "00Z";
}

// RFC 5545 section 3.8.1.11 has three event statuses; Liaison's own status goes in X-LIAISON-STATUS.
const char* event_status(const std::string& status) {
  if (status == "proposed") return "TENTATIVE";
  if (status == "cancelled" || status == "no_show") return "CANCELLED";
  return "CONFIRMED";
}

std::string type_title(const std::string& type) {
  std::string words = appointment_type_words(type);
  words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
  return words;
}

// The other party's name: the patient on a practitioner's calendar, the practitioner on a patient's.
std::string other_party_name(const Appointment& a, const State& state, EntityType owner) {
  if (owner == EntityType::Practitioner) {
    const Patient* patient = state.find(a.patient);
    return patient ? patient->display_name() : "";
  }
  const Practitioner* practitioner = state.find(a.practitioner);
  return practitioner ? practitioner->name : "";
}

std::string summary(const Appointment& a, const State& state, EntityType owner) {
  std::string with = other_party_name(a, state, owner);
  return type_title(a.type) + (with.empty() ? "" : " with " + with);
}

std::string description(const Appointment& a) {
  if (a.reason.empty() || a.notes.empty()) return a.reason + a.notes;
  return a.reason + "\n\n" + a.notes;
}

class CalendarWriter {
 public:
  void line(std::string_view name, std::string_view value) {
    out_ += fold_content_line(std::string(name) + ":" + std::string(value));
  }
  void text(std::string_view name, const std::string& value) {
    if (!value.empty()) line(name, escape_ical_text(value));
  }
  std::string& result() { return out_; }

 private:
  std::string out_;
};

void write_event(CalendarWriter& w, const Appointment& a, const UtcInterval& when, const State& state,
                 EntityType owner, const std::string& stamp) {
  w.line("BEGIN", "VEVENT");
  w.text("UID", a.id.value + "@liaison");
  w.line("DTSTAMP", stamp);
  w.line("DTSTART", utc_date_time(when.start));
  w.line("DTEND", utc_date_time(when.end));
  w.text("SUMMARY", summary(a, state, owner));
  w.text("LOCATION", a.location);
  w.text("DESCRIPTION", description(a));
  w.line("STATUS", event_status(a.status));
  w.text("X-LIAISON-STATUS", a.status);
  w.line("END", "VEVENT");
}

}  // namespace

std::vector<const Appointment*> calendar_appointments(const State& state, EntityType owner,
                                                      const std::string& owner_id) {
  struct Dated {
    UtcInterval when;
    const Appointment* appointment;
  };
  std::vector<Dated> dated;
  for (const auto& entry : state.appointments_of_party(owner_party(owner, owner_id))) {
    const Appointment* a = entry.second;
    if (auto when = utc_interval(*a, state)) dated.push_back({*when, a});
  }
  // The index is in wall-time order; appointments in different zones can start in another order.
  std::stable_sort(dated.begin(), dated.end(), [](const Dated& x, const Dated& y) { return x.when.start < y.when.start; });
  std::vector<const Appointment*> out;
  for (const Dated& d : dated) out.push_back(d.appointment);
  return out;
}

std::string calendar_owner_name(const State& state, EntityType owner, const std::string& owner_id) {
  if (owner == EntityType::Patient) {
    const Patient* patient = state.find(Id<Patient>{owner_id});
    return patient ? patient->display_name() : "";
  }
  if (owner == EntityType::Practitioner) {
    const Practitioner* practitioner = state.find(Id<Practitioner>{owner_id});
    return practitioner ? practitioner->name : "";
  }
  return "";
}

std::string appointments_icalendar(const State& state, EntityType owner, const std::string& owner_id,
                                   Minutes now_utc) {
  CalendarWriter w;
  w.line("BEGIN", "VCALENDAR");
  w.line("VERSION", "2.0");
  w.line("PRODID", "-//Liaison//Liaison//EN");
  w.line("CALSCALE", "GREGORIAN");
  w.line("METHOD", "PUBLISH");
  std::string name = calendar_owner_name(state, owner, owner_id);
  w.text("X-WR-CALNAME", "Appointments of " + (name.empty() ? owner_id : name));
  const std::string stamp = utc_date_time(now_utc);
  for (const Appointment* a : calendar_appointments(state, owner, owner_id))
    write_event(w, *a, *utc_interval(*a, state), state, owner, stamp);
  w.line("END", "VCALENDAR");
  return std::move(w.result());
}

std::string escape_ical_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' || c == '\n') {
      out += "\\n";
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CRLF is one line break
    } else if (c == '\t' || static_cast<unsigned char>(c) >= 0x20) {
      if (c != 0x7F) out += c;
    }
  }
  return out;
}

std::string fold_content_line(std::string_view line) {
  auto continues_character = [&](std::size_t i) { return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; };
  std::string out;
  std::size_t pos = 0;
  std::size_t room = kMaxLineOctets;
  while (line.size() - pos > room) {
    std::size_t cut = pos + room;
    while (cut > pos + 1 && continues_character(cut)) --cut;
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    room = kMaxLineOctets - 1;  // the leading space counts
  }
  out.append(line.substr(pos));
  out += "\r\n";
  return out;
}

}  // namespace core
