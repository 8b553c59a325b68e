// Double bookings: a patient, a practitioner or a room can hold only one appointment at a time.
#include "model_fixture.hpp"

using model_test::Fixture;
using core::EntityType;
using nlohmann::json;

namespace {

struct Clinic : Fixture {
  std::string other_patient, other_practitioner, existing;
  Clinic() {
    other_patient = create(EntityType::Patient, {{"given_name", "Mary"}, {"family_name", "Jones"}, {"birth_date", "1950-01-02"}});
    other_practitioner = create(EntityType::Practitioner, {{"name", "Dr. Sam Lee"}, {"role", "physician"}});
    existing = create(EntityType::Appointment, resolve(R"({"patient": "$patient", "practitioner": "$practitioner",
        "location": "Room 4", "type": "office_visit", "start": "2026-12-03T09:00", "end": "2026-12-03T09:30",
        "time_zone": "America/Chicago"})"));
  }
  // Who the new appointment involves: "practitioner" (same practitioner, other patient, other room),
  // "patient" (same patient, other practitioner), "room" (only the room is shared), "none".
  json appointment(const std::string& shares, const char* start, const char* end, const char* zone = "America/Chicago") {
    json a = {{"patient", other_patient}, {"practitioner", other_practitioner}, {"location", "Room 9"},
              {"type", "follow_up"}, {"start", start}, {"end", end}, {"time_zone", zone}};
    if (shares == "practitioner") a["practitioner"] = ids["$practitioner"];
    if (shares == "patient") a["patient"] = ids["$patient"];
    if (shares == "room") a["location"] = "room 4";  // rooms match whatever the letter case
    return a;
  }
  std::string conflict_message(const json& fields) {
    auto r = validate_new(EntityType::Appointment, fields);
    if (r) return "";
    REQUIRE(r.error().fields.size() == 1);
    CHECK(r.error().fields[0].field == "start");
    return r.error().fields[0].message;
  }
};

}  // namespace

TEST_CASE("conflicts: overlap, touching and containment, for patient, practitioner and room") {
  Clinic c;
  struct Row { const char* shares; const char* start; const char* end; const char* zone; const char* message; };
  const Row rows[] = {
      {"practitioner", "2026-12-03T09:00", "2026-12-03T09:30", "America/Chicago", "Dr. Rosa Diaz is already booked 2026-12-03 09:00-09:30 (office visit with Ada Lovelace)."},
      {"practitioner", "2026-12-03T09:15", "2026-12-03T09:45", "America/Chicago", "Dr. Rosa Diaz is already booked"},
      {"practitioner", "2026-12-03T08:45", "2026-12-03T09:15", "America/Chicago", "Dr. Rosa Diaz is already booked"},
      {"practitioner", "2026-12-03T08:00", "2026-12-03T10:00", "America/Chicago", "Dr. Rosa Diaz is already booked"},  // contains it
      {"practitioner", "2026-12-03T09:10", "2026-12-03T09:20", "America/Chicago", "Dr. Rosa Diaz is already booked"},  // inside it
      {"practitioner", "2026-12-03T08:30", "2026-12-03T09:00", "America/Chicago", ""},  // ends as it starts
      {"practitioner", "2026-12-03T09:30", "2026-12-03T10:00", "America/Chicago", ""},  // starts as it ends
      {"practitioner", "2026-12-04T09:00", "2026-12-04T09:30", "America/Chicago", ""},  // the next day
      {"patient", "2026-12-03T09:20", "2026-12-03T09:50", "America/Chicago", "Ada Lovelace is already booked 2026-12-03 09:00-09:30 (office visit with Dr. Rosa Diaz)."},
      {"room", "2026-12-03T09:20", "2026-12-03T09:50", "America/Chicago", "Room 4 is already booked 2026-12-03 09:00-09:30 (office visit with Ada Lovelace)."},
      {"none", "2026-12-03T09:00", "2026-12-03T09:30", "America/Chicago", ""},
      // The same instant written in another zone: 10:00 in New York is 09:00 in Chicago.
      {"practitioner", "2026-12-03T10:00", "2026-12-03T10:30", "America/New_York", "Dr. Rosa Diaz is already booked"},
      {"practitioner", "2026-12-03T10:30", "2026-12-03T11:00", "America/New_York", ""},
      {"practitioner", "2026-12-03T09:00", "2026-12-03T09:30", "America/Denver", ""},  // 10:00 Chicago
  };
  for (const Row& row : rows) {
    CAPTURE(row.shares);
    CAPTURE(row.start);
    CAPTURE(row.zone);
    const std::string message = c.conflict_message(c.appointment(row.shares, row.start, row.end, row.zone));
    if (std::string(row.message).empty()) CHECK(message == "");
    else CHECK(message.find(row.message) == 0);
  }
}

