// State's per-patient index of records (State::records_of) and of measure series
// (State::measure_series) against a full scan of every table,
// after each create, update, move to another patient, delete, undo, a tentative apply rolled back,
// a replay from disk, and a copy or assignment of the State.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include "model_fixture.hpp"

using core::EntityType;
using model_test::Fixture;
using nlohmann::json;

namespace {

using IdsByPatient = std::map<std::string, std::vector<std::string>>;  // patient id -> record ids, in id order

// What the index should hold for type T: every live record, by its patient, in table order.
template <class T>
IdsByPatient scanned(const core::State& state) {
  IdsByPatient out;
  for (const auto& [id, record] : state.table<T>())
    if (!record.deleted) out[record.patient.value].push_back(id.value);
  return out;
}

// What it holds, checking each pointer is this State's own live record.
template <class T>
IdsByPatient indexed(const core::State& state) {
  IdsByPatient out;
  for (const auto& [patient, lists] : state.records_by_patient)
    for (const T* record : std::get<std::vector<const T*>>(lists)) {
      CHECK(state.find(record->id) == record);
      out[patient].push_back(record->id.value);
    }
  return out;
}

template <class T>
void check_type(const core::State& state) {
  if constexpr (core::PatientOwned<T>) {
    CAPTURE(core::entity_name(T::kType));
    const IdsByPatient expected = scanned<T>(state);
    CHECK(indexed<T>(state) == expected);
    for (const auto& [patient, ids] : expected) {
      std::vector<std::string> found;
      for (const T* record : state.records_of<T>(core::Id<core::Patient>{patient})) found.push_back(record->id.value);
      CHECK(found == ids);
    }
  }
}

using SeriesByMeasure = std::map<std::pair<std::string, std::string>, std::vector<std::string>>;  // (patient, measure) -> ids

// What the measure series should hold: each live measurement with a value and a readable time,
// by patient and measure (lower case, spaces dropped), ordered by time, then id.
SeriesByMeasure scanned_series(const core::State& state) {
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<core::Minutes, std::string>>> timed;
  for (const auto& [id, m] : state.table<core::Measurement>()) {
    const auto at = core::parse_wall_time(m.taken_at);
    if (m.deleted || !m.value || !at) continue;
    std::string measure;
    for (char ch : m.type.str())
      if (ch != ' ') measure += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    timed[{m.patient.value, measure}].emplace_back(*at, id.value);
  }
  SeriesByMeasure out;
  for (auto& [key, points] : timed) {
    std::sort(points.begin(), points.end());
    for (const auto& point : points) out[key].push_back(point.second);
  }
  return out;
}

// What State holds, from its per-patient lists, and what measure_series() answers for each.
SeriesByMeasure indexed_series(const core::State& state) {
  SeriesByMeasure out;
  for (const auto& [patient, lists] : state.records_by_patient)
    for (const core::MeasureSeries& s : std::get<core::PatientMeasures>(lists).series) {
      std::vector<std::string>& ids = out[{patient, s.key}];
      for (const core::TimedMeasurement& t : s.points) {
        CHECK(state.find(t.measurement->id) == t.measurement);
        ids.push_back(t.measurement->id.value);
      }
      CHECK(&state.measure_series(core::Id<core::Patient>{patient}, s.key) == &s.points);
    }
  return out;
}

void check_every_type(const core::State& state) {
#define LIAISON_CHECK_TYPE(T, name) check_type<core::T>(state);
  LIAISON_ENTITIES(LIAISON_CHECK_TYPE)
#undef LIAISON_CHECK_TYPE
  CHECK(indexed_series(state) == scanned_series(state));
}

// A patient id the patient table lacks, of one of the lengths the one-pass build keeps apart
// (PatientSlots holds ids of up to 48 characters in its own table): short, 48, and longer.
std::string patient_elsewhere(int n) {
  std::string id = "patient-elsewhere-" + std::to_string(n);
  if (n % 3 == 1) id.resize(48, 'x');
  if (n % 3 == 2) id += std::string(60, 'y');
  return id;
}

std::size_t measurements_of(const core::State& state, const std::string& patient) {
  return state.records_of<core::Measurement>(core::Id<core::Patient>{patient}).size();
}

}  // namespace

