// Prior authorizations and coverage: the rules and worklist kinds described in the header.
#include "authorization_items.hpp"

#include <algorithm>
#include <cctype>

#include "core/clinical/caseload_figures.hpp"
#include "core/scheduling/appointment_time.hpp"
#include "core/state.hpp"
#include "core/worklist/item_kinds.hpp"

namespace core {
namespace {

int days_between(CivilDate from, CivilDate to) { return (date::sys_days{to} - date::sys_days{from}).count(); }
CivilDate add_days(CivilDate day, int n) { return CivilDate{date::sys_days{day} + date::days{n}}; }
std::string day_count(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// "today", "tomorrow" or "in 5 days", for a day on or after today.
std::string from_today(CivilDate day, CivilDate today) {
  const int n = days_between(today, day);
  return n == 0 ? "today" : n == 1 ? "tomorrow" : "in " + day_count(n);
}

// "Physical therapy (ref PA-77)"
std::string authorization_words(const PriorAuthorization& a) {
  std::string words = a.service.empty() ? std::string("authorization") : a.service;
  if (!a.reference_number.empty()) words += " (ref " + a.reference_number + ")";
  return words;
}

// The authorizations that may cover an appointment (see the header), among its patient's.
std::vector<const PriorAuthorization*> candidates_for(const Appointment& a, const std::vector<const PriorAuthorization*>& theirs) {
  std::vector<const PriorAuthorization*> linked, unlinked;
  for (const PriorAuthorization* auth : theirs) {
    if (auth->appointment == a.id) linked.push_back(auth);
    else if (auth->appointment.empty()) unlinked.push_back(auth);
  }
  return linked.empty() ? unlinked : linked;
}

bool names_appointment(const Appointment& a, const std::vector<const PriorAuthorization*>& theirs) {
  for (const PriorAuthorization* auth : theirs)
    if (auth->appointment == a.id) return true;
  return false;
}

// How close an uncovering authorization came, the closest first: its problem explains the item.
int closeness(const PriorAuthorization& a) {
  if (a.status == "approved") return 0;  // approved, but not for that day
  if (a.status == "appealed") return 1;
  if (a.status == "submitted" || a.status == "pending" || a.status == "requested") return 2;
  if (a.status == "needed") return 3;
  if (a.status == "denied") return 4;
  return 5;  // expired, cancelled
}

std::string problem_of(const PriorAuthorization& a, CivilDate day) {
  const std::string what = "the authorization for " + authorization_words(a);
  if (a.status == "approved") {
    if (a.valid_to && *a.valid_to < day) return what + " expired on " + format_civil_date(*a.valid_to);
    return what + " starts only on " + format_civil_date(*a.valid_from);
  }
  if (a.status == "appealed") return what + " was denied and the appeal is pending";
  if (a.status == "denied") return what + " was denied";
  if (a.status == "expired") return what + " has expired";
  if (a.status == "cancelled") return what + " was cancelled";
  if (a.status == "needed") return what + " has not been requested yet";
  return what + " is not approved yet";
}

}  // namespace

bool authorization_valid_on(const PriorAuthorization& a, CivilDate day) {
  return a.status == "approved" && !(a.valid_from && day < *a.valid_from) && !(a.valid_to && *a.valid_to < day);
}

bool units_mostly_used(const PriorAuthorization& a) {
  if (!a.units_approved || *a.units_approved <= 0 || !a.units_used) return false;
  return *a.units_used * 100 >= *a.units_approved * kAuthorizationUnitsWarningPercent;
}

AppointmentAuthorization appointment_authorization(const Appointment& a, const std::vector<const PriorAuthorization*>& theirs) {
  AppointmentAuthorization out;
  auto start = parse_wall_time(a.start);
  if (!start) return out;
  out.needed = a.type == "procedure" || names_appointment(a, theirs);
  if (!out.needed) return out;
  const CivilDate day = wall_date(*start);
  std::vector<const PriorAuthorization*> candidates = candidates_for(a, theirs);
  for (const PriorAuthorization* auth : candidates)
    if (authorization_valid_on(*auth, day)) {
      out.covering = auth;
      return out;
    }
  if (candidates.empty()) {
    out.problem = "no authorization is recorded";
    return out;
  }
  const PriorAuthorization* closest = *std::min_element(
      candidates.begin(), candidates.end(),
      [](const PriorAuthorization* x, const PriorAuthorization* y) { return closeness(*x) < closeness(*y); });
  out.problem = problem_of(*closest, day);
  return out;
}

std::optional<int> turnaround_days(const PriorAuthorization& a) {
  if (!a.submitted_date || !a.decision_date) return std::nullopt;
  return days_between(*a.submitted_date, *a.decision_date);
}

TurnaroundFigures prior_auth_turnaround(const State& state, CivilDate from, CivilDate to,
                                        const std::string& coordinator) {
  std::vector<int> days;
  for (const auto& [id, a] : state.table<PriorAuthorization>()) {
    auto n = turnaround_days(a);
    if (a.deleted || !n || *a.decision_date < from || to < *a.decision_date) continue;
    if (!in_caseload(state, a.patient, coordinator)) continue;
    days.push_back(*n);
  }
  TurnaroundFigures out;
  if (days.empty()) return out;
  std::sort(days.begin(), days.end());
  out.decided = static_cast<int>(days.size());
  long long sum = 0;
  for (int d : days) sum += d;
  out.mean_days = static_cast<double>(sum) / static_cast<double>(days.size());
  const std::size_t mid = days.size() / 2;
  out.median_days = days.size() % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2.0;
  out.longest_days = days.back();
  return out;
}

void collect_authorization_missing(const WorklistContext& c, std::vector<WorkItem>& out) {
  const Minutes from = wall_time(c.today, 0);
  const Minutes to = wall_time(add_days(c.today, kAuthorizationLookaheadDays), 24 * 60);
  for (const char* status : {"booked", "confirmed"})
    for (const auto& [a, start, facts] : c.appointments_with_status(status, from, to)) {
      const AppointmentAuthorization auth =
          appointment_authorization(*a, c.records_of<PriorAuthorization>(facts, a->patient));
      if (!auth.needed || auth.covering) continue;
      WorkItem item = c.item("authorization_missing", "auth_missing:" + a->id.value, a->patient,
                               EntityType::Appointment, a->id.value, wall_date(start));
      std::string visit = appointment_type_words(a->type) + " on " + a->start.substr(0, 10) + " " + a->start.substr(11);
      visit[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(visit[0])));
      item.reason = visit + ": " + auth.problem;
      item.next_action = "Get the authorization approved, or reschedule the visit";
      out.push_back(std::move(item));
    }
}

void collect_authorization_expiring(const WorklistContext& c, std::vector<WorkItem>& out) {
  const CivilDate last = add_days(c.today, kAuthorizationExpiryWarningDays);
  c.for_each_in_scope<PriorAuthorization>([&](const PriorAuthorization& a, const PatientFacts*) {
    if (a.status != "approved" || !a.valid_to || *a.valid_to < c.today || last < *a.valid_to) return;
    WorkItem item = c.item("authorization_expiring", "auth_expiring:" + a.id.value + ":" + format_civil_date(*a.valid_to),
                             a.patient, EntityType::PriorAuthorization, a.id.value, *a.valid_to);
    item.reason = "Authorization for " + authorization_words(a) + " ends " + format_civil_date(*a.valid_to) + ", " +
                  from_today(*a.valid_to, c.today);
    item.next_action = "Ask the payer to extend it if care continues";
    out.push_back(std::move(item));
  });
}

void collect_authorization_units(const WorklistContext& c, std::vector<WorkItem>& out) {
  c.for_each_in_scope<PriorAuthorization>([&](const PriorAuthorization& a, const PatientFacts*) {
    if (a.status != "approved" || !units_mostly_used(a) || (a.valid_to && *a.valid_to < c.today)) return;
    WorkItem item = c.item("authorization_units", "auth_units:" + a.id.value, a.patient,
                             EntityType::PriorAuthorization, a.id.value, c.today);
    const long long percent = *a.units_used * 100 / *a.units_approved;
    item.reason = std::to_string(*a.units_used) + " of " + std::to_string(*a.units_approved) + " units used (" +
                  std::to_string(percent) + " %): " + authorization_words(a);
    item.next_action = "Ask the payer for more units if care continues";
    out.push_back(std::move(item));
  });
}

void collect_coverage_ending(const WorklistContext& c, std::vector<WorkItem>& out) {
  const CivilDate last = add_days(c.today, kCoverageEndingWarningDays);
  c.for_each_in_scope<Coverage>([&](const Coverage& cov, const PatientFacts*) {
    if (cov.status == "inactive" || !cov.end_date || *cov.end_date < c.today || last < *cov.end_date) return;
    WorkItem item = c.item("coverage_ending", "coverage_ending:" + cov.id.value + ":" + format_civil_date(*cov.end_date),
                             cov.patient, EntityType::Coverage, cov.id.value, *cov.end_date);
    item.reason = "Coverage " + cov.plan_name + " (member " + cov.member_id + ") ends " +
                  format_civil_date(*cov.end_date) + ", " + from_today(*cov.end_date, c.today);
    item.next_action = "Check renewal or new coverage with the patient";
    out.push_back(std::move(item));
  });
}

}  // namespace core
