// The kinds of worklist item, registered in one table. A kind is one function that reads the
// records through a WorklistContext and appends the items that are due; adding a kind is writing
// that function and one line in item_kinds(). The context holds what several kinds need, computed
// once per worklist: the clinic's calendar and settings, and facts about each active patient. The
// engine keeps only items in the query's scope. The context hands kinds only the records in scope
// (for_each_in_scope(), appointments_with_status()), each with its patient's facts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clinical/transitions.hpp"
#include "core/scheduling/business_days.hpp"
#include "core/scheduling/settings.hpp"
#include "core/state.hpp"
#include "core/time_zone.hpp"
#include "core/worklist/worklist.hpp"

namespace core {

struct Appointment;
struct Practitioner;
struct Task;

// What the worklist knows about one live, active patient in scope.
struct PatientFacts {
  const Patient* patient = nullptr;
  // The patient's entries in State's per-patient indexes, looked up once per worklist: kinds read
  // them through the context's records_of() and appointments_of(). In a large clinic each lookup in
  // State's maps costs several cache misses, about a microsecond, and a panel needs thousands.
  const PatientRecordLists* records = nullptr;  // nullptr: no records
  const AppointmentsByStart* appointments = nullptr;
  // The latest reached or completed note, or attended visit up to today; exact for in-scope
  // patients not contacted within the clinic's gap, which is all the worklist needs.
  std::optional<CivilDate> last_contact;
  std::optional<Minutes> last_reached_at;     // wall time of the latest reached or completed note (in-scope patients)
};

// A live appointment with its start read once, and its patient's facts (nullptr: it names no patient).
struct ScheduledAppointment {
  const Appointment* appointment = nullptr;
  Minutes start = 0;  // wall time
  const PatientFacts* patient = nullptr;
};

class WorklistContext {
 public:
  WorklistContext(const State& state, const WorklistQuery& query);

  const State& state;
  const WorklistQuery& query;
  const CivilDate today;
  const BusinessCalendar calendar;
  const SchedulingSettings settings;

  // The facts of a live patient with status "active" in scope (for one coordinator, one of theirs),
  // or nullptr (deleted, inactive, deceased, another coordinator's). Only these patients are read,
  // so one coordinator's worklist costs the same in a small clinic and in a large one.
  const PatientFacts* patient(const Id<Patient>& id) const;
  const std::vector<PatientFacts>& patients() const { return patients_; }
  // State::records_of() and State::appointments_of(), from the patient's facts when the patient is in
  // scope, so that kinds never look up a panel's patient in State's clinic-wide maps again.
  template <PatientOwned T>
  const std::vector<const T*>& records_of(const Id<Patient>& id) const {
    return records_of<T>(patient(id), id);
  }
  // The same, from the patient's facts already found (by patient() or for_each_in_scope(); nullptr
  // for a patient out of scope, whose records are read from State).
  template <PatientOwned T>
  const std::vector<const T*>& records_of(const PatientFacts* facts, const Id<Patient>& id) const {
    static const std::vector<const T*> none;
    if (!facts) return state.records_of<T>(id);
    return facts->records ? std::get<std::vector<const T*>>(*facts->records) : none;
  }
  // State::measure_series(), from the patient's facts when found (nullptr: read from State).
  const std::vector<TimedMeasurement>& measure_series(const PatientFacts* facts, const Id<Patient>& id,
                                                      std::string_view key) const {
    if (!facts) return state.measure_series(id, key);
    static const std::vector<TimedMeasurement> none;
    return facts->records ? std::get<PatientMeasures>(*facts->records).with_key(key) : none;
  }
  const AppointmentsByStart& appointments_of(const Id<Patient>& id) const;
  // Calls fn(record, facts) for each live record of type T that the worklist's scope takes: the
  // records of each patient in scope, patient by patient (from State's per-patient index, so the cost
  // follows the panel, not the clinic), with that patient's facts; then, for the whole clinic only,
  // the records that name no patient, with no facts (nullptr). Kinds need not check in_scope().
  template <PatientOwned T, class Fn>
  void for_each_in_scope(Fn&& fn) const {
    for_each_patient_list<T>([&](const std::vector<const T*>& records, std::size_t place) {
      for (const T* record : records) fn(*record, &patients_[place]);
    });
    if (query.coordinator.empty())
      for (const T* record : state.records_of<T>(Id<Patient>{})) fn(*record, nullptr);
  }
  // Live appointments with this status starting (wall time) in [from, to), by start, of the patients
  // in scope (and, for the whole clinic, those naming no patient): for the whole clinic from State's
  // by-status index; for one coordinator from that index if the status is rare, else from each of
  // their patients' appointment index. Kinds need not check in_scope().
  std::vector<ScheduledAppointment> appointments_with_status(const std::string& status, Minutes from, Minutes to) const;
  // Live tasks of this kind ("general" includes tasks with no kind): for the whole clinic every
  // task, in id order; for one coordinator their patients' tasks, patient by patient, then the
  // tasks they own about others (all that in_scope(task.patient, task.owner) can accept).
  // Gathered once per worklist.
  const std::vector<const Task*>& tasks_of_kind(const std::string& kind) const;
  // The transition-of-care episodes open today of the encounters in scope, for the three
  // transition kinds: built once per worklist, with the context.
  const std::vector<TransitionEpisode>& open_transition_episodes() const { return open_transition_episodes_; }
  // A new item of `kind` about a record, due on `due` (overdue when that is before today); the
  // kind fills in its reason and next action.
  WorkItem item(const char* kind, std::string key, const Id<Patient>& patient, EntityType subject_type,
                const std::string& subject_id, CivilDate due) const;
  // Whether the query's coordinator sees an item about this patient owned by `owner`: the patient
  // (if any) is active, and for one coordinator either the patient or the owner is theirs.
  bool in_scope(const Id<Patient>& patient, const std::string& owner) const;
  // Whether an active patient holds an appointment (any status that holds its slot) starting at
  // or after `from` (wall time).
  bool holds_appointment_from(const Id<Patient>& patient, Minutes from) const;
  // The patient's first appointment that holds its slot and starts at or after `from` with this
  // practitioner, or nullptr. Reads the patient's appointment index.
  const Appointment* next_holding_appointment_with(const Id<Patient>& patient, const Id<Practitioner>& practitioner,
                                                   Minutes from) const;

