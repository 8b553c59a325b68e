// Recurring series: count, until, every 8 weeks, across daylight-saving changes, and editing or
// cancelling one occurrence or the rest of the series.
#include "core/scheduling/appointment_time.hpp"
#include "core/scheduling/recurrence.hpp"
#include "model_fixture.hpp"

using model_test::Fixture;
using core::EntityType;
using core::Recurrence;
using nlohmann::json;

namespace {

struct SeriesFixture : Fixture {
  json first(const char* start, const char* end, const char* zone = "America/Chicago") {
    return {{"patient", ids["$patient"]}, {"practitioner", ids["$practitioner"]}, {"type", "follow_up"},
            {"start", start}, {"end", end}, {"time_zone", zone}, {"location", "Room 4"}};
  }
  core::Result<core::Committed> book(const json& fields, Recurrence rule) {
    auto plan = core::plan_series(session->state(), fields, rule);
    if (!plan) return plan.error();
    return session->commit(plan.value());
  }
  // The live appointments of the patient, earliest first.
  std::vector<const core::Appointment*> appointments() const {
    std::vector<const core::Appointment*> out;
    for (const auto& [start, appointment] : session->state().appointments_of_party(core::patient_party(ids.at("$patient"))))
      out.push_back(appointment);
    return out;
  }
  std::vector<std::string> starts() const {
    std::vector<std::string> out;
    for (const auto* a : appointments()) out.push_back(a->start + (a->status == "cancelled" ? " cancelled" : ""));
    return out;
  }
};

Recurrence every(int n, bool weeks, std::optional<int> count, const char* until = nullptr) {
  Recurrence r;
  r.every = n;
  r.weeks = weeks;
  r.count = count;
  if (until) r.until = core::parse_civil_date(until);
  return r;
}

using Starts = std::vector<std::string>;

}  // namespace

TEST_CASE("recurrence: by count, until a date, and every 8 weeks") {
  struct Row { Recurrence rule; const char* described; Starts starts; };
  const Row rows[] = {
      {every(1, true, 4), "every week, 4 times",
       {"2026-12-01T09:00", "2026-12-08T09:00", "2026-12-15T09:00", "2026-12-22T09:00"}},
      {every(2, true, std::nullopt, "2027-01-12"), "every 2 weeks until 2027-01-12",
       {"2026-12-01T09:00", "2026-12-15T09:00", "2026-12-29T09:00", "2027-01-12T09:00"}},
      {every(8, true, 6), "every 8 weeks, 6 times",
       {"2026-12-01T09:00", "2027-01-26T09:00", "2027-03-23T09:00", "2027-05-18T09:00", "2027-07-13T09:00",
        "2027-09-07T09:00"}},
      {every(3, false, std::nullopt, "2026-12-09"), "every 3 days until 2026-12-09",
       {"2026-12-01T09:00", "2026-12-04T09:00", "2026-12-07T09:00"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.described);
    SeriesFixture f;
    CHECK(core::describe(row.rule) == row.described);
    REQUIRE(f.book(f.first("2026-12-01T09:00", "2026-12-01T09:30"), row.rule));
    CHECK(f.starts() == row.starts);
    const auto appointments = f.appointments();
    for (const auto* a : appointments) {
      CHECK(a->series == appointments.front()->series);
      CHECK(a->recurrence == row.described);
      CHECK(a->end.substr(11) == "09:30");
    }
  }
}

TEST_CASE("recurrence: a weekly 09:00 series stays at 09:00 on the wall clock across daylight-saving changes") {
  SeriesFixture f;
  REQUIRE(f.book(f.first("2027-03-02T09:00", "2027-03-02T09:30"), every(1, true, 3)));
  REQUIRE(f.book(f.first("2027-10-26T09:00", "2027-10-26T09:30"), every(1, true, 3)));
  std::vector<std::string> utc;
  for (const auto* a : f.appointments()) utc.push_back(core::format_wall_time(core::utc_interval(*a, f.session->state())->start));
  // Central standard time is UTC-6, central daylight time UTC-5 (from 14 March to 7 November 2027).
  CHECK(utc == Starts{"2027-03-02T15:00", "2027-03-09T15:00", "2027-03-16T14:00",
                      "2027-10-26T14:00", "2027-11-02T14:00", "2027-11-09T15:00"});
  // An occurrence in the skipped hour moves forward with the clocks.
  SeriesFixture g;
  REQUIRE(g.book(g.first("2027-03-13T02:30", "2027-03-13T03:00"), every(1, false, 3)));
  CHECK(g.starts() == Starts{"2027-03-13T02:30", "2027-03-14T03:30", "2027-03-15T02:30"});
}

TEST_CASE("recurrence: a clash in one occurrence refuses the whole series and names it") {
  SeriesFixture f;
  const std::string other = f.create(EntityType::Patient, {{"given_name", "Mary"}, {"family_name", "Jones"}, {"birth_date", "1950-01-02"}});
  f.create(EntityType::Appointment, {{"patient", other}, {"practitioner", f.ids["$practitioner"]},
                                     {"start", "2026-12-15T09:15"}, {"end", "2026-12-15T09:45"},
                                     {"time_zone", "America/Chicago"}});
  auto refused = f.book(f.first("2026-12-01T09:00", "2026-12-01T09:30"), every(1, true, 4));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message ==
        "Occurrence 3 (2026-12-15 09:00): The appointment was not saved: check the highlighted fields.");
  CHECK(refused.error().fields.at(0).message == "Dr. Rosa Diaz is already booked 2026-12-15 09:15-09:45 (appointment with Mary Jones).");
  CHECK(f.appointments().empty());
  // Nothing of the tentative occurrences is left in memory: it equals what the journal replays.
  auto reopened = core::Session::open(f.storage, f.clock);
  REQUIRE(reopened);
  CHECK(reopened.value()->state() == f.session->state());
}

