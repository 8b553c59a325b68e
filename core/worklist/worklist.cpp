// The worklist engine: builds the context the kinds read (per-patient facts from one pass over the
// notes and each in-scope patient's appointment index), runs every kind, drops what is out of scope, snoozed or
// done, and sorts the rest. Also the Actions that snooze and finish an item.
//
// A worklist reads thousands of records scattered through memory, so most of its time is spent
// waiting for memory, not computing. Where the build has threads (run_both.hpp), the context's
// independent parts and the kinds run on both of the desktop's cores: one coordinator's worklist in
// a 50,000-patient clinic took 7-18 ms on one core, as the machine's memory was quiet or busy.
#include "worklist.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <numeric>
#include <string_view>

#include "core/run_both.hpp"
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

// An item and its place in the order: overdue first, then by due date, then in the order of the
// kinds' table, packed in one integer so that most comparisons of the sort read no item; equal ranks
// are ordered by key.
struct RankedItem {
  std::uint64_t rank;
  WorkItem* item;
};

std::uint64_t rank_of(const WorkItem& item, std::size_t kind_rank) {
  // year_month_day's own order (year, month, day), each field in its own bits.
  const std::uint64_t day = (std::uint64_t(static_cast<int>(item.due.year()) + 32768) << 16) |
                            (std::uint64_t(static_cast<unsigned>(item.due.month())) << 8) |
                            static_cast<unsigned>(item.due.day());
  return (std::uint64_t(item.overdue ? 0 : 1) << 63) | (day << 16) | kind_rank;
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
  // The notes and visits write each patient's last contact, which the other two never read.
  run_both(
      [&] {
        add_tasks();
        add_open_transition_episodes();
      },
      [&] {
        add_notes();
        add_attended_visits();
      });
}

// Every active patient for the whole clinic; for one coordinator only theirs, from State's index.
// Each one's entries in State's per-patient indexes are looked up here once, half of the patients
// on each core.
void WorklistContext::add_patients() {
  std::vector<const Patient*> all;
  if (query.coordinator.empty()) {
    all.reserve(state.table<Patient>().size());
    for (const auto& [id, p] : state.table<Patient>()) all.push_back(&p);
  }
  const std::vector<const Patient*>& candidates =
      query.coordinator.empty() ? all : state.patients_of_coordinator(query.coordinator);
  patients_.resize(candidates.size());
  auto look_up = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const Patient& p = *candidates[i];
      if (!is_active(p)) continue;  // left without a patient, and dropped below
      PatientFacts& facts = patients_[i];
      facts.patient = &p;
      auto records = state.records_by_patient.find(p.id.value);
      if (records != state.records_by_patient.end()) facts.records = &records->second;
      facts.appointments = &state.appointments_of(p.id);
    }
  };
  const std::size_t half = candidates.size() / 2;
  run_both([&] { look_up(0, half); }, [&] { look_up(half, candidates.size()); });
  std::erase_if(patients_, [](const PatientFacts& f) { return f.patient == nullptr; });
  for (const PatientFacts& f : patients_) in_scope_appointments_ += f.appointments->size();
  std::size_t capacity = 16;  // at least twice the patients, so that most lookups read one entry
  while (capacity < 2 * patients_.size()) capacity *= 2;
  facts_by_id_.assign(capacity, {});
  for (std::uint32_t place = 0; place < patients_.size(); ++place) {
    const std::size_t hash = std::hash<std::string_view>{}(patients_[place].patient->id.value);
    std::size_t at = hash & (capacity - 1);
    while (facts_by_id_[at].place != 0) at = (at + 1) & (capacity - 1);
    facts_by_id_[at] = {static_cast<std::uint32_t>(hash), place + 1};
  }
}

// Only in-scope patients' contacts are read by the kinds (see PatientFacts), so only their notes
// are read, from State's per-patient index. Latest written first, and a note's time is read only
// when its text is later than the latest valid one found: valid times ("YYYY-MM-DDTHH:MM") are in
// the order of their texts, so a note whose text is not later cannot be later. Reading every
// note's time was a twentieth of a worklist.
void WorklistContext::add_notes() {
  for_each_patient_list<Note>([&](const std::vector<const Note*>& notes, std::size_t place) {
    PatientFacts& f = patients_[place];
    std::string_view latest;  // the text of last_reached_at
    for (auto n = notes.rbegin(); n != notes.rend(); ++n) {
      if (!is_successful_contact(**n) || std::string_view((*n)->at) <= latest) continue;
      if (auto at = parse_wall_time((*n)->at)) {
        f.last_reached_at = *at;
        latest = (*n)->at;
      }
    }
    if (f.last_reached_at) f.last_contact = wall_date(*f.last_reached_at);
  });
}

