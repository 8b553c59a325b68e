// The transitional-care episode of a discharge and its clocks, read from the patient's notes,
// appointments and medication reconciliations (sources in transitions.hpp).
#include "transitions.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/scheduling/appointment_time.hpp"
#include "core/scheduling/business_days.hpp"
#include "core/state.hpp"

namespace core {
namespace {

// What one patient's episodes are read from.
// The patient's records an episode reads, from the State's per-patient index.
struct PatientRecords {
  const std::vector<const Note*>& notes;
  const std::vector<const MedicationReconciliation*>& reconciliations;
};

PatientRecords records_of(const State& state, const Id<Patient>& patient) {
  return {state.records_of<Note>(patient), state.records_of<MedicationReconciliation>(patient)};
}

CivilDate add_days(CivilDate day, int n) { return CivilDate{date::sys_days{day} + date::days{n}}; }

std::optional<CivilDate> note_day(const Note& n) {
  return n.at.size() < 10 ? std::nullopt : parse_civil_date(std::string_view(n.at).substr(0, 10));
}

bool is_interactive(const Note& n) { return n.kind == "call" || n.kind == "visit" || n.kind == "message"; }
bool is_reached(const Note& n) { return n.outcome == "reached" || n.outcome == "completed"; }
bool is_face_to_face(const Appointment& a) {
  return a.type == "office_visit" || a.type == "home_visit" || a.type == "follow_up";
}
bool is_attended(const Appointment& a) { return a.status == "completed" || a.status == "arrived"; }

std::string words(std::string code) {
  std::replace(code.begin(), code.end(), '_', ' ');
  return code;
}

// "call, reached (daughter)": who wrote the note is not kept on the record, so its kind and
// outcome say what happened.
std::string note_words(const Note& n) {
  std::string out = words(n.kind) + ", " + (n.outcome.empty() ? "no outcome recorded" : words(n.outcome));
  if (!n.with_whom.empty()) out += " (" + n.with_whom + ")";
  return out;
}

// Inside (discharge, last]: after the discharge day, on or before the last day.
bool after_and_by(CivilDate day, CivilDate discharge, CivilDate last) { return discharge < day && !(last < day); }

void meet(TransitionClock& clock, CivilDate on, std::string by, EntityType type, const std::string& id) {
  clock.met = true;
  clock.met_on = on;
  clock.met_by = std::move(by);
  clock.met_by_type = type;
  clock.met_by_id = id;
}

void read_contact(TransitionEpisode& ep, const PatientRecords& records) {
  std::vector<std::pair<CivilDate, const Note*>> reached, attempts;
  for (const Note* n : records.notes) {
    auto day = note_day(*n);
    if (!day || !is_interactive(*n) || !after_and_by(*day, ep.discharge_date, ep.contact.due)) continue;
    if (is_reached(*n)) reached.emplace_back(*day, n);
    else if (!n->outcome.empty()) attempts.emplace_back(*day, n);
  }
  auto by_day = [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second->at < b.second->at; };
  std::sort(reached.begin(), reached.end(), by_day);
  std::sort(attempts.begin(), attempts.end(), by_day);
  for (const auto& [day, n] : attempts) ep.attempts.push_back(n);
  if (!reached.empty()) {
    const auto& [day, n] = reached.front();
    return meet(ep.contact, day, note_words(*n), EntityType::Note, n->id.value);
  }
  if (attempts.size() >= static_cast<std::size_t>(kTcmAttemptsThatCount)) {
    const auto& [day, n] = attempts[kTcmAttemptsThatCount - 1];
    std::string by = std::to_string(attempts.size()) + " documented unsuccessful attempts: ";
    for (std::size_t i = 0; i < attempts.size(); ++i)
      by += (i ? "; " : "") + note_words(*attempts[i].second) + " on " + format_civil_date(attempts[i].first);
    meet(ep.contact, day, by, EntityType::Note, n->id.value);
  }
}

std::string visit_by(const State& state, const Appointment& a) {
  if (const Practitioner* p = state.find(a.practitioner)) return p->name;
  if (!a.location.empty()) return a.location;
  return appointment_type_words(a.type) + ", no practitioner recorded";
}

void read_visit(TransitionEpisode& ep, const State& state) {
  const auto& by_start = state.appointments_of(ep.discharge->patient);
  const Minutes from = wall_time(add_days(ep.discharge_date, 1), 0);
  const Minutes to = wall_time(add_days(ep.visit.due, 1), 0);
  for (auto it = by_start.lower_bound(from); it != by_start.end() && it->first < to; ++it) {
    const Appointment* a = it->second;
    if (!is_face_to_face(*a)) continue;
    if (is_attended(*a))
      return meet(ep.visit, wall_date(it->first), visit_by(state, *a), EntityType::Appointment, a->id.value);
    if (!ep.booked_visit && (a->status == "booked" || a->status == "confirmed")) ep.booked_visit = a;
  }
}

void read_reconciliation(TransitionEpisode& ep, const PatientRecords& records) {
  const MedicationReconciliation* first = nullptr;
  for (const MedicationReconciliation* r : records.reconciliations) {
    if (r->status != "completed" || !r->date || (!r->encounter.empty() && r->encounter != ep.discharge->id)) continue;
    if (*r->date < ep.discharge_date || ep.medication_reconciliation.due < *r->date) continue;
    if (!first || *r->date < *first->date) first = r;
  }
  if (first)
    meet(ep.medication_reconciliation, *first->date,
         first->performed_by.empty() ? "not recorded who reconciled" : first->performed_by,
         EntityType::MedicationReconciliation, first->id.value);
}

int visit_window(const Encounter& e) {
  if (e.complexity == "moderate") return kTcmVisitDaysModerate;
  return kTcmVisitDaysHigh;
}

TransitionEpisode build_episode(const State& state, const Encounter& e, const BusinessCalendar& calendar,
                                const PatientRecords& records) {
  TransitionEpisode ep;
  ep.discharge = &e;
  ep.discharge_date = *e.discharge_date;
  ep.complexity_recorded = !e.complexity.empty();
  ep.visit_window_days = visit_window(e);
  ep.contact.due = calendar.add_business_days(ep.discharge_date, kTcmContactBusinessDays);
  ep.visit.due = add_days(ep.discharge_date, ep.visit_window_days);
  ep.episode_end = add_days(ep.discharge_date, kTcmEpisodeDays - 1);
  read_contact(ep, records);
  read_visit(ep, state);
  // CMS MLN908628: medication reconciliation no later than the date of the face-to-face visit.
  ep.medication_reconciliation.due = ep.visit.met ? *ep.visit.met_on : ep.visit.due;
  read_reconciliation(ep, records);
  return ep;
}

}  // namespace

int TransitionEpisode::episode_day(CivilDate day) const {
  return (date::sys_days{day} - date::sys_days{discharge_date}).count() + 1;
}

bool opens_transition_episode(const Encounter& e) {
  if (e.deleted || !e.discharge_date) return false;
  if (e.kind != "inpatient" && e.kind != "observation" && e.kind != "skilled_nursing") return false;
  return e.discharge_disposition != "died" && e.discharge_disposition != "skilled_nursing" &&
         e.discharge_disposition != "rehab";
}

// The dates first: most stays ended long ago, and comparing dates is cheaper than the kind's and
// the disposition's words (the worklist asks this of every encounter of a coordinator's patients).
bool episode_open_on(const Encounter& e, CivilDate day) {
  return e.discharge_date && !(day < *e.discharge_date) && !(add_days(*e.discharge_date, kTcmEpisodeDays - 1) < day) &&
         opens_transition_episode(e);
}

std::optional<TransitionEpisode> transition_episode(const State& state, const Encounter& e,
                                                    const BusinessCalendar& calendar) {
  if (!opens_transition_episode(e)) return std::nullopt;
  return build_episode(state, e, calendar, records_of(state, e.patient));
}

std::vector<TransitionEpisode> transition_episodes(const State& state, const Id<Patient>& patient,
                                                   const BusinessCalendar& calendar) {
  const PatientRecords records = records_of(state, patient);
  std::vector<TransitionEpisode> out;
  for (const Encounter* e : state.records_of<Encounter>(patient))
    if (opens_transition_episode(*e)) out.push_back(build_episode(state, *e, calendar, records));
  std::sort(out.begin(), out.end(), [](const TransitionEpisode& a, const TransitionEpisode& b) {
    return a.discharge_date != b.discharge_date ? b.discharge_date < a.discharge_date
                                                : a.discharge->id < b.discharge->id;
  });
  return out;
}

std::vector<TransitionEpisode> episodes_open_on(const State& state, CivilDate day, const BusinessCalendar& calendar) {
  std::vector<TransitionEpisode> out;
  for (const auto& [id, e] : state.table<Encounter>())
    if (episode_open_on(e, day)) out.push_back(build_episode(state, e, calendar, records_of(state, e.patient)));
  return out;
}

}  // namespace core