TEST_CASE("recurrence: rules that make no sense are refused with a reason") {
  SeriesFixture f;
  struct Row { Recurrence rule; const char* message; };
  const Row rows[] = {
      {every(0, true, 4), "Repeat every 1 to 52 days or weeks."},
      {every(53, true, 4), "Repeat every 1 to 52 days or weeks."},
      {every(1, true, std::nullopt), "Choose either how many times the appointment repeats or the date it repeats until."},
      {every(1, true, 4, "2027-01-01"), "Choose either how many times the appointment repeats or the date it repeats until."},
      {every(1, true, 1), "A series has 2 to 200 appointments."},
      {every(1, true, 201), "A series has 2 to 200 appointments."},
      {every(1, true, std::nullopt, "2026-11-30"), "The series must end after its first appointment and within two years."},
      {every(1, true, std::nullopt, "2029-01-01"), "The series must end after its first appointment and within two years."},
      {every(1, true, std::nullopt, "2026-12-05"), "The series would have only one appointment; choose a later end."},
      {every(1, false, std::nullopt, "2028-11-30"), "A series has at most 200 appointments; choose an earlier end."},
  };
  for (const Row& row : rows) {
    CAPTURE(row.message);
    auto plan = core::plan_series(f.session->state(), f.first("2026-12-01T09:00", "2026-12-01T09:30"), row.rule);
    REQUIRE_FALSE(plan);
    CHECK(plan.error().message == row.message);
  }
}

TEST_CASE("recurrence: one occurrence is edited alone, the rest of the series together, with undo") {
  SeriesFixture f;
  REQUIRE(f.book(f.first("2026-12-01T09:00", "2026-12-01T09:30"), every(1, true, 5)));
  auto a = f.appointments();
  // One occurrence moves on its own.
  REQUIRE(f.session->commit(core::UpdateRecord{EntityType::Appointment, a[1]->id.value,
                                               {{"start", "2026-12-08T11:00"}, {"end", "2026-12-08T11:30"}}}));
  CHECK(f.starts() == Starts{"2026-12-01T09:00", "2026-12-08T11:00", "2026-12-15T09:00", "2026-12-22T09:00", "2026-12-29T09:00"});
  // From the third on, a week later and in another room: no occurrence clashes with a sibling's old time.
  a = f.appointments();
  auto moved = core::update_rest_of_series(f.session->state(), a[2]->id,
                                           {{"start", "2026-12-22T10:00"}, {"end", "2026-12-22T10:45"}, {"location", "Room 7"}});
  REQUIRE(moved);
  REQUIRE(f.session->commit(moved.value()));
  CHECK(f.starts() == Starts{"2026-12-01T09:00", "2026-12-08T11:00", "2026-12-22T10:00", "2026-12-29T10:00", "2027-01-05T10:00"});
  a = f.appointments();
  CHECK(a[0]->location == "Room 4");
  CHECK(a[4]->location == "Room 7");
  CHECK(a[4]->end == "2027-01-05T10:45");
  // Cancel the rest from the fourth; undo brings them back in one step.
  auto cancel = core::cancel_rest_of_series(f.session->state(), a[3]->id);
  REQUIRE(cancel);
  CHECK(cancel.value().steps.size() == 2);
  REQUIRE(f.session->commit(cancel.value()));
  CHECK(f.starts() == Starts{"2026-12-01T09:00", "2026-12-08T11:00", "2026-12-22T10:00", "2026-12-29T10:00 cancelled",
                             "2027-01-05T10:00 cancelled"});
  REQUIRE(f.session->commit(core::UndoLast{}));
  CHECK(f.starts() == Starts{"2026-12-01T09:00", "2026-12-08T11:00", "2026-12-22T10:00", "2026-12-29T10:00", "2027-01-05T10:00"});
  // An appointment outside any series has no rest.
  const std::string single = f.create(EntityType::Appointment, f.first("2027-02-01T09:00", "2027-02-01T09:30"));
  auto none = core::cancel_rest_of_series(f.session->state(), core::Id<core::Appointment>{single});
  REQUIRE_FALSE(none);
  CHECK(none.error().message == "This appointment is not part of a series.");
  auto reopened = core::Session::open(f.storage, f.clock);
  REQUIRE(reopened);
  CHECK(reopened.value()->state() == f.session->state());
}