TEST_CASE("records of a patient agree with a full scan after every kind of change") {
  Fixture f;
  const std::string ada = f.ids["$patient"];
  const std::string alan = f.create(EntityType::Patient,
                                    {{"given_name", "Alan"}, {"family_name", "Turing"}, {"birth_date", "1952-06-23"}});
  auto weight = [&](const std::string& patient, const char* taken_at, double kg) {
    return json{{"patient", patient}, {"type", "weight"}, {"value", kg}, {"unit", "kg"}, {"taken_at", taken_at}};
  };
  std::vector<std::string> made;  // measurement ids, in creation order
  auto measure = [&](const std::string& patient, const char* taken_at, double kg) {
    made.push_back(f.create(EntityType::Measurement, weight(patient, taken_at, kg)));
  };
  auto commit = [&](core::Action action) { REQUIRE(f.session->commit(std::move(action))); };
  struct Step {
    const char* what;
    std::function<void()> run;
    std::size_t of_ada, of_alan;  // live measurements of each afterwards
  };
  const std::vector<Step> steps{
      {"create twelve (ids past 9 sort out of creation order)", [&] {
         for (int i = 0; i < 12; ++i) measure(i % 3 ? ada : alan, "2026-11-01T09:00", 70 + i);
       }, 8, 4},
      {"a stay, a goal and an authorization too", [&] {
         f.create(EntityType::Encounter, {{"patient", alan}, {"kind", "inpatient"}, {"admission_date", "2026-11-02"},
                                          {"discharge_date", "2026-11-05"}});
         f.create(EntityType::Goal, {{"patient", alan}, {"description", "Weight below 80 kg"}});
         f.create(EntityType::PriorAuthorization, {{"patient", ada}, {"service", "Physical therapy"}, {"status", "requested"}});
       }, 8, 4},
      {"change a value only", [&] {
         commit(core::UpdateRecord{EntityType::Measurement, made[1], {{"value", 71.5}}});
       }, 8, 4},
      {"move one earlier, one later, one to another measure, and take one's value away", [&] {
         commit(core::UpdateRecord{EntityType::Measurement, made[4], {{"taken_at", "2026-10-01T08:00"}}});
         commit(core::UpdateRecord{EntityType::Measurement, made[5], {{"taken_at", "2026-12-01T08:00"}}});
         commit(core::UpdateRecord{EntityType::Measurement, made[7], {{"type", "Body Weight"}}});
         commit(core::UpdateRecord{EntityType::Measurement, made[8], {{"value", nullptr}, {"result", "refused"}}});
       }, 8, 4},
      {"move one to the other patient", [&] {
         commit(core::UpdateRecord{EntityType::Measurement, made[1], {{"patient", alan}}});
       }, 7, 5},
      {"delete one", [&] { commit(core::DeleteRecord{EntityType::Measurement, made[2]}); }, 6, 5},
      {"delete a goal", [&] { commit(core::DeleteRecord{EntityType::Goal, f.ids["$goal"]}); }, 6, 5},
      {"undo the goal's delete", [&] { commit(core::UndoLast{}); }, 6, 5},
      {"undo the measurement's delete", [&] { commit(core::UndoLast{}); }, 7, 5},
      {"undo the move", [&] { commit(core::UndoLast{}); }, 8, 4},
      {"replay from disk", [&] {
         f.session.reset();
         auto reopened = core::Session::open(f.storage, f.clock, {"casey.coordinator"});
         REQUIRE(reopened);
         f.session = std::move(reopened.value());
       }, 8, 4},
  };
  for (const Step& step : steps) {
    const std::string what = step.what;
    CAPTURE(what);
    step.run();
    check_every_type(f.session->state());
    CHECK(measurements_of(f.session->state(), ada) == step.of_ada);
    CHECK(measurements_of(f.session->state(), alan) == step.of_alan);
  }
  // A tentative apply rolled back with forget() leaves the index as it was.
  core::State tentative = f.session->state();
  core::apply(tentative, core::Change{{}, {}, {}, EntityType::Measurement, "measurement-tentative",
                                      weight(ada, "2026-11-03T08:00", 69)});
  CHECK(measurements_of(tentative, ada) == 9);
  check_every_type(tentative);
  core::forget(tentative, EntityType::Measurement, "measurement-tentative");
  CHECK(measurements_of(tentative, ada) == 8);
  check_every_type(tentative);
  // The pointers of a copy point into the copy, and survive the original being changed.
  core::State copy = f.session->state();
  commit(core::DeleteRecord{EntityType::Measurement, made[1]});
  check_every_type(copy);
  CHECK(measurements_of(copy, ada) == 8);
  check_every_type(f.session->state());
  CHECK(measurements_of(f.session->state(), ada) == 7);
  core::State assigned;
  assigned = copy;
  check_every_type(assigned);
  CHECK(measurements_of(assigned, ada) == 8);
  CHECK(measurements_of(assigned, "no-such-patient") == 0);
}

TEST_CASE("the index built at once holds every patient's records, in any id order, known patients or not") {
  // Records reach a store before their patient (a sync in progress, a partial import), and ids in
  // a table seldom follow patients: the index built in one pass (reindex(), a copy) must take any
  // number of patient ids in any order.
  core::State state;
  core::apply(state, core::Change{{}, {}, {}, EntityType::Patient, "patient-a", {{"given_name", "Ada"}}});
  for (int i = 0; i < 600; ++i) {
    json fields{{"type", "weight"}, {"value", 70}, {"unit", "kg"}, {"taken_at", "2026-11-01T09:00"}};
    if (i % 10 != 0) fields["patient"] = i % 3 == 0 ? std::string("patient-a") : patient_elsewhere(i % 250);
    const std::string id = "measurement-" + std::to_string((i * 7919) % 1000);  // ids in no patient's order
    core::apply(state, core::Change{{}, {}, {}, EntityType::Measurement, id, fields});
  }
  check_every_type(state);  // as applied, record by record
  state.reindex();
  check_every_type(state);
  const core::State copy = state;
  check_every_type(copy);
  CHECK(measurements_of(copy, "patient-a") == 180);
  for (int n : {1, 2, 3}) CHECK(measurements_of(copy, patient_elsewhere(n)) == 2);
  CHECK(measurements_of(copy, "") == 60);
}
