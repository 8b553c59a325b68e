// The worklist engine: builds the context the kinds read (per-patient facts from one pass over the
// notes and each in-scope patient's appointment index), runs every kind, drops what is out of scope, snoozed or
// done, and sorts the rest. Also the Actions that snooze and finish an item.
#include "worklist.hpp"

#include <algorithm>

#include "core/scheduling/appointment_time.hpp"
#include "core/state.hpp"
#include "core/worklist/item_kinds.hpp"

namespace core {
namespace {

bool is_successful_contact(const Note& n) { return n.outcome == "reached" || n.outcome == "completed"; }
bool is_attended(const Appointment& a) { return a.status == "completed" || a.status == "arrived"; }

void keep_latest(std::optional<CivilDate>& latest, CivilDate day) {
  if (!latest || *latest < day) latest = day;
}

bool is_active(const Patient& p) { return !p.deleted && p.status == "active"; }

// Whether the item was snoozed past today or marked done (its WorkItemStates, from State's index).
bool is_hidden(const State& state, const std::string& key, CivilDate today) {
  for (const WorkItemState* s : state.item_states_of(key))
    if (s->status == "done" || (s->status == "snoozed" && s->until && today < *s->until)) return true;
  return false;
}

// The group named `name`, added at the end if it is not there yet.
template <class T>
std::vector<T>& group(std::vector<std::pair<std::string, std::vector<T>>>& groups, const std::string& name) {
  for (auto& [group_name, members] : groups)
    if (group_name == name) return members;
  return groups.emplace_back(name, std::vector<T>{}).second;
}

template <class T>
const std::vector<T>& find_group(const std::vector<std::pair<std::string, std::vector<T>>>& groups, const std::string& name) {
  static const std::vector<T> none;
  for (const auto& [group_name, members] : groups)
    if (group_name == name) return members;
  return none;
}

struct RankedItem {
  std::size_t kind_rank;  // the kind's place in item_kinds()
  WorkItem item;
};

bool more_urgent(const RankedItem& a, const RankedItem& b) {
  if (a.item.overdue != b.item.overdue) return a.item.overdue;
  if (a.item.due != b.item.due) return a.item.due < b.item.due;
  if (a.kind_rank != b.kind_rank) return a.kind_rank < b.kind_rank;
  return a.item.key < b.item.key;
}

// The live WorkItemState recording this item (the first in id order if several do), or nullptr.
const WorkItemState* item_state(const State& state, const std::string& key) {
  const std::vector<const WorkItemState*>& states = state.item_states_of(key);
  return states.empty() ? nullptr : states.front();
}

// Creates the item's WorkItemState with these fields, or changes the one it already has.
Action record_item_state(const State& state, const WorkItem& item, nlohmann::json fields) {
  if (const WorkItemState* existing = item_state(state, item.key))
    return UpdateRecord{EntityType::WorkItemState, existing->id.value, std::move(fields)};
  fields["item"] = item.key;
  if (!item.patient.empty()) fields["patient"] = item.patient.value;
  return CreateRecord{EntityType::WorkItemState, std::move(fields)};
}

}  // namespace

WorklistContext::WorklistContext(const State& state, const WorklistQuery& query)
    : state(state), query(query), today(query.today), calendar(state), settings(scheduling_settings(state)) {
  add_patients();
  add_notes();
  add_attended_visits();
  add_tasks();
}

// Every active patient for the whole clinic; for one coordinator only theirs, from State's index.
// Each one's entries in State's per-patient indexes are looked up here once.
void WorklistContext::add_patients() {
  auto add = [&](const Patient& p) {
    if (!is_active(p)) return;
    PatientFacts facts;
    facts.patient = &p;
    auto records = state.records_by_patient.find(p.id.value);
    if (records != state.records_by_patient.end()) facts.records = &records->second;
    facts.appointments = &state.appointments_of(p.id);
    in_scope_appointments_ += facts.appointments->size();
    in_scope_patients_.push_back(&patients_.emplace(std::string_view(p.id.value), facts).first->second);
  };
  if (query.coordinator.empty()) {
    patients_.reserve(state.table<Patient>().size());
    for (const auto& [id, p] : state.table<Patient>()) add(p);
    return;
  }
  const std::vector<const Patient*>& theirs = state.patients_of_coordinator(query.coordinator);
  patients_.reserve(theirs.size());
  for (const Patient* p : theirs) add(*p);
}

// Only in-scope patients' contacts are read by the kinds (see PatientFacts), so only their notes
// are read, from State's per-patient index.
void WorklistContext::add_notes() {
  for (PatientFacts* p : in_scope_patients_) {
    if (!p->records) continue;
    PatientFacts& f = *p;
    for (const Note* n : std::get<std::vector<const Note*>>(*p->records)) {
      if (!is_successful_contact(*n)) continue;
      auto at = parse_wall_time(n->at);
      if (!at) continue;
      if (!f.last_reached_at || *f.last_reached_at < *at) f.last_reached_at = *at;
      keep_latest(f.last_contact, wall_date(*at));
    }
  }
}

// The latest visit each in-scope patient attended up to today, from the patient's appointment
// index; skipped for patients whose notes already show a contact within the clinic's gap.
void WorklistContext::add_attended_visits() {
  const Minutes end_of_today = wall_time(today, 24 * 60);
  const CivilDate recent = CivilDate{date::sys_days{today} - date::days{settings.contact_gap_days}};
  for (PatientFacts* p : in_scope_patients_) {
    PatientFacts& f = *p;
    if (f.last_contact && !(*f.last_contact < recent)) continue;
    const auto& by_start = *f.appointments;
    for (auto it = by_start.lower_bound(end_of_today); it != by_start.begin();) {
      --it;
      if (is_attended(*it->second)) {
        keep_latest(f.last_contact, wall_date(it->first));
        break;
      }
    }
  }
}

// For the whole clinic every live task; for one coordinator their patients' tasks and the tasks
// they own (State's indexes), which are all the tasks in_scope() accepts. Not sorted: the engine
// orders the items, to the last by their keys.
void WorklistContext::add_tasks() {
  auto add = [&](const Task& t) { group(tasks_by_kind_, t.kind.empty() ? std::string("general") : t.kind).push_back(&t); };
  if (query.coordinator.empty()) {
    for (const auto& [id, t] : state.table<Task>())
      if (!t.deleted) add(t);
    return;
  }
  for (const PatientFacts* p : in_scope_patients_)
    if (p->records)
      for (const Task* t : std::get<std::vector<const Task*>>(*p->records)) add(*t);
  for (const Task* t : state.tasks_owned_by(query.coordinator)) {
    const PatientFacts* facts = t->patient.empty() ? nullptr : patient(t->patient);
    if (!facts) add(*t);  // not already added with their patient's tasks
  }
}

std::vector<ScheduledAppointment> WorklistContext::appointments_with_status(const std::string& status, Minutes from,
                                                                         Minutes to) const {
  std::vector<ScheduledAppointment> out;
  // The clinic's by-status index, when the status is no commoner in the whole clinic than all of
  // one coordinator's patients' appointments together (a proposed follow-up is rare; a booking is not).
  const bool whole_clinic = query.coordinator.empty();
  const auto& by_status = state.appointments_in_status(status);
  if (whole_clinic || by_status.size() <= in_scope_appointments_) {
    for (auto it = by_status.lower_bound(from); it != by_status.end() && it->first < to; ++it)
      if (whole_clinic || patient(it->second->patient)) out.push_back({it->second, it->first});
    return out;
  }
  for (const PatientFacts* p : in_scope_patients_) {
    const auto& by_start = *p->appointments;
    for (auto at = by_start.lower_bound(from); at != by_start.end() && at->first < to; ++at)
      if (at->second->status == status) out.push_back({at->second, at->first});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ScheduledAppointment& a, const ScheduledAppointment& b) { return a.start < b.start; });
  return out;
}

