// Coverage and PriorAuthorization: a complete record saves and reads back, and each kind of bad
// value is refused with its own message.
#include <doctest/doctest.h>

#include "model_fixture.hpp"

using nlohmann::json;
using core::EntityType;

using model_test::BadRow;
using model_test::check_bad_rows;
using model_test::Fixture;

TEST_CASE("coverage: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Coverage, R"({"patient": "$patient", "payer": "$organization", "plan_name": "Gold PPO",
      "member_id": "XK-20031/7", "group_number": "GRP 88", "relationship_to_subscriber": "self",
      "start_date": "2026-01-01", "end_date": "2026-12-31", "priority": "primary", "status": "active"})");
}

TEST_CASE("coverage: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "payer": "$organization", "plan_name": "Medicare Part B",
      "member_id": "1EG4-TE5-MK73", "relationship_to_subscriber": "spouse", "start_date": "2026-01-01",
      "end_date": "2026-12-31", "priority": "secondary", "status": "inactive"})";
  check_bad_rows(f, EntityType::Coverage, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"payer": "$practitioner"})", "payer", "that does not exist or was deleted"},
      {R"({"plan_name": null})", "plan_name", "Enter the plan name."},
      {R"({"member_id": null})", "member_id", "Enter the member ID."},
      {R"({"member_id": "1EG4 TE5"})", "member_id", "Use letters, digits, '-', '.' or '/' in the member ID."},
      {R"({"member_id": ")" + std::string(41, '7') + R"("})", "member_id", "longer than 40 characters"},
      {R"({"group_number": ")" + std::string(41, '8') + R"("})", "group_number", "longer than 40 characters"},
      {R"({"relationship_to_subscriber": "parent"})", "relationship_to_subscriber",
       "Choose the relationship to the subscriber from: self, spouse, child, other."},
      {R"({"start_date": "2026-13-01"})", "start_date", "real calendar date"},
      {R"({"end_date": "2025-12-31"})", "end_date", "The end date cannot be before the start date."},
      {R"({"priority": "first"})", "priority", "Choose the priority from: primary, secondary, tertiary."},
      {R"({"status": "expired"})", "status", "Choose the status from: active, inactive."},
  });
}

TEST_CASE("prior authorization: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::PriorAuthorization, R"({"patient": "$patient", "coverage": "$coverage",
      "service": "Home health nursing visits", "reference_number": "PA-2026-00417", "units_approved": 12,
      "units_used": 12, "valid_from": "2026-10-01", "valid_to": "2026-12-31", "status": "approved"})");
}

TEST_CASE("prior authorization: units used need no approved count to compare with") {
  Fixture f;
  auto checked = f.validate_new(EntityType::PriorAuthorization, f.resolve(R"({"patient": "$patient",
      "service": "Physical therapy", "units_used": "50", "status": "pending"})"));
  REQUIRE(checked);
  CHECK(checked.value()["units_used"] == 50);
}

TEST_CASE("prior authorization: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "coverage": "$coverage", "service": "Physical therapy",
      "reference_number": "A/778", "units_approved": 12, "units_used": 4, "valid_from": "2026-10-01",
      "valid_to": "2026-12-31", "status": "approved"})";
  check_bad_rows(f, EntityType::PriorAuthorization, good, {
      {R"({"patient": "patient-nope"})", "patient", "does not exist or was deleted"},
      {R"({"coverage": "$patient"})", "coverage", "refers to a coverage that does not exist"},
      {R"({"service": null})", "service", "Enter the service."},
      {R"({"reference_number": "PA 1"})", "reference_number", "Use letters, digits"},
      {R"({"units_approved": 100001})", "units_approved", "Units approved must be between 0 and 100000."},
      {R"({"units_approved": 2.5})", "units_approved", "must be a whole number"},
      {R"({"units_used": -1})", "units_used", "Units used must be between 0 and 100000."},
      {R"({"units_used": "four"})", "units_used", "must be a number"},
      {R"({"units_used": 13})", "units_used", "The units used cannot be more than the 12 units approved."},
      {R"({"valid_from": "2026-10-1"})", "valid_from", "Use the form YYYY-MM-DD"},
      {R"({"valid_to": "2026-09-30"})", "valid_to", "The valid-to date cannot be before the valid-from date."},
      {R"({"status": null})", "status", "Enter the status."},
      {R"({"status": "granted"})", "status", "Choose the status from: requested, pending, approved, denied"},
  });
}

TEST_CASE("prior authorization: lowering the approved units below those used is refused") {
  Fixture f;
  std::string id = f.check_saved(EntityType::PriorAuthorization, R"({"patient": "$patient",
      "service": "Speech therapy", "units_approved": 10, "units_used": 6, "status": "approved"})");
  auto refused = f.session->commit(core::UpdateRecord{EntityType::PriorAuthorization, id, {{"units_approved", 5}}});
  REQUIRE_FALSE(refused);
  REQUIRE(refused.error().fields.size() == 1);
  CHECK(refused.error().fields[0].field == "units_used");
  CHECK(f.session->commit(core::UpdateRecord{EntityType::PriorAuthorization, id, {{"units_approved", 6}}}));
}
