// The kinds of worklist item: one function each, and the table that lists them. Each function
// reads what the context gathered in its one pass over each table; the engine then drops what is
// out of scope, snoozed or done.
#include "item_kinds.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "core/clinical/transitions.hpp"
#include "core/clinical/education_items.hpp"
#include "core/clinical/goals.hpp"
#include "core/clinical/authorization_items.hpp"
#include "core/clinical/care_management.hpp"
#include "core/scheduling/appointment_time.hpp"
#include "core/state.hpp"

namespace core {
namespace {

constexpr int kNoShowLookbackDays = 60;  // no-shows older than this are no longer chased

int days_between(CivilDate from, CivilDate to) { return (date::sys_days{to} - date::sys_days{from}).count(); }
CivilDate add_days(CivilDate day, int n) { return CivilDate{date::sys_days{day} + date::days{n}}; }
std::string day_count(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// "Overdue by 3 days" or "Due today", for something due on or before today.
std::string due_words(CivilDate due, CivilDate today) {
  return due < today ? "Overdue by " + day_count(days_between(due, today)) : "Due today";
}

bool is_open(const Task& t) { return t.status == "open" || t.status == "in_progress"; }


// "office visit on 2026-12-01 09:30 with Dr. Rosa Diaz"
std::string appointment_words(const WorklistContext& c, const Appointment& a) {
  std::string words = appointment_type_words(a.type) + " on " + a.start.substr(0, 10) + " " + a.start.substr(11);
  if (const Practitioner* with = c.state.find(a.practitioner)) words += " with " + with->name;
  return words;
}

void collect_tasks_due(const WorklistContext& c, std::vector<WorkItem>& out) {
  for (const Task* t : c.tasks_of_kind("general")) {
    // Scope first (the engine would drop the item anyway): building items is the costly part.
    if (!is_open(*t) || !t->due_date || c.today < *t->due_date || !c.in_scope(t->patient, t->owner)) continue;
    WorkItem item = c.item("task_due", "task:" + t->id.value, t->patient, EntityType::Task, t->id.value, *t->due_date);
    item.owner = t->owner;
    item.reason = due_words(*t->due_date, c.today) + ": " + t->title;
    item.next_action = "Mark done";
    out.push_back(std::move(item));
  }
}

// A follow-up is booked once the patient holds an appointment after the visit it follows (after
// the start of today when the task names no visit).
bool follow_up_booked(const WorklistContext& c, const Task& t) {
  const Appointment* visit = c.state.find(t.appointment);
  auto visit_start = visit ? parse_wall_time(visit->start) : std::nullopt;
  return c.holds_appointment_from(t.patient, visit_start ? *visit_start + 1 : wall_time(c.today, 0));
}

std::string follow_up_task_reason(const WorklistContext& c, const Task& t) {
  if (!t.due_date) return "Not booked yet: " + t.title;
  if (c.today < *t.due_date) return "Book by " + format_civil_date(*t.due_date) + ": " + t.title;
  return due_words(*t.due_date, c.today) + ", not booked: " + t.title;
}

void collect_follow_up_tasks(const WorklistContext& c, std::vector<WorkItem>& out) {
  for (const Task* t : c.tasks_of_kind("follow_up")) {
    if (!is_open(*t) || !c.in_scope(t->patient, t->owner) || follow_up_booked(c, *t)) continue;
    WorkItem item = c.item("follow_up_unscheduled", "follow_up:" + t->id.value, t->patient, EntityType::Task,
                             t->id.value, t->due_date.value_or(c.today));
    item.owner = t->owner;
    item.reason = follow_up_task_reason(c, *t);
    item.next_action = "Book the follow-up";
    out.push_back(std::move(item));
  }
}

void collect_proposed_follow_ups(const WorklistContext& c, std::vector<WorkItem>& out) {
  const Minutes any_time = std::numeric_limits<Minutes>::max();
  for (const auto& [a, start, facts] : c.appointments_with_status("proposed", -any_time, any_time)) {
    if (a->follow_up_of.empty()) continue;
    WorkItem item = c.item("follow_up_unscheduled", "follow_up:" + a->id.value, a->patient, EntityType::Appointment,
                             a->id.value, wall_date(start));
    item.reason = "Proposed, not yet agreed: " + appointment_words(c, *a);
    item.next_action = "Confirm the proposed follow-up with the patient";
    out.push_back(std::move(item));
  }
}

void collect_follow_ups(const WorklistContext& c, std::vector<WorkItem>& out) {
  collect_follow_up_tasks(c, out);
  collect_proposed_follow_ups(c, out);
}

void collect_appointments_to_confirm(const WorklistContext& c, std::vector<WorkItem>& out) {
  const CivilDate last_day = c.calendar.add_business_days(c.today, c.settings.confirm_business_days);
  for (const auto& [a, start, facts] :
       c.appointments_with_status("booked", wall_time(c.today, 0), wall_time(last_day, 24 * 60))) {
    WorkItem item = c.item("confirm_appointment", "confirm:" + a->id.value, a->patient, EntityType::Appointment,
                             a->id.value, c.today);
    item.reason = "Confirm the " + appointment_words(c, *a);
    item.next_action = "Call to confirm";
    out.push_back(std::move(item));
  }
}

// A missed appointment whose outreach task was finished or given up needs nothing more (any
// task about it, whoever owns it or whichever patient it names; State's index of tasks by appointment).
bool closed_by_task(const WorklistContext& c, const Appointment& a) {
  for (const Task* t : c.state.tasks_about(a.id))
    if (t->kind == "outreach" && (t->status == "done" || t->status == "cancelled")) return true;
  return false;
}

void collect_no_shows(const WorklistContext& c, std::vector<WorkItem>& out) {
  const CivilDate oldest = add_days(c.today, -kNoShowLookbackDays);
  for (const auto& [a, start, facts] :
       c.appointments_with_status("no_show", wall_time(oldest, 0), wall_time(c.today, 24 * 60))) {
    const CivilDate day = wall_date(start);
    if (!facts || (facts->last_reached_at && start <= *facts->last_reached_at)) continue;
    if (closed_by_task(c, *a) || c.holds_appointment_from(a->patient, start + 1)) continue;
    WorkItem item = c.item("no_show_outreach", "no_show:" + a->id.value, a->patient, EntityType::Appointment,
                             a->id.value, day);
    item.reason = "Missed the " + appointment_words(c, *a) + ", not rebooked";
    item.next_action = "Call the patient to rebook";
    out.push_back(std::move(item));
  }
}

void collect_patients_not_contacted(const WorklistContext& c, std::vector<WorkItem>& out) {
  const int gap = c.settings.contact_gap_days;
  for (const PatientFacts& facts : c.patients()) {
    if (facts.patient->coordinator.empty()) continue;
    const std::optional<CivilDate>& last = facts.last_contact;
    if (last && days_between(*last, c.today) <= gap) continue;
    const std::string occasion = last ? format_civil_date(*last) : "never";
    WorkItem item = c.item("not_contacted", "contact:" + facts.patient->id.value + ":" + occasion,
                             facts.patient->id, EntityType::Patient, facts.patient->id.value,
                             last ? add_days(*last, gap) : c.today);
    item.reason = last ? "No contact for " + day_count(days_between(*last, c.today)) : "Never contacted";
    item.next_action = "Call the patient";
    out.push_back(std::move(item));
  }
}

void collect_care_plan_reviews(const WorklistContext& c, std::vector<WorkItem>& out) {
  c.for_each_in_scope<CarePlan>([&](const CarePlan& p, const PatientFacts*) {
    if (p.status != "active" || !p.next_review_date || c.today < *p.next_review_date) return;
    WorkItem item = c.item("care_plan_review", "review:" + p.id.value + ":" + format_civil_date(*p.next_review_date),
                             p.patient, EntityType::CarePlan, p.id.value, *p.next_review_date);
    item.reason = due_words(*p.next_review_date, c.today) + ": review of " + p.title;
    item.next_action = "Review the care plan";
    out.push_back(std::move(item));
  });
}

// The loop is closed once the patient holds a visit with the practitioner referred to, on or
// after the day the referral was sent.
bool referral_visit_booked(const WorklistContext& c, const Referral& r) {
  return !r.to_practitioner.empty() &&
         c.next_holding_appointment_with(r.patient, r.to_practitioner, wall_time(*r.sent_date, 0)) != nullptr;
}

void collect_open_referrals(const WorklistContext& c, std::vector<WorkItem>& out) {
  c.for_each_in_scope<Referral>([&](const Referral& r, const PatientFacts*) {
    if (r.status != "sent" || !r.sent_date) return;
    const CivilDate due = add_days(*r.sent_date, c.settings.referral_loop_days);
    if (c.today < due || referral_visit_booked(c, r)) return;
    WorkItem item = c.item("referral_open_loop", "referral:" + r.id.value, r.patient, EntityType::Referral, r.id.value, due);
    item.reason = "Referral sent " + day_count(days_between(*r.sent_date, c.today)) + " ago with no visit or report: " + r.reason;
    item.next_action = "Chase the referral";
    out.push_back(std::move(item));
  });
}

}  // namespace

const std::vector<ItemKind>& item_kinds() {
  static const std::vector<ItemKind> kinds{
      {"task_due", "Tasks due", collect_tasks_due},
      {"follow_up_unscheduled", "Follow-ups to book", collect_follow_ups},
      {"confirm_appointment", "Appointments to confirm", collect_appointments_to_confirm},
      {"no_show_outreach", "No-shows to reach", collect_no_shows},
      {"not_contacted", "Patients not contacted", collect_patients_not_contacted},
      {"care_plan_review", "Care plans to review", collect_care_plan_reviews},
      {"referral_open_loop", "Referrals to chase", collect_open_referrals},
      {"tcm_contact", "Calls after discharge", collect_tcm_contacts},
      {"tcm_visit", "Visits after discharge", collect_tcm_visits},
      {"tcm_med_rec", "Medicines to reconcile after discharge", collect_tcm_medication_reconciliations},
      {"teach_back_failed", "Teaching to repeat", collect_teach_back_failed},
      {"goal_off_track", "Goals off track", collect_goals_off_track},
      {"authorization_missing", "Visits lacking an authorization", collect_authorization_missing},
      {"authorization_expiring", "Authorizations ending", collect_authorization_expiring},
      {"authorization_units", "Authorization units running out", collect_authorization_units},
      {"coverage_ending", "Coverage ending", collect_coverage_ending},
      {"ccm_minutes_short", "Care-management minutes short this month", collect_ccm_minutes_short},
  };
  return kinds;
}

}  // namespace core