 private:
  void add_patients();
  void add_notes();
  void add_attended_visits();
  void add_tasks();
  void add_open_transition_episodes();

  // Calls fn(records, place) with each patient in scope's live records of type T and the patient's
  // place in patients_, patient by patient. The records are scattered through memory and the
  // processor waits for each, so the lists and records of the next patients are asked for
  // (prefetched) a few patients ahead: a worklist then waits for several at once instead of each
  // in turn.
  template <PatientOwned T, class Fn>
  void for_each_patient_list(Fn&& fn) const {
    auto records_of = [&](std::size_t place) -> const std::vector<const T*>* {
      const PatientRecordLists* lists = place < patients_.size() ? patients_[place].records : nullptr;
      return lists ? &std::get<std::vector<const T*>>(*lists) : nullptr;
    };
    for (std::size_t place = 0; place < patients_.size(); ++place) {
      if (auto* list = records_of(place + 4)) __builtin_prefetch(list);  // where the list is
      if (auto* list = records_of(place + 2)) __builtin_prefetch(list->data());
      if (auto* list = records_of(place + 1))
        for (const T* record : *list)
          for (std::size_t line = 0; line < sizeof(T); line += 64)
            __builtin_prefetch(reinterpret_cast<const char*>(record) + line);
      if (auto* list = records_of(place)) fn(*list, place);
    }
  }

  // In id order (table order for the whole clinic); filled once, so the facts never move.
  std::vector<PatientFacts> patients_;
  // Where each one's facts are in patients_, by id: open addressing over a power-of-two table of
  // small entries (the id's hash, and its place + 1; 0 is free). The table stays in the processor's
  // cache, where a node map cost a miss per lookup before it even read the patient's id.
  struct FactsSlot {
    std::uint32_t hash = 0;
    std::uint32_t place = 0;
  };
  std::vector<FactsSlot> facts_by_id_;
  std::size_t in_scope_appointments_ = 0;  // their live appointments, all told
  // A handful of statuses and kinds: a short list compared by == beats a map per record.
  template <class T>
  using Groups = std::vector<std::pair<std::string, std::vector<T>>>;
  Groups<const Task*> tasks_by_kind_;
  std::vector<TransitionEpisode> open_transition_episodes_;
};

struct ItemKind {
  const char* name;   // WorkItem::kind
  const char* title;  // a heading for the kind's items, e.g. "Appointments to confirm"
  void (*collect)(const WorklistContext& context, std::vector<WorkItem>& out);
};

// Every kind, in the order items due the same day are listed.
const std::vector<ItemKind>& item_kinds();

}  // namespace core