const std::vector<const Task*>& WorklistContext::tasks_of_kind(const std::string& kind) const {
  return find_group(tasks_by_kind_, kind);
}

const std::vector<TransitionEpisode>& WorklistContext::open_transition_episodes() const {
  if (!open_transition_episodes_) {
    open_transition_episodes_.emplace();
    for_each_in_scope<Encounter>([&](const Encounter& e) {
      if (!episode_open_on(e, today)) return;
      if (auto episode = transition_episode(state, e, calendar)) open_transition_episodes_->push_back(std::move(*episode));
    });
  }
  return *open_transition_episodes_;
}

const PatientFacts* WorklistContext::patient(const Id<Patient>& id) const {
  auto it = patients_.find(std::string_view(id.value));
  return it == patients_.end() ? nullptr : &it->second;
}

const AppointmentsByStart& WorklistContext::appointments_of(const Id<Patient>& id) const {
  const PatientFacts* facts = patient(id);
  return facts ? *facts->appointments : state.appointments_of(id);
}

WorkItem WorklistContext::item(const char* kind, std::string key, const Id<Patient>& patient, EntityType subject_type,
                               const std::string& subject_id, CivilDate due) const {
  WorkItem out;
  out.kind = kind;
  out.key = std::move(key);
  out.patient = patient;
  out.subject_type = subject_type;
  out.subject_id = subject_id;
  out.due = due;
  out.overdue = due < today;
  return out;
}