TEST_CASE("conflicts: a cancelled, missed or proposed appointment frees its slot") {
  for (const char* status : {"cancelled", "no_show", "proposed"}) {
    CAPTURE(status);
    Clinic c;
    const json same_slot = c.appointment("practitioner", "2026-12-03T09:00", "2026-12-03T09:30");
    CHECK(c.conflict_message(same_slot) != "");
    REQUIRE(c.session->commit(core::UpdateRecord{EntityType::Appointment, c.existing, {{"status", status}}}));
    CHECK(c.conflict_message(same_slot) == "");
    const std::string taken = c.create(EntityType::Appointment, same_slot);
    // Booking the freed one again now clashes with the appointment that took its place.
    auto rebook = c.session->commit(core::UpdateRecord{EntityType::Appointment, c.existing, {{"status", "booked"}}});
    REQUIRE_FALSE(rebook);
    CHECK(rebook.error().fields.at(0).message.find("Dr. Rosa Diaz is already booked 2026-12-03 09:00-09:30 (follow-up with Mary Jones)") == 0);
    // A proposed appointment in the same slot is not a booking and so is never refused.
    json proposal = c.appointment("practitioner", "2026-12-03T09:00", "2026-12-03T09:30");
    proposal["status"] = "proposed";
    CHECK(c.conflict_message(proposal) == "");
    (void)taken;
  }
}

TEST_CASE("conflicts: moving an appointment checks its new time against the others but not itself") {
  Clinic c;
  const std::string later = c.create(EntityType::Appointment, c.appointment("practitioner", "2026-12-03T10:00", "2026-12-03T10:30"));
  // Moving the existing one by ten minutes overlaps only its own old time: allowed.
  REQUIRE(c.session->commit(core::UpdateRecord{EntityType::Appointment, c.existing,
                                              {{"start", "2026-12-03T09:10"}, {"end", "2026-12-03T09:40"}}}));
  // Moving it onto the later one is refused and leaves it where it was.
  auto moved = c.session->commit(core::UpdateRecord{EntityType::Appointment, c.existing,
                                                   {{"start", "2026-12-03T10:15"}, {"end", "2026-12-03T10:45"}}});
  REQUIRE_FALSE(moved);
  CHECK(moved.error().fields.at(0).message.find("Dr. Rosa Diaz is already booked 2026-12-03 10:00-10:30 (follow-up with Mary Jones)") == 0);
  CHECK(c.session->state().find(core::Id<core::Appointment>{c.existing})->start == "2026-12-03T09:10");
  // Rescheduling keeps the history: the first start time is still there.
  auto history = c.session->history(EntityType::Appointment, c.existing);
  REQUIRE(history);
  bool found = false;
  for (const auto& h : history.value())
    found = found || (h.field == "start" && h.from == "2026-12-03T09:00" && h.to == "2026-12-03T09:10");
  CHECK(found);
  (void)later;
}

TEST_CASE("appointments: a start time the clocks skip, an unknown zone and an over-long visit are refused") {
  Clinic c;
  json a = c.appointment("none", "2027-03-14T02:30", "2027-03-14T03:30");
  auto skipped = c.validate_new(EntityType::Appointment, a);
  REQUIRE_FALSE(skipped);
  CHECK(skipped.error().fields.at(0).message ==
        "2027-03-14 02:30 does not exist in America/Chicago: the clocks go forward then. Choose another time.");
  a = c.appointment("none", "2027-03-14T09:00", "2027-03-14T09:30", "America/Springfield");
  auto unknown = c.validate_new(EntityType::Appointment, a);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().fields.at(0).field == "time_zone");
  a = c.appointment("none", "2027-03-14T09:00", "2027-03-15T09:30");
  auto long_visit = c.validate_new(EntityType::Appointment, a);
  REQUIRE_FALSE(long_visit);
  CHECK(long_visit.error().fields.at(0).message == "An appointment cannot last more than 24 hours.");
}
