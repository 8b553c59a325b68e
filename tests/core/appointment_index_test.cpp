// State's pointer indexes of appointments (by patient, by status) against a full scan of the
// table, after each create, update, delete, undo, a replay from disk and a copy of the State.
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

// What the indexes should hold: every live appointment with a readable start.
std::vector<Entry> scanned(const core::State& state, bool by_patient) {
  std::vector<Entry> out;
  for (const auto& [id, a] : state.table<core::Appointment>()) {
    auto start = core::parse_wall_time(a.start);
    if (a.deleted || !start || (by_patient && a.patient.empty())) continue;
    out.emplace_back(by_patient ? a.patient.value : a.status, *start, id.value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What they hold, checking each pointer is this State's own live record.
std::vector<Entry> indexed(const core::State& state, bool by_patient) {
  std::vector<Entry> out;
  for (const auto& [key, by_start] : by_patient ? state.appointments_of_patient : state.appointments_with_status) {
    CHECK_FALSE(by_start.empty());
    for (const auto& [start, a] : by_start) {
      CHECK(state.find(a->id) == a);
      out.emplace_back(key, start, a->id.value);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_indexes(const core::State& state, std::size_t expected_live) {
  CHECK(scanned(state, true).size() == expected_live);
  CHECK(indexed(state, true) == scanned(state, true));
  CHECK(indexed(state, false) == scanned(state, false));
}

}  // namespace

TEST_CASE("appointment indexes agree with a full scan after every kind of change") {
  Fixture f;
  const std::string other = f.create(EntityType::Patient,
                                     {{"given_name", "Alan"}, {"family_name", "Turing"}, {"birth_date", "1952-06-23"}});
  auto visit = [&](const std::string& patient, const char* start, const char* end) {
    return json{{"patient", patient}, {"practitioner", f.ids["$practitioner"]}, {"type", "office_visit"},
                {"start", start}, {"end", end}, {"time_zone", "America/Chicago"}};
  };
  std::string first, second;
  struct Step {
    const char* what;
    std::function<void()> run;
    std::size_t live;  // live appointments afterwards
  };
  const std::vector<Step> steps{
      {"create two", [&] {
         first = f.create(EntityType::Appointment, visit(f.ids["$patient"], "2026-12-01T09:00", "2026-12-01T09:30"));
         second = f.create(EntityType::Appointment, visit(f.ids["$patient"], "2026-12-02T10:00", "2026-12-02T10:30"));
       }, 2},
      {"create for another patient", [&] {
         f.create(EntityType::Appointment, visit(other, "2026-12-03T11:00", "2026-12-03T11:30"));
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
