// State's pointer indexes of appointments (by patient, by status, by practitioner and room) against
// a full scan of the table, after each create, update, delete, undo, a replay from disk and a copy
// of the State; and the sorted list each index keeps, on its own.
#include <algorithm>
#include <functional>
#include <tuple>

#include "core/scheduling/appointment_time.hpp"
#include "model_fixture.hpp"

using core::EntityType;
using model_test::Fixture;
using nlohmann::json;

namespace {

using Entry = std::tuple<std::string, core::Minutes, std::string>;  // key, wall start, appointment id
enum class By { Patient, Status, Party };

// The keys an appointment is listed under in one index.
std::vector<std::string> keys_of(const core::Appointment& a, By by) {
  switch (by) {
    case By::Patient: return a.patient.empty() ? std::vector<std::string>{} : std::vector<std::string>{a.patient.value};
    case By::Status: return {a.status};
    case By::Party: return core::resource_parties(a);
  }
  return {};
}

// What an index should hold: every live appointment with a readable start.
std::vector<Entry> scanned(const core::State& state, By by) {
  std::vector<Entry> out;
  for (const auto& [id, a] : state.table<core::Appointment>()) {
    auto start = core::parse_wall_time(a.start);
    if (a.deleted || !start) continue;
    for (const std::string& key : keys_of(a, by)) out.emplace_back(key, *start, id.value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What it holds, checking each pointer is this State's own live record, each list is in start
// order, and appointments_of_party() reads the same lists.
template <class Index>
void add_indexed(const core::State& state, const Index& index, std::vector<Entry>& out) {
  for (const auto& [key, by_start] : index) {
    CHECK_FALSE(by_start.empty());
    CHECK(std::is_sorted(by_start.begin(), by_start.end(), [](auto& x, auto& y) { return x.first < y.first; }));
    for (const auto& [start, a] : by_start) {
      CHECK(state.find(a->id) == a);
      out.emplace_back(key, start, a->id.value);
    }
  }
}

std::vector<Entry> indexed(const core::State& state, By by) {
  std::vector<Entry> out;
  if (by == By::Patient) add_indexed(state, state.appointments_of_patient, out);
  if (by == By::Status) add_indexed(state, state.appointments_with_status, out);
  if (by == By::Party) add_indexed(state, state.appointments_by_party, out);
  for (const auto& [key, by_start] : state.appointments_by_party) CHECK(&state.appointments_of_party(key) == &by_start);
  for (const auto& [key, by_start] : state.appointments_of_patient)
    CHECK(&state.appointments_of_party(core::patient_party(key)) == &by_start);
  std::sort(out.begin(), out.end());
  return out;
}

void check_indexes(const core::State& state, std::size_t expected_live) {
  CHECK(scanned(state, By::Patient).size() == expected_live);
  for (By by : {By::Patient, By::Status, By::Party}) CHECK(indexed(state, by) == scanned(state, by));
}

}  // namespace

TEST_CASE("appointment indexes agree with a full scan after every kind of change") {
  Fixture f;
  const std::string other = f.create(EntityType::Patient,
                                     {{"given_name", "Alan"}, {"family_name", "Turing"}, {"birth_date", "1952-06-23"}});
  // Two spellings of one room: both are listed under the one party "room:exam room 2".
  auto visit = [&](const std::string& patient, const char* start, const char* end, const char* room) {
    return json{{"patient", patient}, {"practitioner", f.ids["$practitioner"]}, {"type", "office_visit"},
                {"start", start}, {"end", end}, {"time_zone", "America/Chicago"}, {"location", room}};
  };
  std::string first, second;
  struct Step {
    const char* what;
    std::function<void()> run;
    std::size_t live;  // live appointments afterwards
  };
  const std::vector<Step> steps{
      {"create two", [&] {
         first = f.create(EntityType::Appointment, visit(f.ids["$patient"], "2026-12-01T09:00", "2026-12-01T09:30", "Exam Room 2"));
         second = f.create(EntityType::Appointment, visit(f.ids["$patient"], "2026-12-02T10:00", "2026-12-02T10:30", "exam room 2"));
       }, 2},
      {"create for another patient", [&] {
         f.create(EntityType::Appointment, visit(other, "2026-12-03T11:00", "2026-12-03T11:30", ""));
       }, 3},
      {"change status and start", [&] {
         REQUIRE(f.session->commit(core::UpdateRecord{EntityType::Appointment, first,
                                                      {{"status", "confirmed"}, {"start", "2026-12-01T14:00"},
                                                       {"end", "2026-12-01T14:30"}}}));
       }, 3},
      {"move to the other patient", [&] {
         REQUIRE(f.session->commit(core::UpdateRecord{EntityType::Appointment, second, {{"patient", other}}}));
       }, 3},
      {"delete", [&] { REQUIRE(f.session->commit(core::DeleteRecord{EntityType::Appointment, first})); }, 2},
      {"undo the delete", [&] { REQUIRE(f.session->commit(core::UndoLast{})); }, 3},
      {"undo the move", [&] { REQUIRE(f.session->commit(core::UndoLast{})); }, 3},
      {"undo the status change", [&] { REQUIRE(f.session->commit(core::UndoLast{})); }, 3},
      {"replay from disk", [&] {
         f.session.reset();
         auto reopened = core::Session::open(f.storage, f.clock, {"casey.coordinator"});
         REQUIRE(reopened);
         f.session = std::move(reopened.value());
       }, 3},
  };
  for (const Step& step : steps) {
    CAPTURE(step.what);
    step.run();
    check_indexes(f.session->state(), step.live);
  }
  // The pointers of a copy point into the copy, and survive the original being changed.
  core::State copy = f.session->state();
  REQUIRE(f.session->commit(core::DeleteRecord{EntityType::Appointment, second}));
  check_indexes(copy, 3);
  check_indexes(f.session->state(), 2);
  core::State assigned;
  assigned = copy;
  check_indexes(assigned, 3);
}

TEST_CASE("an index list keeps start order, and equal starts in the order they came") {
  core::Appointment a, b, c, d;
  core::AppointmentsByStart list;
  list.insert(600, &a);
  list.insert(540, &b);  // before the end: put in its place
  list.insert(600, &c);  // an equal start goes after the one already there
  list.insert(540, &d);
  using Entry = core::AppointmentsByStart::Entry;
  CHECK(std::vector<Entry>(list.begin(), list.end()) == std::vector<Entry>{{540, &b}, {540, &d}, {600, &a}, {600, &c}});
  CHECK(list.lower_bound(600) - list.begin() == 2);
  CHECK(list.upper_bound(540) - list.begin() == 2);
  CHECK(list.lower_bound(601) == list.end());
  CHECK_FALSE(list.erase(600, &b));  // not at that start: nothing taken out
  CHECK(list.erase(600, &c));
  CHECK(list.erase(540, &b));
  CHECK(std::vector<Entry>(list.begin(), list.end()) == std::vector<Entry>{{540, &d}, {600, &a}});
  CHECK(list.size() == 2);
}
