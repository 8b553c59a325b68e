// Insurance and prior-authorization rules: whether a booked visit has the authorization it needs,
// authorizations running out (by date or by units), coverage ending, and how long payers take to
// decide. The worklist kinds are registered in core/worklist/item_kinds.cpp.
//
// Which visits need an authorization, kept simple and stated: an appointment of type "procedure",
// or any appointment a live PriorAuthorization names (PriorAuthorization.appointment). The
// authorizations that may cover it are those that name it; when none does, the patient's
// authorizations that name no appointment. It is covered when one of them is approved and the
// appointment's day lies within valid_from..valid_to (both days included; an unset end is open).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"

namespace core {

struct Appointment;
struct PriorAuthorization;
struct State;
struct WorkItem;
class WorklistContext;

// Look this far ahead for booked visits lacking an authorization. A clinic choice: payers have up to
// 7 calendar days for a standard prior-authorization decision (CMS Interoperability and Prior
// Authorization final rule, CMS-0057-F, 2024), so 30 days leaves time to ask, be denied and appeal.
constexpr int kAuthorizationLookaheadDays = 30;
// Warn this many days before an approved authorization ends (issue 5 of this project).
constexpr int kAuthorizationExpiryWarningDays = 14;
// Warn when this share of the approved units is used, exactly 80 % included (issue 5).
constexpr int kAuthorizationUnitsWarningPercent = 80;
// Warn this many days before a coverage's end date (issue 5).
constexpr int kCoverageEndingWarningDays = 30;

bool authorization_valid_on(const PriorAuthorization& a, CivilDate day);
bool units_mostly_used(const PriorAuthorization& a);  // approved units set, >= 80 % used

struct AppointmentAuthorization {
  bool needed = false;
  const PriorAuthorization* covering = nullptr;  // approved and valid on the day
  // Why it is not covered, e.g. "no authorization is recorded", "the authorization was denied".
  std::string problem;
};
// `theirs` are the appointment's patient's authorizations (State::records_of): only these are read,
// since an authorization recorded for another patient never covers the visit, nor asks for one.
AppointmentAuthorization appointment_authorization(const Appointment& a,
                                                   const std::vector<const PriorAuthorization*>& theirs);

// Days from submitted_date to decision_date, when both are recorded.
std::optional<int> turnaround_days(const PriorAuthorization& a);

struct TurnaroundFigures {
  int decided = 0;             // authorizations with both dates, decided within the period
  double mean_days = 0;
  double median_days = 0;
  int longest_days = 0;
};
// Over authorizations decided from `from` to `to` (both included), for one coordinator's
// patients, or the whole clinic when `coordinator` is empty.
TurnaroundFigures prior_auth_turnaround(const State& state, CivilDate from, CivilDate to,
                                        const std::string& coordinator = "");

// Worklist kinds: "authorization_missing", "authorization_expiring", "authorization_units",
// "coverage_ending".
void collect_authorization_missing(const WorklistContext& context, std::vector<WorkItem>& out);
void collect_authorization_expiring(const WorklistContext& context, std::vector<WorkItem>& out);
void collect_authorization_units(const WorklistContext& context, std::vector<WorkItem>& out);
void collect_coverage_ending(const WorklistContext& context, std::vector<WorkItem>& out);

}  // namespace core
