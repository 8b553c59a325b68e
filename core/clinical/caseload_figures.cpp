// Caseload figures: each one counted by the rule that owns it, over one coordinator's patients or
// the whole clinic, with its plain-words sentence (see the header).
#include "caseload_figures.hpp"

#include <cmath>
#include <set>

#include "core/clinical/goals.hpp"
#include "core/clinical/transitions.hpp"
#include "core/scheduling/business_days.hpp"
#include "core/state.hpp"

namespace core {
namespace {

bool in_period(CivilDate day, CivilDate from, CivilDate to) { return !(day < from) && !(to < day); }

std::string count_words(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// "4.5" or "7": days to one decimal, without a trailing ".0".
std::string days_words(double days) {
  const long long tenths = std::llround(days * 10);
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10) out += "." + std::to_string(tenths % 10);
  return out;
}

KeptAppointmentsFigure count_kept(const State& state, CivilDate from, CivilDate to, const std::string& coordinator) {
  KeptAppointmentsFigure out;
  for (const auto& [id, p] : state.table<Patient>()) {
    if (!in_caseload(state, id, coordinator)) continue;
    const KeepRate r = appointment_keep_rate(state, id, from, to);
    out.counts.kept += r.kept;
    out.counts.no_shows += r.no_shows;
  }
  return out;
}

TcmContactFigure count_tcm_contacts(const State& state, CivilDate from, CivilDate to, const std::string& coordinator,
                                    const BusinessCalendar& calendar, CivilDate today) {
  // The patients with a discharge in the period, each read once by transition_episodes.
  std::set<Id<Patient>> patients;
  for (const auto& [id, e] : state.table<Encounter>())
    if (opens_transition_episode(e) && in_period(*e.discharge_date, from, to) && in_caseload(state, e.patient, coordinator))
      patients.insert(e.patient);
  TcmContactFigure out;
  for (const Id<Patient>& patient : patients)
    for (const TransitionEpisode& ep : transition_episodes(state, patient, calendar)) {
      if (!in_period(ep.discharge_date, from, to)) continue;
      ++out.discharges;
      if (ep.contact.met) ++out.on_time;
      else if (ep.contact.due < today) ++out.missed;
      else ++out.pending;  // its last day is today or later: it can still be met
    }
  return out;
}

GoalsFigure count_goals(const State& state, const std::string& coordinator) {
  GoalsFigure out;
  for (const auto& [id, g] : state.table<Goal>()) {
    // Status-less goals count as active, as the off-track worklist kind reads them.
    if (g.deleted || !(g.status == "active" || g.status == "achieved" || g.status.empty())) continue;
    if (!in_caseload(state, g.patient, coordinator)) continue;
    switch (evaluate_goal(state, g).progress) {
      case GoalProgress::Achieved: ++out.achieved; break;
      case GoalProgress::OnTrack: ++out.on_track; break;
      case GoalProgress::OffTrack: ++out.off_track; break;
      case GoalProgress::NoData: ++out.no_data; break;
      case GoalProgress::CannotEvaluate: ++out.cannot_evaluate; break;
    }
  }
  return out;
}

}  // namespace

bool in_caseload(const State& state, const Id<Patient>& patient, const std::string& coordinator) {
  if (coordinator.empty()) return true;
  const Patient* p = state.find(patient);
  return p && p->coordinator == coordinator;
}

std::string percent_or_no_data(int numerator, int denominator) {
  if (denominator == 0) return "no data";
  return std::to_string(std::lround(100.0 * numerator / denominator)) + " %";
}

std::string KeptAppointmentsFigure::summary() const {
  if (denominator() == 0) return "Appointments kept: no data (no appointment in the period was kept or missed)";
  return counts.summary();
}

std::string TcmContactFigure::summary() const {
  std::string pending_words;
  if (pending) pending_words = "; " + std::to_string(pending) + " still within " + (pending == 1 ? "its" : "their") +
                               " " + std::to_string(kTcmContactBusinessDays) + " business days";
  if (denominator() == 0)
    return "Contact within " + std::to_string(kTcmContactBusinessDays) +
           " business days after discharge: no data (no discharge in the period whose contact was due)" + pending_words;
  return "Contacted within " + std::to_string(kTcmContactBusinessDays) + " business days after " +
         std::to_string(on_time) + " of " + count_words(denominator(), "discharge", "discharges") + " (" +
         percent_or_no_data(numerator(), denominator()) + ")" + pending_words;
}

std::string ReadmissionFigure::summary() const {
  const std::string window = std::to_string(kReadmissionWindowDays) + " days";
  if (denominator() == 0) return "Readmissions within " + window + ": no data (no hospital discharge in the period)";
  return "Readmitted within " + window + " after " + std::to_string(numerator()) + " of " +
         count_words(denominator(), "hospital discharge", "hospital discharges") + " (" +
         percent_or_no_data(numerator(), denominator()) + ")";
}

int PriorAuthTurnaroundFigure::numerator() const {
  return static_cast<int>(std::llround(figures.mean_days * figures.decided));
}

std::string PriorAuthTurnaroundFigure::summary() const {
  if (denominator() == 0) return "Prior-authorization turnaround: no data (no authorization decided in the period)";
  return "Payers decided " + count_words(denominator(), "prior authorization", "prior authorizations") + " in " +
         days_words(figures.mean_days) + (figures.mean_days == 1.0 ? " day" : " days") + " on average (median " +
         days_words(figures.median_days) + ", longest " + std::to_string(figures.longest_days) + ")";
}

std::string GoalsFigure::summary() const {
  if (denominator() == 0) return "Goals achieved: no data (no active or achieved goal)";
  std::string out = std::to_string(achieved) + " of " + count_words(denominator(), "goal", "goals") + " achieved (" +
                    percent_or_no_data(numerator(), denominator()) + ")";
  std::string rest;
  auto add = [&rest](int n, const std::string& words) {
    if (n) rest += (rest.empty() ? "" : ", ") + std::to_string(n) + " " + words;
  };
  add(on_track, "on track");
  add(off_track, "off track");
  add(no_data, "without measurements");
  add(cannot_evaluate, "that cannot be evaluated");
  return rest.empty() ? out : out + ": " + rest;
}

CaseloadFigures caseload_figures(const State& state, CivilDate from, CivilDate to, const std::string& coordinator,
                                 const BusinessCalendar& calendar, CivilDate today) {
  CaseloadFigures out;
  out.coordinator = coordinator;
  out.from = from;
  out.to = to;
  out.appointments_kept = count_kept(state, from, to, coordinator);
  out.tcm_contacts = count_tcm_contacts(state, from, to, coordinator, calendar, today);
  out.readmissions.counts = count_readmissions(state, from, to, coordinator);
  out.prior_auth_turnaround.figures = prior_auth_turnaround(state, from, to, coordinator);
  out.goals = count_goals(state, coordinator);
  return out;
}

}  // namespace core
