// What happens after a visit: completing it can book its follow-up (a task, or a proposed
// appointment in the practitioner's next free slot); a no-show creates an outreach task and
// counts toward the patient's no-show rate.
#pragma once
#include <string>

#include "core/actions.hpp"
#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace core {

struct Appointment;
struct Patient;
struct State;

struct FollowUpRequest {
  enum class Kind { None, Task, ProposedAppointment };
  Kind kind = Kind::None;
  int in_days = 14;           // due this many days after the visit
  std::string owner;          // who books it (the coordinator), for a task
  int duration_minutes = 30;  // for a proposed appointment
};

// The visit marked completed, with its follow-up, as one undoable group.
Result<ActionGroup> complete_visit(const State& state, const Id<Appointment>& visit, const FollowUpRequest& follow_up);

// The appointment marked as a no-show, with a task to reach the patient today.
Result<ActionGroup> record_no_show(const State& state, const Id<Appointment>& visit, CivilDate today,
                                   const std::string& owner);

struct Attendance {
  int kept = 0;      // completed or arrived
  int no_shows = 0;
  double no_show_rate() const { return kept + no_shows == 0 ? 0.0 : double(no_shows) / double(kept + no_shows); }
};
Attendance attendance(const State& state, const Id<Patient>& patient);
// Only the appointments whose day (the local start date) lies in [first, last], both included.
Attendance attendance(const State& state, const Id<Patient>& patient, CivilDate first, CivilDate last);

}  // namespace core
