// Caseload figures for one coordinator or the whole clinic over a period, for the dashboard:
// appointments kept, the transitional-care contact made within 2 business days, 30-day
// readmissions, how long payers take to decide prior authorizations, and goals achieved. Each
// figure is built from the rule that already owns it (adherence, transitions, readmissions,
// authorization_items, goals) and carries its numerator, its denominator and a sentence in plain
// words; a figure with nothing to count says "no data", never 0 %.
//
// Whose patients: in_caseload() below, the rule prior_auth_turnaround uses, for every figure.
#pragma once
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/clinical/adherence.hpp"
#include "core/clinical/authorization_items.hpp"
#include "core/clinical/readmissions.hpp"
#include "core/ids.hpp"

namespace core {

struct Patient;
struct State;
class BusinessCalendar;

// A patient belongs to a coordinator's caseload when the live patient record names that
// coordinator (Patient.coordinator); with an empty coordinator every patient is the clinic's.
bool in_caseload(const State& state, const Id<Patient>& patient, const std::string& coordinator);

// "90 %" (rounded to a whole percent), or "no data" when the denominator is 0.
std::string percent_or_no_data(int numerator, int denominator);

// Appointments whose day (the local start date) lies in the period: kept (completed or arrived)
// against no-shows, as core::attendance counts them; cancelled and still booked ones count neither way.
struct KeptAppointmentsFigure {
  KeepRate counts;
  int numerator() const { return counts.kept; }
  int denominator() const { return counts.kept + counts.no_shows; }
  std::string summary() const;  // "Kept 45 of 50 appointments (90 %)"
};

// The interactive contact of each transitional-care episode opened by a discharge in the period
// (transitions.hpp; due within kTcmContactBusinessDays business days, CMS MLN908628; two
// documented unsuccessful attempts count, CMS TCM FAQ 2016). On time: the contact clock is met.
// Missed: not met and its last day is before `today`. Pending: not met and it can still be met
// (due today or later); pending episodes are neither met nor missed and stay out of the rate.
struct TcmContactFigure {
  int discharges = 0;  // episodes opened by a discharge in the period
  int on_time = 0;
  int missed = 0;
  int pending = 0;
  int numerator() const { return on_time; }
  int denominator() const { return on_time + missed; }
  std::string summary() const;  // "Contacted within 2 business days after 8 of 10 discharges (80 %)"
};

// Inpatient stays discharged in the period and how many were followed by a readmission within
// kReadmissionWindowDays days (42 CFR 412.152), as count_readmissions counts them: known so far,
// so a discharge less than 30 days ago may still be readmitted.
struct ReadmissionFigure {
  ReadmissionCount counts;
  int numerator() const { return counts.readmitted; }
  int denominator() const { return counts.discharges; }
  std::string summary() const;  // "Readmitted within 30 days after 2 of 20 hospital discharges (10 %)"
};

// How long payers took to decide the prior authorizations decided in the period, from
// prior_auth_turnaround. The numerator is the total of the days waited and the denominator the
// authorizations decided, so numerator / denominator is the mean.
struct PriorAuthTurnaroundFigure {
  TurnaroundFigures figures;
  int numerator() const;  // total days from submitted to decided
  int denominator() const { return figures.decided; }
  std::string summary() const;  // "Payers decided 4 prior authorizations in 6.5 days on average (median 7, longest 11)"
};

// The caseload's goals that are active (or have no status, as the worklist reads them) or marked
// achieved, each evaluated with evaluate_goal as it stands on its latest measurement (not limited
// to the period: a goal records no date it was achieved).
struct GoalsFigure {
  int achieved = 0;
  int on_track = 0;
  int off_track = 0;
  int no_data = 0;          // no measurement of the goal's measure yet
  int cannot_evaluate = 0;  // no measure named, or a target that cannot be read
  int numerator() const { return achieved; }
  int denominator() const { return achieved + on_track + off_track + no_data + cannot_evaluate; }
  std::string summary() const;  // "3 of 10 goals achieved (30 %): 4 on track, 2 off track, 1 without measurements"
};

struct CaseloadFigures {
  std::string coordinator;  // empty: the whole clinic
  CivilDate from, to;       // the period, both days included
  KeptAppointmentsFigure appointments_kept;
  TcmContactFigure tcm_contacts;
  ReadmissionFigure readmissions;
  PriorAuthTurnaroundFigure prior_auth_turnaround;
  GoalsFigure goals;
};

// The figures over [from, to] for one coordinator's patients, or the whole clinic when
// `coordinator` is empty. `today` decides which contact clocks can still be met (pending).
CaseloadFigures caseload_figures(const State& state, CivilDate from, CivilDate to, const std::string& coordinator,
                                 const BusinessCalendar& calendar, CivilDate today);

}  // namespace core
