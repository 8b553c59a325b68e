// The free-slot search: working hours minus holidays, days away and booked time.
#include "core/scheduling/availability.hpp"

#include "core/time_zone.hpp"
#include "model_fixture.hpp"

using model_test::Fixture;
using core::EntityType;
using nlohmann::json;

namespace {

struct Week : Fixture {
  Week() {
    create(EntityType::ClinicSettings, {{"time_zone", "America/Chicago"}});
    for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday"})
      hours(day, "09:00", "12:00", "Room 4");
    hours("monday", "13:00", "17:00", "Room 7");
  }
  void hours(const char* weekday, const char* start, const char* end, const char* location) {
    create(EntityType::WorkingHours, {{"practitioner", ids["$practitioner"]}, {"weekday", weekday}, {"start", start},
                                      {"end", end}, {"location", location}});
  }
  std::string book(const char* start, const char* end, const char* zone = "America/Chicago", const char* status = "booked") {
    return create(EntityType::Appointment, {{"patient", ids["$patient"]}, {"practitioner", ids["$practitioner"]},
                                            {"start", start}, {"end", end}, {"time_zone", zone}, {"status", status}});
  }
  // The starts of the first `count` free slots of `minutes` from `from` to `to`.
  std::vector<std::string> starts(int minutes, const char* from, const char* to = "2026-12-31", std::size_t count = 3,
                                  const char* not_before = nullptr) {
    core::SlotQuery q;
    q.practitioner = core::Id<core::Practitioner>{ids["$practitioner"]};
    q.duration_minutes = minutes;
    q.from = *core::parse_civil_date(from);
    q.to = *core::parse_civil_date(to);
    q.max_results = count;
    if (not_before) q.not_before = core::parse_wall_time(not_before);
    std::vector<std::string> out;
    for (const auto& slot : core::next_free_slots(session->state(), q)) {
      CHECK(slot.time_zone == "America/Chicago");
      out.push_back(slot.start);
    }
    return out;
  }
};

using Starts = std::vector<std::string>;

}  // namespace

TEST_CASE("availability: the first slots of the week, on the slot step, inside working hours") {
  Week w;
  // Saturday 28 November: the first working day is Monday.
  CHECK(w.starts(30, "2026-11-28") == Starts{"2026-11-30T09:00", "2026-11-30T09:15", "2026-11-30T09:30"});
  // Four hours fit only in Monday afternoon.
  CHECK(w.starts(240, "2026-11-28", "2026-12-31", 2) == Starts{"2026-11-30T13:00", "2026-12-07T13:00"});
  // A slot never runs past the end of the hours: the last 30-minute slot of a morning starts at 11:30.
  auto morning = w.starts(30, "2026-12-01", "2026-12-01", 20);
  REQUIRE(!morning.empty());
  CHECK(morning.back() == "2026-12-01T11:30");
  CHECK(morning.size() == 11);
  // Not before a given time (now): the next quarter hour.
  CHECK(w.starts(30, "2026-11-30", "2026-12-31", 1, "2026-11-30T10:05") == Starts{"2026-11-30T10:15"});
  // Nothing longer than any block.
  CHECK(w.starts(300, "2026-11-28").empty());
}

TEST_CASE("availability: booked time is skipped, cancelled time is free again") {
  Week w;
  const std::string booked = w.book("2026-11-30T09:00", "2026-11-30T09:45");
  CHECK(w.starts(30, "2026-11-30") == Starts{"2026-11-30T09:45", "2026-11-30T10:00", "2026-11-30T10:15"});
  // A telehealth visit set in New York at 10:00 is 09:00 in Chicago.
  w.book("2026-12-01T10:00", "2026-12-01T11:00", "America/New_York");
  CHECK(w.starts(60, "2026-12-01", "2026-12-01", 1) == Starts{"2026-12-01T10:00"});
  REQUIRE(w.session->commit(core::UpdateRecord{EntityType::Appointment, booked, {{"status", "cancelled"}}}));
  CHECK(w.starts(30, "2026-11-30", "2026-12-31", 1) == Starts{"2026-11-30T09:00"});
}

TEST_CASE("availability: clinic holidays and days away are skipped") {
  Week w;
  w.create(EntityType::ClinicHoliday, {{"date", "2026-11-30"}, {"name", "Staff training day"}});
  CHECK(w.starts(30, "2026-11-28", "2026-12-31", 1) == Starts{"2026-12-01T09:00"});
  w.create(EntityType::Unavailability, {{"practitioner", w.ids["$practitioner"]}, {"from_date", "2026-12-01"},
                                        {"to_date", "2026-12-03"}, {"reason", "leave"}});
  CHECK(w.starts(30, "2026-11-28", "2026-12-31", 1) == Starts{"2026-12-04T09:00"});
  CHECK(w.starts(30, "2026-11-28", "2026-12-03").empty());
}

TEST_CASE("availability: no slot starts in the hour the clocks skip") {
  Week w;
  w.hours("sunday", "01:00", "04:00", "Room 4");
  // 14 March 2027: Chicago's clocks go from 02:00 to 03:00. The 01:45 slot lasts its real 30
  // minutes and ends at 03:15; no slot starts at 02:00-02:45.
  CHECK(w.starts(30, "2027-03-14", "2027-03-14", 6) == Starts{"2027-03-14T01:00", "2027-03-14T01:15", "2027-03-14T01:30",
                                                             "2027-03-14T01:45", "2027-03-14T03:00", "2027-03-14T03:15"});
}

TEST_CASE("availability: overlapping working hours for one weekday are refused") {
  Week w;
  auto refused = w.session->commit(core::CreateRecord{
      EntityType::WorkingHours,
      {{"practitioner", w.ids["$practitioner"]}, {"weekday", "monday"}, {"start", "11:00"}, {"end", "14:00"}}});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().fields.at(0).message.find("These hours overlap the practitioner's monday hours") == 0);
}
