#include "visit_outcomes.hpp"

#include <optional>

#include "core/scheduling/appointment_time.hpp"
#include "core/scheduling/availability.hpp"
#include "core/state.hpp"

namespace core {
namespace {

constexpr int kFollowUpSearchDays = 30;

Error refused(std::string message) { return Error{ErrorCode::Invalid, std::move(message), {}}; }

CivilDate plus_days(CivilDate day, int n) { return CivilDate{date::sys_days{day} + date::days{n}}; }

Result<const Appointment*> open_visit(const State& state, const Id<Appointment>& id, const char* doing) {
  const Appointment* visit = state.find(id);
  if (!visit) return refused("That appointment no longer exists; it may have been deleted.");
  if (visit->status == "cancelled" || visit->status == "no_show" || visit->status == "completed")
    return refused(std::string("This appointment is ") + (visit->status == "no_show" ? "a no-show" : visit->status) +
                   "; it cannot be " + doing + ".");
  if (!parse_wall_time(visit->start)) return refused("This appointment has no valid start time.");
  return visit;
}

}  // namespace

Result<ActionGroup> complete_visit(const State& state, const Id<Appointment>& id, const FollowUpRequest& follow_up) {
  auto visit = open_visit(state, id, "completed");
  if (!visit) return visit.error();
  const Appointment& v = *visit.value();
  ActionGroup group;
  group.steps.push_back({UpdateRecord{EntityType::Appointment, id.value, {{"status", "completed"}}}, ""});
  if (follow_up.kind == FollowUpRequest::Kind::None) return group;
  if (follow_up.in_days < 1 || follow_up.in_days > 365) return refused("A follow-up is due 1 to 365 days after the visit.");

  const CivilDate visit_day = wall_date(*parse_wall_time(v.start));
  const CivilDate due = plus_days(visit_day, follow_up.in_days);
  const Practitioner* practitioner = state.find(v.practitioner);
  const std::string with = practitioner ? " with " + practitioner->name : "";
  if (follow_up.kind == FollowUpRequest::Kind::Task) {
    group.steps.push_back({CreateRecord{EntityType::Task,
                                        {{"patient", v.patient.value},
                                         {"appointment", id.value},
                                         {"kind", "follow_up"},
                                         {"title", "Book a follow-up visit" + with},
                                         {"owner", follow_up.owner},
                                         {"due_date", format_civil_date(due)}}},
                           "The follow-up task"});
    return group;
  }
  if (!practitioner) return refused("Choose the practitioner of this visit before proposing a follow-up appointment.");
  SlotQuery query;
  query.practitioner = v.practitioner;
  query.duration_minutes = follow_up.duration_minutes;
  query.from = due;
  query.to = plus_days(due, kFollowUpSearchDays);
  query.max_results = 1;
  auto slots = next_free_slots(state, query);
  if (slots.empty())
    return refused(practitioner->name + " has no free " + std::to_string(follow_up.duration_minutes) +
                   "-minute slot in the " + std::to_string(kFollowUpSearchDays) + " days from " + format_civil_date(due) +
                   "; make a follow-up task instead.");
  group.steps.push_back({CreateRecord{EntityType::Appointment,
                                      {{"patient", v.patient.value},
                                       {"practitioner", v.practitioner.value},
                                       {"type", "follow_up"},
                                       {"status", "proposed"},
                                       {"start", slots[0].start},
                                       {"end", slots[0].end},
                                       {"time_zone", slots[0].time_zone},
                                       {"location", slots[0].location},
                                       {"follow_up_of", id.value},
                                       {"reason", "Follow-up of the visit on " + format_civil_date(visit_day)}}},
                         "The proposed follow-up"});
  return group;
}

Result<ActionGroup> record_no_show(const State& state, const Id<Appointment>& id, CivilDate today, const std::string& owner) {
  auto visit = open_visit(state, id, "marked as a no-show");
  if (!visit) return visit.error();
  const Appointment& v = *visit.value();
  const Patient* patient = state.find(v.patient);
  ActionGroup group;
  group.steps.push_back({UpdateRecord{EntityType::Appointment, id.value, {{"status", "no_show"}}}, ""});
  group.steps.push_back({CreateRecord{EntityType::Task,
                                      {{"patient", v.patient.value},
                                       {"appointment", id.value},
                                       {"kind", "outreach"},
                                       {"title", "Reach " + (patient ? patient->display_name() : std::string("the patient")) +
                                                     " about the missed appointment on " + v.start.substr(0, 10)},
                                       {"owner", owner},
                                       {"priority", "high"},
                                       {"due_date", format_civil_date(today)}}},
                         "The outreach task"});
  return group;
}

namespace {

// Kept and missed among the patient's appointments starting in [from, to) (wall times).
Attendance attendance_between(const State& state, const Id<Patient>& patient, std::optional<Minutes> from,
                              std::optional<Minutes> to) {
  Attendance out;
  const auto& by_start = state.appointments_of(patient);
  auto it = from ? by_start.lower_bound(*from) : by_start.begin();
  const auto end = to ? by_start.lower_bound(*to) : by_start.end();
  for (; it != end; ++it) {
    const Appointment* a = it->second;
    if (a->status == "completed" || a->status == "arrived") ++out.kept;
    if (a->status == "no_show") ++out.no_shows;
  }
  return out;
}

}  // namespace

Attendance attendance(const State& state, const Id<Patient>& patient) {
  return attendance_between(state, patient, std::nullopt, std::nullopt);
}

Attendance attendance(const State& state, const Id<Patient>& patient, CivilDate first, CivilDate last) {
  if (last < first) return {};
  return attendance_between(state, patient, wall_time(first, 0), wall_time(plus_days(last, 1), 0));
}

}  // namespace core
