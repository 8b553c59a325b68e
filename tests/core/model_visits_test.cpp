// Appointment, Encounter and Referral: a complete record saves and reads back, and each kind of
// bad value is refused with its own message.
#include <doctest/doctest.h>

#include "model_fixture.hpp"

using nlohmann::json;
using core::EntityType;

using model_test::BadRow;
using model_test::check_bad_rows;
using model_test::Fixture;

TEST_CASE("appointment: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Appointment, R"({"patient": "$patient", "practitioner": "$practitioner",
      "location": "Main Street Clinic, room 4", "type": "follow_up", "status": "confirmed",
      "start": "2026-12-03T09:30", "end": "2026-12-03T10:00", "time_zone": "America/Chicago",
      "reason": "Review of blood pressure diary", "notes": "Daughter will drive."})");
}

TEST_CASE("appointment: the status is booked unless given") {
  Fixture f;
  std::string id = f.create(EntityType::Appointment, f.resolve(R"({"patient": "$patient",
      "start": "2026-12-03T23:30", "end": "2026-12-04T00:15"})"));
  const core::Appointment* a = f.session->state().find(core::Id<core::Appointment>{id});
  REQUIRE(a);
  CHECK(a->status == "booked");
}

TEST_CASE("appointment: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "practitioner": "$practitioner", "type": "telehealth",
      "status": "booked", "start": "2026-12-03T09:30", "end": "2026-12-03T10:00", "time_zone": "America/Chicago"})";
  check_bad_rows(f, EntityType::Appointment, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"practitioner": "$organization"})", "practitioner", "refers to a practitioner that does not exist"},
      {R"({"type": "walk_in"})", "type", "Choose the type from: office_visit, follow_up, home_visit"},
      {R"({"status": "pending"})", "status", "Choose the status from: proposed, booked, confirmed"},
      {R"({"start": null})", "start", "Enter the start time."},
      {R"({"end": ""})", "end", "Enter the end time."},
      {R"({"start": "2026-12-03 09:30"})", "start", "Use the form YYYY-MM-DDTHH:MM for the start time"},
      {R"({"start": "2026-12-03"})", "start", "Use the form YYYY-MM-DDTHH:MM"},
      {R"({"end": "2026-12-03T24:00"})", "end", "Use the form YYYY-MM-DDTHH:MM for the end time"},
      {R"({"end": "2026-02-30T10:00"})", "end", "Use the form YYYY-MM-DDTHH:MM"},
      {R"({"end": "2026-12-03T09:30"})", "end", "The end time must be after the start time."},
      {R"({"end": "2026-12-02T10:00"})", "end", "The end time must be after the start time."},
      {R"({"time_zone": ")" + std::string(65, 'z') + R"("})", "time_zone", "longer than 64 characters"},
  });
}

TEST_CASE("appointment: moving the start past the saved end is refused") {
  Fixture f;
  std::string id = f.check_saved(EntityType::Appointment, R"({"patient": "$patient", "status": "booked",
      "start": "2026-12-03T09:30", "end": "2026-12-03T10:00"})");
  auto refused = f.session->commit(core::UpdateRecord{EntityType::Appointment, id, {{"start", "2026-12-03T11:00"}}});
  REQUIRE_FALSE(refused);
  REQUIRE(refused.error().fields.size() == 1);
  CHECK(refused.error().fields[0].field == "end");
}

TEST_CASE("encounter: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Encounter, R"({"patient": "$patient", "kind": "inpatient",
      "facility": "St. Mary's Hospital", "admission_date": "2026-11-02", "discharge_date": "2026-11-09",
      "acute": true, "discharge_disposition": "home_with_services", "notes": "Heart failure exacerbation."})");
  f.check_saved(EntityType::Encounter, R"({"patient": "$patient", "kind": "emergency",
      "admission_date": "2026-11-28", "discharge_date": "2026-11-28"})");
}

TEST_CASE("encounter: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "kind": "skilled_nursing", "facility": "Oak Grove",
      "admission_date": "2026-10-10", "discharge_date": "2026-10-30", "acute": false,
      "discharge_disposition": "home"})";
  check_bad_rows(f, EntityType::Encounter, good, {
      {R"({"patient": "patient-nope"})", "patient", "does not exist or was deleted"},
      {R"({"kind": "icu"})", "kind", "Choose the kind from: inpatient, emergency, observation"},
      {R"({"admission_date": null})", "admission_date", "Enter the admission date."},
      {R"({"admission_date": "10/10/2026"})", "admission_date", "Use the form YYYY-MM-DD"},
      {R"({"discharge_date": "2026-10-09"})", "discharge_date",
       "The discharge date cannot be before the admission date."},
      {R"({"acute": "true"})", "acute", "Acute admission must be yes or no."},
      {R"({"discharge_disposition": "home health"})", "discharge_disposition",
       "Choose the discharge disposition from: home, home_with_services"},
  });
}

TEST_CASE("referral: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Referral, R"({"patient": "$patient", "to_practitioner": "$practitioner",
      "to_organization": "$organization", "reason": "Cardiology evaluation of a new murmur", "status": "sent",
      "sent_date": "2026-11-20", "urgency": "urgent"})");
}

TEST_CASE("referral: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "to_practitioner": "$practitioner",
      "reason": "Podiatry for diabetic foot care", "status": "draft", "urgency": "routine"})";
  check_bad_rows(f, EntityType::Referral, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"to_practitioner": "$organization"})", "to_practitioner",
       "The practitioner referred to refers to a practitioner that does not exist"},
      {R"({"to_organization": "$practitioner"})", "to_organization", "that does not exist or was deleted"},
      {R"({"reason": null})", "reason", "Enter the reason."},
      {R"({"status": "pending"})", "status", "Choose the status from: draft, sent, scheduled, completed"},
      {R"({"sent_date": "2026-11-31"})", "sent_date", "real calendar date"},
      {R"({"urgency": "stat"})", "urgency", "Choose the urgency from: routine, urgent."},
  });
}
