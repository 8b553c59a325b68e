// The in-memory state: what replaying the journal from empty produces. apply() is the only
// function that changes it and is deterministic in (state, change), so every replica that has
// seen the same Changes holds the same State.
#pragma once
#include <map>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/appointments_by_start.hpp"
#include "core/change.hpp"
#include "core/measure_series.hpp"
#include "core/model/entities.hpp"
#include "core/table.hpp"
#include "core/time_zone.hpp"

namespace core {

// A record that belongs to one patient: it has a `patient` field holding the patient's id.
template <class T>
concept PatientOwned = requires(const T& record) {
  requires std::is_same_v<std::remove_cvref_t<decltype(record.patient)>, Id<Patient>>;
};

// One patient's live records of every type, each list in id order (the order a table scan meets
// them), and last their measurements by measure. Types that do not belong to a patient keep an
// empty list.
#define LIAISON_RECORD_LIST_ENTRY(T, name) std::vector<const T*>,
using PatientRecordLists = std::tuple<LIAISON_ENTITIES(LIAISON_RECORD_LIST_ENTRY) PatientMeasures>;
#undef LIAISON_RECORD_LIST_ENTRY

// Live records of one type by the value of one of their text fields, each list in id order.
// Records whose field is empty are not listed.
template <class T>
using RecordsByText = std::unordered_map<std::string, std::vector<const T*>>;

struct State {
#define LIAISON_TABLE_ENTRY(T, name) Table<T>,
  std::tuple<LIAISON_ENTITIES(LIAISON_TABLE_ENTRY) int> tables;  // the int closes the list
#undef LIAISON_TABLE_ENTRY
  std::map<std::string, Id<Patient>> patients_by_mrn;  // live patients only
  // Live appointments by wall start time, pointing at the records themselves. The pointers stay
  // valid because a table's records never move (table.hpp); apply() takes a record out before it is
  // deleted or forgotten, and a copied State re-points them at its own records (see the copy constructor).
  using AppointmentsByStart = core::AppointmentsByStart;
  // By the practitioner or room they occupy (see resource_parties), ordered by key so that one kind
  // of party ("room:") is a range. A patient's are appointments_of_patient: appointments_of_party()
  // reads either.
  std::map<std::string, AppointmentsByStart> appointments_by_party;
  // By patient (keyed by patient id) and by status: the worklist reads them per patient and per
  // kind, and building a "patient:<id>" key and a find() per appointment was most of its cost.
  std::unordered_map<std::string, AppointmentsByStart> appointments_of_patient;
  std::unordered_map<std::string, AppointmentsByStart> appointments_with_status;
  // Every live patient-owned record by its patient's id (see records_of): the clinical rules and
  // the worklist read one patient's measurements, stays or authorizations without scanning the
  // whole table. Pointers again, kept the same way as the appointment indexes above.
  std::unordered_map<std::string, PatientRecordLists> records_by_patient;
  // Live records by a text field they are looked up by, pointers kept the same way: each
  // coordinator's patients, each owner's tasks, the tasks about each appointment, and the
  // WorkItemStates of each item key. One coordinator's worklist reads these instead of scanning the
  // clinic's patients, tasks and item states.
  RecordsByText<Patient> patients_by_coordinator;
  RecordsByText<Task> tasks_by_owner;
  RecordsByText<Task> tasks_by_appointment;
  RecordsByText<WorkItemState> item_states_by_key;

  State() = default;
  State(State&&) = default;
  State& operator=(State&&) = default;
  // Copies every member and rebuilds the pointer indexes above; a member added to State must be
  // copied here too, and cleared and rebuilt in reindex().
  State(const State& other);
  State& operator=(const State& other);
  // Rebuilds every index from the tables, as applying each record in table order would have
  // (for records put straight into the tables, as a binary snapshot is read).
  void reindex();

  template <class T> Table<T>& table() { return std::get<Table<T>>(tables); }
  template <class T> const Table<T>& table() const { return std::get<Table<T>>(tables); }

  // A live (not deleted) record, or nullptr.
  template <class T>
  const T* find(const Id<T>& id) const {
    auto it = table<T>().find(id);
    return it == table<T>().end() || it->second.deleted ? nullptr : &it->second;
  }
  bool exists(EntityType type, const std::string& id) const;    // live record of that type
  bool contains(EntityType type, const std::string& id) const;  // live or deleted

  const Patient* patient_with_mrn(const std::string& mrn) const;
  // A patient's live appointments, or those with a status, by wall start time (empty if none).
  const AppointmentsByStart& appointments_of(const Id<Patient>& patient) const;
  const AppointmentsByStart& appointments_in_status(const std::string& status) const;
  // The live appointments a party occupies ("patient:<id>", "practitioner:<id>", "room:<name>", as
  // appointment_parties names them), by wall start time.
  const AppointmentsByStart& appointments_of_party(const std::string& party) const;
  // The patient's live records of type T, in id order (empty if none); an empty id gives the records
  // that name no patient. T must belong to a patient.
  template <PatientOwned T>
  const std::vector<const T*>& records_of(const Id<Patient>& patient) const {
    static const std::vector<const T*> none;
    auto it = records_by_patient.find(patient.value);
    return it == records_by_patient.end() ? none : std::get<std::vector<const T*>>(it->second);
  }
  // The patient's measurements of one measure (match_key() of its name) that have a value and a
  // valid time, oldest first (empty if none).
  const std::vector<TimedMeasurement>& measure_series(const Id<Patient>& patient, std::string_view key) const {
    static const std::vector<TimedMeasurement> none;
    auto it = records_by_patient.find(patient.value);
    return it == records_by_patient.end() ? none : std::get<PatientMeasures>(it->second).with_key(key);
  }
  // The live patients assigned to a coordinator, in id order (empty if none, or if the name is empty).
  const std::vector<const Patient*>& patients_of_coordinator(const std::string& coordinator) const {
    return listed(patients_by_coordinator, coordinator);
  }
  // The live tasks a person owns, in id order (empty if none, or if the name is empty).
  const std::vector<const Task*>& tasks_owned_by(const std::string& owner) const { return listed(tasks_by_owner, owner); }
  // The live tasks about an appointment (Task::appointment), in id order.
  const std::vector<const Task*>& tasks_about(const Id<Appointment>& appointment) const {
    return listed(tasks_by_appointment, appointment.value);
  }
  // The live WorkItemStates recording a worklist item (WorkItemState::item), in id order.
  const std::vector<const WorkItemState*>& item_states_of(const std::string& item_key) const {
    return listed(item_states_by_key, item_key);
  }
  // Live patients ordered by display name (case-insensitive), then id, as lists show them.
  std::vector<const Patient*> patients_by_name() const;

  bool operator==(const State& other) const { return tables == other.tables; }

 private:
  template <class T>
  static const std::vector<const T*>& listed(const RecordsByText<T>& index, const std::string& key) {
    static const std::vector<const T*> none;
    auto it = index.find(key);
    return it == index.end() ? none : it->second;
  }
};

void apply(State& state, const Change& change);
// Removes a record entirely, as if it had never been created; only to roll back a tentative apply.
void forget(State& state, EntityType type, const std::string& id);

// The current value of every set field of a record, as a Change would carry them ({} if absent).
nlohmann::json record_fields(const State& state, EntityType type, const std::string& id);

}  // namespace core
