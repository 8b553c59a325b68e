// The worklist kinds of transitional care: each clock of an open episode that is not met yet is
// an item, from the discharge day until it is met or the 30-day episode ends.
#include <string>

#include "core/clinical/transitions.hpp"
#include "core/scheduling/appointment_time.hpp"
#include "core/state.hpp"
#include "core/worklist/item_kinds.hpp"

namespace core {
namespace {

int days_between(CivilDate from, CivilDate to) { return (date::sys_days{to} - date::sys_days{from}).count(); }
std::string day_count(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// "Due 2026-12-01", "Due today" or "Overdue by 2 days".
std::string due_words(CivilDate due, CivilDate today) {
  if (due < today) return "Overdue by " + day_count(days_between(due, today));
  if (due == today) return "Due today";
  return "Due " + format_civil_date(due);
}

// "discharged 2026-11-27 from Mercy Hospital"
std::string discharge_words(const TransitionEpisode& ep) {
  std::string out = "discharged " + format_civil_date(ep.discharge_date);
  if (!ep.discharge->facility.empty()) out += " from " + ep.discharge->facility;
  return out;
}

WorkItem episode_item(const WorklistContext& c, const char* kind, const TransitionEpisode& ep, CivilDate due) {
  return c.item(kind, std::string(kind) + ":" + ep.discharge->id.value, ep.discharge->patient, EntityType::Encounter,
                ep.discharge->id.value, due);
}

std::string attempts_words(std::size_t n) {
  if (n == 0) return "";
  return n == 1 ? " (1 unsuccessful attempt so far)" : " (" + std::to_string(n) + " unsuccessful attempts so far)";
}

}  // namespace

void collect_tcm_contacts(const WorklistContext& c, std::vector<WorkItem>& out) {
  for (const TransitionEpisode& ep : c.open_transition_episodes()) {
    if (ep.contact.met) continue;
    WorkItem item = episode_item(c, "tcm_contact", ep, ep.contact.due);
    item.reason = due_words(ep.contact.due, c.today) + ": contact within 2 business days after discharge, " +
                  discharge_words(ep) + attempts_words(ep.attempts.size());
    item.next_action = ep.attempts.size() == 1 ? "Call again: a second documented attempt also counts"
                                               : "Call the patient and record the call";
    out.push_back(std::move(item));
  }
}

void collect_tcm_visits(const WorklistContext& c, std::vector<WorkItem>& out) {
  for (const TransitionEpisode& ep : c.open_transition_episodes()) {
    if (ep.visit.met) continue;
    WorkItem item = episode_item(c, "tcm_visit", ep, ep.visit.due);
    item.reason = due_words(ep.visit.due, c.today) + ": face-to-face visit within " +
                  day_count(ep.visit_window_days) + " after discharge, " + discharge_words(ep);
    if (!ep.complexity_recorded) item.reason += " (complexity not recorded, so the 7-day window applies)";
    if (ep.booked_visit) {
      item.reason += "; booked: " + appointment_type_words(ep.booked_visit->type) + " on " +
                     ep.booked_visit->start.substr(0, 10);
      item.next_action = "Make sure the patient gets to the booked visit";
    } else {
      item.next_action = "Book a face-to-face visit by " + format_civil_date(ep.visit.due);
    }
    out.push_back(std::move(item));
  }
}

void collect_tcm_medication_reconciliations(const WorklistContext& c, std::vector<WorkItem>& out) {
  for (const TransitionEpisode& ep : c.open_transition_episodes()) {
    if (ep.medication_reconciliation.met) continue;
    const CivilDate due = ep.medication_reconciliation.due;
    WorkItem item = episode_item(c, "tcm_med_rec", ep, due);
    item.reason = due_words(due, c.today) + ": reconcile medicines on or before the follow-up visit, " +
                  discharge_words(ep);
    const std::size_t listed = ep.discharge->discharge_medications.size();
    if (listed) item.reason += " (" + std::to_string(listed) + " discharge medicines listed)";
    item.next_action = "Compare the discharge medicines with what the patient takes at home";
    out.push_back(std::move(item));
  }
}

}  // namespace core
