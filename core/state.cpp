#include "state.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string_view>

#include "core/patient_slots.hpp"
#include "core/run_both.hpp"
#include "core/scheduling/appointment_time.hpp"

namespace core {
namespace {

std::string folded(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <class T>
void set_fields(T& record, const nlohmann::json& fields) {
  for (const auto& [name, value] : fields.items()) {
    if (name == "deleted") {
      record.deleted = value.is_boolean() && value.template get<bool>();
      continue;
    }
    // Values are checked again here: a Change from another device or an older version must never
    // crash the replay. Unknown fields (from a newer version) are ignored.
    const FieldSpec<T>* spec = T::schema().field(name);
    if (!spec) continue;
    if (value.is_null()) {
      spec->set(record, nullptr);
    } else if (Checked c = spec->check(value); c.problem.empty()) {
      spec->set(record, c.value);
    }
  }
}

void index_patient(State& state, const Patient& before, const Patient& after) {
  if (!before.mrn.empty()) {
    auto it = state.patients_by_mrn.find(before.mrn);
    if (it != state.patients_by_mrn.end() && it->second == before.id) state.patients_by_mrn.erase(it);
  }
  if (!after.mrn.empty() && !after.deleted) state.patients_by_mrn[after.mrn] = after.id;
}

// Takes `record` out of one by-start list of an appointment index, dropping the list when it empties.
template <class Index>
void unlink(Index& index, const std::string& key, Minutes start, const Appointment* record) {
  auto list = index.find(key);
  if (list == index.end()) return;
  list->second.erase(start, record);
  if (list->second.empty()) index.erase(list);
}

void link(State& state, const Appointment& record) {
  auto start = parse_wall_time(record.start);
  if (!start || record.deleted) return;
  if (!record.patient.empty()) state.appointments_of_patient[record.patient.value].insert(*start, &record);
  state.appointments_with_status[record.status].insert(*start, &record);
  for (const std::string& key : resource_parties(record)) state.appointments_by_party[key].insert(*start, &record);
}

// `before` is a copy of `record` as it was; `record` is the live one the pointer indexes hold.
void index_appointment(State& state, const Appointment& before, const Appointment& record) {
  const Appointment& after = record;
  if (before == after) return;
  if (auto start = parse_wall_time(before.start); start && !before.deleted) {
    if (!before.patient.empty()) unlink(state.appointments_of_patient, before.patient.value, *start, &record);
    unlink(state.appointments_with_status, before.status, *start, &record);
    for (const std::string& key : resource_parties(before)) unlink(state.appointments_by_party, key, *start, &record);
  }
  link(state, record);
}

// Adds a record to a list kept in id order, unless it is there. Records mostly arrive in id order
// (a replay, a copy), so the end is tried first.
template <class T>
void add_in_id_order(std::vector<const T*>& list, const T& record) {
  if (list.empty() || list.back()->id < record.id) {
    list.push_back(&record);
    return;
  }
  auto at = std::lower_bound(list.begin(), list.end(), record.id, [](const T* r, const Id<T>& id) { return r->id < id; });
  if (at == list.end() || *at != &record) list.insert(at, &record);
}

// Adds a live record to its patient's list.
template <PatientOwned T>
void link_to_patient(State& state, const T& record) {
  if (!record.deleted) add_in_id_order(std::get<std::vector<const T*>>(state.records_by_patient[record.patient.value]), record);
}

template <PatientOwned T>
void unlink_from_patient(State& state, const Id<Patient>& patient, const T& record) {
  auto lists = state.records_by_patient.find(patient.value);
  if (lists == state.records_by_patient.end()) return;
  auto& list = std::get<std::vector<const T*>>(lists->second);
  auto at = std::lower_bound(list.begin(), list.end(), record.id, [](const T* r, const Id<T>& id) { return r->id < id; });
  if (at != list.end() && *at == &record) list.erase(at);
}

// Moves a measurement within its patient's series (or to another patient's); `before` is a copy of
// `record` as it was (a new record's has no value, so it was in no series).
void index_measurement(State& state, const Measurement& before, const Measurement& record) {
  if (before == record) return;
  if (auto lists = state.records_by_patient.find(before.patient.value); lists != state.records_by_patient.end())
    std::get<PatientMeasures>(lists->second).remove(before, &record);
  if (!record.deleted) std::get<PatientMeasures>(state.records_by_patient[record.patient.value]).add(record);
}

// Sets the fields of a patient-owned record, moving it between patients' lists when its patient
// or its deleted flag changes (most changes touch neither, and copy nothing). A record just
// `created` is in no list yet, even one that names no patient.
template <PatientOwned T>
void set_owned_fields(State& state, T& record, const nlohmann::json& fields, bool created) {
  if (!created && !fields.contains("patient") && !fields.contains("deleted")) {
    set_fields(record, fields);
    return;
  }
  const Id<Patient> before_patient = record.patient;
  const bool was_linked = !created && !record.deleted;
  set_fields(record, fields);
  const bool is_linked = !record.deleted;
  if (!created && was_linked == is_linked && before_patient == record.patient) return;
  if (was_linked) unlink_from_patient(state, before_patient, record);
  link_to_patient(state, record);
}

// Adds a live record with a non-empty key to its list in a text index, keeping the list in id order.
template <class T>
void link_text(RecordsByText<T>& index, const std::string& key, const T& record) {
  if (!record.deleted && !key.empty()) add_in_id_order(index[key], record);
}

template <class T>
void unlink_text(RecordsByText<T>& index, const std::string& key, const T& record) {
  auto list = index.find(key);
  if (list == index.end()) return;
  auto at = std::lower_bound(list->second.begin(), list->second.end(), record.id,
                             [](const T* r, const Id<T>& id) { return r->id < id; });
  if (at != list->second.end() && *at == &record) list->second.erase(at);
  if (list->second.empty()) index.erase(list);
}

// Moves a record between the lists of a text index when its key or its deleted flag changed;
// `key_before` and `listed_before` are what they were before the change.
template <class T>
void reindex_text(RecordsByText<T>& index, const std::string& key_before, bool listed_before, const T& record,
                  const std::string& key) {
  if (listed_before == !record.deleted && key_before == key) return;
  if (listed_before) unlink_text(index, key_before, record);
  link_text(index, key, record);
}

// Links every live record of the text-indexed tables (a copied State's own records).
void link_text_tables(State& state) {
  for (const auto& [id, p] : state.table<Patient>()) link_text(state.patients_by_coordinator, p.coordinator, p);
  for (const auto& [id, t] : state.table<Task>()) {
    link_text(state.tasks_by_owner, t.owner, t);
    link_text(state.tasks_by_appointment, t.appointment.value, t);
  }
  for (const auto& [id, s] : state.table<WorkItemState>()) link_text(state.item_states_by_key, s.item, s);
}

// One table's live records grouped by patient slot, each group in id order.
template <class T>
struct GroupedByPatient {
  std::vector<const T*> records;
  std::vector<std::uint32_t> starts;  // slot s's group is records[starts[s], starts[s + 1])

  // Groups the table's live records. `visit(record)` is called on each in table order, in the scan
  // that finds them, and the place in `records` each was given is returned in that order.
  template <class Visit>
  std::vector<std::uint32_t> group(const Table<T>& table, PatientSlots& slots, Visit visit) {
    std::vector<const T*> live;  // in table (id) order
    live.reserve(table.size());
    for (const auto& [id, record] : table)
      if (!record.deleted) {
        visit(record);
        live.push_back(&record);
      }
    std::vector<std::uint32_t> place_of = slots.slots_of(live);  // each record's slot, then its place
    // A counting sort by slot, which keeps id order within each group.
    starts.assign(slots.size() + 1, 0);
    for (std::uint32_t s : place_of) ++starts[s + 1];
    for (std::size_t s = 1; s < starts.size(); ++s) starts[s] += starts[s - 1];
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    records.resize(live.size());
    for (std::size_t k = 0; k < live.size(); ++k) {
      place_of[k] = next[place_of[k]]++;
      records[place_of[k]] = live[k];
    }
    return place_of;
  }
  // Slot s's records [begin, end), for a slot met in this table or after it (then none).
  std::pair<std::uint32_t, std::uint32_t> range(std::uint32_t s) const {
    return s + 1 < starts.size() ? std::pair{starts[s], starts[s + 1]} : std::pair{0u, 0u};
  }
  void copy_to(std::uint32_t s, std::vector<const T*>& list) const {
    const auto [begin, end] = range(s);
    list.assign(records.begin() + begin, records.begin() + end);
  }
};

// Each live measurement's time and measure, read in table order while GroupedByPatient's scan has
// the record in the cache, then put at the record's place in the grouping; then each patient's
// series from those alone. The records lie in memory in table order: reading them patient by
// patient instead cost a cache miss each, and the series of a 50,000-patient clinic took 850 ms.
struct MeasuresByPlace {
  static constexpr std::uint32_t kNoSeries = ~0u;  // no value or no valid time
  struct Point {
    Minutes at = 0;
    std::uint32_t key = kNoSeries;  // in keys
  };
  std::vector<Point> points;  // in table order, then by place (placed())
  std::vector<std::string> keys;  // distinct match_key()s
  // Views of the records' types and their keys: a clinic uses a few dozen, so a list searched in
  // turn, which is quicker than hashing each type.
  std::vector<std::pair<std::string_view, std::uint32_t>> key_of_type;

  void read(const Measurement& m) {
    const auto at = series_time(m);
    points.push_back(at ? Point{*at, key_of(m.type)} : Point{});
  }
  void placed(const std::vector<std::uint32_t>& place_of) {
    std::vector<Point> by_place(points.size());
    for (std::size_t k = 0; k < points.size(); ++k) by_place[place_of[k]] = points[k];
    points = std::move(by_place);
  }
  PatientMeasures of(const std::vector<const Measurement*>& records, std::pair<std::uint32_t, std::uint32_t> range) const {
    std::vector<std::uint32_t> series_keys, sizes;  // out.series[i]'s key in keys, and its length
    auto series_of = [&](std::uint32_t key) {
      return static_cast<std::size_t>(std::find(series_keys.begin(), series_keys.end(), key) - series_keys.begin());
    };
    for (std::uint32_t place = range.first; place < range.second; ++place) {
      const std::uint32_t key = points[place].key;
      if (key == kNoSeries) continue;
      const std::size_t i = series_of(key);
      if (i == series_keys.size()) {
        series_keys.push_back(key);
        sizes.push_back(0);
      }
      ++sizes[i];
    }
    PatientMeasures out;
    out.series.resize(series_keys.size());
    for (std::size_t i = 0; i < series_keys.size(); ++i) {
      out.series[i].key = keys[series_keys[i]];
      out.series[i].points.reserve(sizes[i]);
    }
    for (std::uint32_t place = range.first; place < range.second; ++place)
      if (const Point& p = points[place]; p.key != kNoSeries) out.series[series_of(p.key)].points.push_back({p.at, records[place]});
    // In id order already, and mostly in time order: a stable sort by time leaves equal times in
    // id order, and is skipped where there is nothing to sort.
    const auto earlier = [](const TimedMeasurement& a, const TimedMeasurement& b) { return a.at < b.at; };
    for (MeasureSeries& s : out.series)
      if (!std::is_sorted(s.points.begin(), s.points.end(), earlier)) std::stable_sort(s.points.begin(), s.points.end(), earlier);
    return out;
  }

 private:
  std::uint32_t key_of(std::string_view type) {
    for (const auto& [known, key] : key_of_type)
      if (known == type) return key;
    const std::string key = match_key(type);
    const auto k = static_cast<std::uint32_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
    if (k == keys.size()) keys.push_back(key);
    key_of_type.emplace_back(type, k);
    return k;
  }
};

// Whether link_records_to_patients() lists the records of T; measurements are grouped apart,
// with their series (measurements_of_patients()).
template <class T>
constexpr bool kListedByTable = PatientOwned<T> && !std::is_same_v<T, Measurement>;

// Fills records_by_patient, which must be empty, from the tables but the measurements. Each table
// is grouped by patient first, then each patient's lists are filled together, each allocated once
// at its size: adding record by record reached each patient's lists once per table and grew them
// step by step, and the lookups and cache misses were most of the time a large store took to open.
void link_records_to_patients(State& state) {
  PatientSlots slots(state.table<Patient>().size());
#define LIAISON_GROUPED_ENTRY(T, name) GroupedByPatient<T>,
  std::tuple<LIAISON_ENTITIES(LIAISON_GROUPED_ENTRY) int> grouped;  // the int closes the list
#undef LIAISON_GROUPED_ENTRY
  for_each_entity([&]<class T>() {
    if constexpr (kListedByTable<T>) std::get<GroupedByPatient<T>>(grouped).group(state.table<T>(), slots, [](const T&) {});
  });
  state.records_by_patient.reserve(slots.size());
  for (std::uint32_t s = 0; s < slots.size(); ++s) {
    PatientRecordLists& lists = state.records_by_patient[slots.id(s)];
    for_each_entity([&]<class T>() {
      if constexpr (kListedByTable<T>) std::get<GroupedByPatient<T>>(grouped).copy_to(s, std::get<std::vector<const T*>>(lists));
    });
  }
}

// One patient's measurements, as records_by_patient lists them and as series.
struct PatientMeasurements {
  std::string patient;
  std::vector<const Measurement*> records;  // in id order
  PatientMeasures series;
};

// Every patient's measurements, grouped as link_records_to_patients() groups the other tables, and
// their series. The measurements are the largest table: grouping them on the other thread, beside
// the appointments (link_all()), evens out the two threads' work.
std::vector<PatientMeasurements> measurements_of_patients(const State& state) {
  PatientSlots slots(state.table<Patient>().size());
  MeasuresByPlace measures;
  measures.points.reserve(state.table<Measurement>().size());
  GroupedByPatient<Measurement> grouped;
  measures.placed(grouped.group(state.table<Measurement>(), slots, [&](const Measurement& m) { measures.read(m); }));
  std::vector<PatientMeasurements> out;
  out.reserve(slots.size());
  for (std::uint32_t s = 0; s < slots.size(); ++s)
    if (const auto range = grouped.range(s); range.first != range.second) {
      PatientMeasurements& patient = out.emplace_back();
      patient.patient = slots.id(s);
      grouped.copy_to(s, patient.records);
      patient.series = measures.of(grouped.records, range);
    }
  return out;
}

// Links every live appointment into the by-start indexes: each list in start order, then id order,
// as applying them in id order would. They are sorted first, so that each list is filled by
// appending. Every list an appointment goes to is found before any is filled (its patient's by slot,
// see patient_slots.hpp; its status's, practitioner's and room's numbered as first met, each key
// looked up once per distinct value, as thousands of appointments share each), so that each list
// is allocated once at its size. Growing them entry by entry, with a lookup in the status index
// for each appointment, made this a third slower at 50,000 patients (a median of 223-285 ms
// against 174-191). The patients' lists are moved into their index at the end. The parties are
// resource_parties(), read off the fields directly.
void link_appointments(State& state) {
  std::vector<std::pair<Minutes, const Appointment*>> by_start;
  for (const auto& [id, a] : state.table<Appointment>())
    if (auto start = parse_wall_time(a.start); start && !a.deleted) by_start.emplace_back(*start, &a);
  std::stable_sort(by_start.begin(), by_start.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<const Appointment*> in_order;
  in_order.reserve(by_start.size());
  for (const auto& entry : by_start) in_order.push_back(entry.second);
  PatientSlots slots(state.table<Patient>().size());
  const std::vector<std::uint32_t> slot_of = slots.slots_of(in_order);

  constexpr std::uint32_t kNoList = UINT32_MAX;
  std::vector<AppointmentsByStart*> lists;  // the status, practitioner and room lists, by number
  std::unordered_map<std::string_view, std::uint32_t> statuses, practitioners, rooms;
  // Two raw values may name one list ("Room 2" and "room 2"), which is numbered once.
  auto number = [&](std::unordered_map<std::string_view, std::uint32_t>& found, std::string_view raw, auto list) {
    auto [at, added] = found.try_emplace(raw, 0);
    if (added) {
      AppointmentsByStart* named = &list();
      at->second = static_cast<std::uint32_t>(std::find(lists.begin(), lists.end(), named) - lists.begin());
      if (at->second == lists.size()) lists.push_back(named);
    }
    return at->second;
  };
  std::vector<std::array<std::uint32_t, 3>> lists_of(in_order.size());
  for (std::size_t k = 0; k < in_order.size(); ++k) {
    const Appointment* a = in_order[k];
    const std::string& practitioner = a->practitioner.value;
    lists_of[k] = {
        number(statuses, a->status, [&]() -> auto& { return state.appointments_with_status[a->status]; }),
        practitioner.empty() ? kNoList : number(practitioners, practitioner, [&]() -> auto& {
          return state.appointments_by_party[practitioner_party(practitioner)];
        }),
        a->location.empty() ? kNoList : number(rooms, a->location, [&]() -> auto& {
          return state.appointments_by_party[room_party(a->location)];
        })};
  }
  std::vector<std::size_t> list_sizes(lists.size()), patient_sizes(slots.size());
  for (std::size_t k = 0; k < in_order.size(); ++k) {
    ++patient_sizes[slot_of[k]];
    for (const std::uint32_t list : lists_of[k])
      if (list != kNoList) ++list_sizes[list];
  }
  for (std::size_t list = 0; list < lists.size(); ++list) lists[list]->reserve(list_sizes[list]);
  std::vector<AppointmentsByStart> of_patient(slots.size());
  for (std::uint32_t s = 0; s < slots.size(); ++s) of_patient[s].reserve(patient_sizes[s]);
  for (std::size_t k = 0; k < by_start.size(); ++k) {
    const auto [start, a] = by_start[k];
    of_patient[slot_of[k]].insert(start, a);
    for (const std::uint32_t list : lists_of[k])
      if (list != kNoList) lists[list]->insert(start, a);
  }
  state.appointments_of_patient.reserve(slots.size());
  for (std::uint32_t s = 0; s < slots.size(); ++s)
    if (!slots.id(s).empty()) state.appointments_of_patient.emplace(slots.id(s), std::move(of_patient[s]));
}

// Builds the indexes, which must be empty, from the state's own records; patients_by_mrn only when
// `all` (a copy copies it). The two halves read the tables and write different indexes, so they
// run at once (see run_both.hpp); the measurements and their series join the patients' lists at
// the end.
void link_all(State& state, bool all) {
  std::vector<PatientMeasurements> measurements;
  auto link_appointments_mrns_and_measurements = [&] {
    link_appointments(state);
    if (all)
      for (const auto& [id, p] : state.table<Patient>())
        if (!p.mrn.empty() && !p.deleted) state.patients_by_mrn[p.mrn] = id;
    measurements = measurements_of_patients(state);
  };
  auto link_the_rest = [&] {
    link_records_to_patients(state);
    link_text_tables(state);
  };
  run_both(link_appointments_mrns_and_measurements, link_the_rest);
  for (PatientMeasurements& of_patient : measurements) {
    PatientRecordLists& lists = state.records_by_patient[of_patient.patient];
    std::get<std::vector<const Measurement*>>(lists) = std::move(of_patient.records);
    std::get<PatientMeasures>(lists) = std::move(of_patient.series);
  }
}

}  // namespace

State::State(const State& other)
    : tables(other.tables), patients_by_mrn(other.patients_by_mrn) {
  link_all(*this, false);
}

void State::reindex() {
  patients_by_mrn.clear();
  appointments_by_party.clear();
  appointments_of_patient.clear();
  appointments_with_status.clear();
  records_by_patient.clear();
  patients_by_coordinator.clear();
  tasks_by_owner.clear();
  tasks_by_appointment.clear();
  item_states_by_key.clear();
  link_all(*this, true);
}

State& State::operator=(const State& other) {
  if (this != &other) *this = State(other);
  return *this;
}

const State::AppointmentsByStart& State::appointments_of(const Id<Patient>& patient) const {
  static const AppointmentsByStart none;
  auto it = appointments_of_patient.find(patient.value);
  return it == appointments_of_patient.end() ? none : it->second;
}

const State::AppointmentsByStart& State::appointments_in_status(const std::string& status) const {
  static const AppointmentsByStart none;
  auto it = appointments_with_status.find(status);
  return it == appointments_with_status.end() ? none : it->second;
}

const State::AppointmentsByStart& State::appointments_of_party(const std::string& party) const {
  static const AppointmentsByStart none;
  constexpr std::string_view kPatient = "patient:";
  if (party.starts_with(kPatient)) return appointments_of(Id<Patient>{party.substr(kPatient.size())});
  auto it = appointments_by_party.find(party);
  return it == appointments_by_party.end() ? none : it->second;
}

bool State::exists(EntityType type, const std::string& id) const {
  return visit_entity(type, [&]<class T>() { return find(Id<T>{id}) != nullptr; });
}

bool State::contains(EntityType type, const std::string& id) const {
  return visit_entity(type, [&]<class T>() { return table<T>().count(Id<T>{id}) > 0; });
}

const Patient* State::patient_with_mrn(const std::string& mrn) const {
  auto it = patients_by_mrn.find(mrn);
  return it == patients_by_mrn.end() ? nullptr : find(it->second);
}

std::vector<const Patient*> State::patients_by_name() const {
  std::vector<std::pair<std::string, const Patient*>> keyed;
  for (const auto& [id, p] : table<Patient>())
    if (!p.deleted) keyed.emplace_back(folded(p.display_name()), &p);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  std::vector<const Patient*> out;
  out.reserve(keyed.size());
  for (const auto& entry : keyed) out.push_back(entry.second);
  return out;
}

void apply(State& state, const Change& change) {
  visit_entity(change.entity, [&]<class T>() {
    const Id<T> id{change.entity_id};
    const bool created = PatientOwned<T> && state.table<T>().find(id) == state.table<T>().end();
    T& record = state.table<T>().find_or_add(id);
    if constexpr (std::is_same_v<T, Patient>) {
      const Patient before = record;
      set_fields(record, change.fields);
      index_patient(state, before, record);
      reindex_text(state.patients_by_coordinator, before.coordinator, !before.deleted, record, record.coordinator);
    } else if constexpr (std::is_same_v<T, Appointment>) {
      const Appointment before = record;
      set_owned_fields(state, record, change.fields, created);
      index_appointment(state, before, record);
    } else if constexpr (std::is_same_v<T, Task>) {
      const bool listed_before = !record.deleted;
      const std::string owner_before = record.owner, appointment_before = record.appointment.value;
      set_owned_fields(state, record, change.fields, created);
      reindex_text(state.tasks_by_owner, owner_before, listed_before, record, record.owner);
      reindex_text(state.tasks_by_appointment, appointment_before, listed_before, record, record.appointment.value);
    } else if constexpr (std::is_same_v<T, Measurement>) {
      const Measurement before = record;
      set_owned_fields(state, record, change.fields, created);
      index_measurement(state, before, record);
    } else if constexpr (std::is_same_v<T, WorkItemState>) {
      const bool listed_before = !record.deleted;
      const std::string item_before = record.item;
      set_owned_fields(state, record, change.fields, created);
      reindex_text(state.item_states_by_key, item_before, listed_before, record, record.item);
    } else if constexpr (PatientOwned<T>) {
      set_owned_fields(state, record, change.fields, created);
    } else {
      set_fields(record, change.fields);
    }
  });
}

void forget(State& state, EntityType type, const std::string& id) {
  apply(state, Change{{}, {}, {}, type, id, {{"deleted", true}}});  // drops it from the indexes
  visit_entity(type, [&]<class T>() { state.table<T>().erase(Id<T>{id}); });
}

nlohmann::json record_fields(const State& state, EntityType type, const std::string& id) {
  return visit_entity(type, [&]<class T>() {
    nlohmann::json out = nlohmann::json::object();
    auto it = state.table<T>().find(Id<T>{id});
    if (it == state.table<T>().end()) return out;
    for (const auto& spec : T::schema().fields)
      if (auto v = spec.get(it->second); !v.is_null()) out[spec.name] = std::move(v);
    if (it->second.deleted) out["deleted"] = true;
    return out;
  });
}

}  // namespace core