bool WorklistContext::in_scope(const Id<Patient>& patient_id, const std::string& owner) const {
  if (patient_id.empty()) return query.coordinator.empty() || owner == query.coordinator;
  if (patient(patient_id)) return true;
  // Another coordinator's patient (or an inactive one): the coordinator sees the tasks they own
  // about that patient while the patient is active.
  if (query.coordinator.empty() || owner != query.coordinator) return false;
  const Patient* p = state.find(patient_id);
  return p && is_active(*p);
}

bool WorklistContext::holds_appointment_from(const Id<Patient>& patient_id, Minutes from) const {
  const auto& by_start = appointments_of(patient_id);
  for (auto it = by_start.lower_bound(from); it != by_start.end(); ++it)
    if (holds_slot(*it->second)) return true;
  return false;
}

const Appointment* WorklistContext::next_holding_appointment_with(const Id<Patient>& patient_id,
                                                                  const Id<Practitioner>& practitioner,
                                                                  Minutes from) const {
  const auto& by_start = appointments_of(patient_id);
  for (auto it = by_start.lower_bound(from); it != by_start.end(); ++it)
    if (holds_slot(*it->second) && it->second->practitioner == practitioner) return it->second;
  return nullptr;
}

std::vector<WorkItem> compute_worklist(const State& state, const WorklistQuery& query) {
  const WorklistContext context(state, query);
  const std::vector<ItemKind>& kinds = item_kinds();
  std::vector<RankedItem> ranked;
  std::vector<WorkItem> found;
  for (std::size_t rank = 0; rank < kinds.size(); ++rank) {
    found.clear();
    kinds[rank].collect(context, found);
    for (WorkItem& item : found)
      if (context.in_scope(item.patient, item.owner) && !is_hidden(state, item.key, query.today))
        ranked.push_back({rank, std::move(item)});
  }
  // Sorting pointers, not the items: a WorkItem holds several strings, and moving them around in
  // the sort cost as much as finding the items for a whole clinic.
  std::vector<RankedItem*> order;
  order.reserve(ranked.size());
  for (RankedItem& r : ranked) order.push_back(&r);
  std::sort(order.begin(), order.end(), [](const RankedItem* a, const RankedItem* b) { return more_urgent(*a, *b); });
  std::vector<WorkItem> out;
  out.reserve(order.size());
  for (RankedItem* r : order) out.push_back(std::move(r->item));
  return out;
}

Action snooze_item(const State& state, const WorkItem& item, CivilDate until, std::string reason) {
  return record_item_state(state, item,
                           {{"status", "snoozed"}, {"until", format_civil_date(until)}, {"reason", std::move(reason)}});
}

Action mark_item_done(const State& state, const WorkItem& item) {
  if (item.subject_type == EntityType::Task) return UpdateRecord{EntityType::Task, item.subject_id, {{"status", "done"}}};
  return record_item_state(state, item, {{"status", "done"}, {"until", nullptr}});
}

}  // namespace core