// The latest visit each in-scope patient attended up to today, from the patient's appointment
// index; skipped for patients whose notes already show a contact within the clinic's gap.
void WorklistContext::add_attended_visits() {
  const Minutes end_of_today = wall_time(today, 24 * 60);
  const CivilDate recent = CivilDate{date::sys_days{today} - date::days{settings.contact_gap_days}};
  for (PatientFacts& f : patients_) {
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
  for_each_in_scope<Task>([&](const Task& t, const PatientFacts*) { add(t); });
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
    for (auto it = by_status.lower_bound(from); it != by_status.end() && it->first < to; ++it) {
      const Appointment* a = it->second;
      const PatientFacts* facts = patient(a->patient);
      if (facts || (whole_clinic && a->patient.empty())) out.push_back({a, it->first, facts});
    }
    return out;
  }
  for (const PatientFacts& p : patients_) {
    const auto& by_start = *p.appointments;
    for (auto at = by_start.lower_bound(from); at != by_start.end() && at->first < to; ++at)
      if (at->second->status == status) out.push_back({at->second, at->first, &p});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ScheduledAppointment& a, const ScheduledAppointment& b) { return a.start < b.start; });
  return out;
}

const std::vector<const Task*>& WorklistContext::tasks_of_kind(const std::string& kind) const {
  return find_group(tasks_by_kind_, kind);
}

void WorklistContext::add_open_transition_episodes() {
  for_each_in_scope<Encounter>([&](const Encounter& e, const PatientFacts*) {
    if (!episode_open_on(e, today)) return;
    if (auto episode = transition_episode(state, e, calendar)) open_transition_episodes_.push_back(std::move(*episode));
  });
}

const PatientFacts* WorklistContext::patient(const Id<Patient>& id) const {
  const std::size_t hash = std::hash<std::string_view>{}(id.value);
  const std::size_t mask = facts_by_id_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const FactsSlot& slot = facts_by_id_[at];
    if (slot.place == 0) return nullptr;
    const PatientFacts& facts = patients_[slot.place - 1];
    if (slot.hash == static_cast<std::uint32_t>(hash) && facts.patient->id.value == id.value) return &facts;
  }
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
  // Each kind's items. Kinds only read the context, so two threads take the next kind in turn,
  // the goal kind first: it reads every goal's measurements and alone costs about as much as all
  // the other kinds together, so the other thread takes those meanwhile.
  std::vector<std::size_t> schedule(kinds.size());
  std::iota(schedule.begin(), schedule.end(), std::size_t{0});
  std::stable_partition(schedule.begin(), schedule.end(),
                        [&](std::size_t kind) { return std::string_view(kinds[kind].name) == "goal_off_track"; });
  // Each thread also drops its kinds' items that are out of scope, snoozed or done.
  std::vector<std::vector<WorkItem>> found(kinds.size());
  std::atomic<std::size_t> next{0};
  auto collect = [&] {
    for (std::size_t at; (at = next++) < schedule.size();) {
      std::vector<WorkItem>& items = found[schedule[at]];
      kinds[schedule[at]].collect(context, items);
      std::erase_if(items, [&](const WorkItem& item) {
        return !context.in_scope(item.patient, item.owner) || is_hidden(state, item.key, query.today);
      });
    }
  };
  run_both(collect, collect);
  // Sorting ranks and pointers, not the items: a WorkItem holds several strings, and moving them
  // around in the sort cost as much as finding the items for a whole clinic.
  std::vector<RankedItem> order;
  for (std::size_t rank = 0; rank < kinds.size(); ++rank)
    for (WorkItem& item : found[rank]) order.push_back({rank_of(item, rank), &item});
  std::sort(order.begin(), order.end(), [](const RankedItem& a, const RankedItem& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.item->key < b.item->key;
  });
  std::vector<WorkItem> out;
  out.reserve(order.size());
  for (const RankedItem& r : order) out.push_back(std::move(*r.item));
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
