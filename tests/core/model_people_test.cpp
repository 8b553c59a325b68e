// RelatedPerson, Practitioner, Organization and CareTeamMember: a complete record saves and reads
// back, and each kind of bad value is refused with its own message.
#include <doctest/doctest.h>

#include "model_fixture.hpp"

using nlohmann::json;
using core::EntityType;

using model_test::check_bad_rows;
using model_test::Fixture;

TEST_CASE("related person: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::RelatedPerson, R"({"patient": "$patient", "name": "Marta Delgado", "relationship": "child",
      "phones": ["+1 555 010 4000"], "email": "marta@example.org", "address_line": "12 Elm Street",
      "emergency_contact": true, "caregiver": true, "legal_representative": true, "may_share_information": true,
      "consent_date": "2026-02-01", "notes": "Visits on Sundays."})");
}

TEST_CASE("related person: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "name": "Marta Delgado", "relationship": "child",
      "may_share_information": true, "consent_date": "2026-02-01"})";
  check_bad_rows(f, EntityType::RelatedPerson, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"name": "  "})", "name", "Enter the name."},
      {R"({"relationship": "cousin"})", "relationship", "Choose the relationship from: spouse, partner"},
      {R"({"phones": ["call her"]})", "phones", "Use digits"},
      {R"({"email": "marta@"})", "email", "does not look like an email"},
      {R"({"caregiver": "yes"})", "caregiver", "must be yes or no"},
      {R"({"consent_date": "2027-01-01"})", "consent_date", "cannot be in the future"},
      {R"({"may_share_information": false})", "may_share_information", "consented to share information"},
  });
}

TEST_CASE("practitioner: a complete record with a valid NPI is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Practitioner, R"({"name": "Dr. Amara Osei", "credentials": "MD", "role": "specialist",
      "specialty": "Cardiology", "npi": "1234567893", "organization": "$organization",
      "phones": ["555 010 5000"], "fax": "555 010 5001", "email": "osei@example.org"})");
}

TEST_CASE("practitioner: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"name": "Dr. Amara Osei", "role": "physician", "npi": "1234567893"})";
  check_bad_rows(f, EntityType::Practitioner, good, {
      {R"({"name": null})", "name", "Enter the name."},
      {R"({"role": "wizard"})", "role", "Choose the role from: physician, nurse"},
      {R"({"npi": "123456789"})", "npi", "exactly 10 digits"},
      {R"({"npi": "12345678AB"})", "npi", "exactly 10 digits"},
      {R"({"npi": "1234567890"})", "npi", "wrong check digit"},
      {R"({"organization": "$patient"})", "organization", "does not exist or was deleted"},
      {R"({"fax": "fax me"})", "fax", "Use digits"},
  });
}

TEST_CASE("practitioner: an NPI already in use is refused and names its holder") {
  Fixture f;
  f.create(EntityType::Practitioner, {{"name", "Dr. One"}, {"npi", "1234567893"}});
  auto refused = f.validate_new(EntityType::Practitioner, {{"name", "Dr. Two"}, {"npi", "1234567893"}});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().fields.at(0).message == "NPI 1234567893 already belongs to Dr. One.");
}

TEST_CASE("organization: a complete record is saved and each bad value gets its own message") {
  Fixture f;
  f.check_saved(EntityType::Organization, R"({"name": "Riverside Home Health", "kind": "home_health",
      "phone": "555 010 6000", "fax": "555 010 6001", "email": "intake@example.org", "address_line": "4 Mill Road",
      "city": "Springfield", "region": "IL", "postal_code": "62701"})");
  check_bad_rows(f, EntityType::Organization, R"({"name": "Riverside Home Health", "kind": "home_health"})", {
      {R"({"name": ""})", "name", "Enter the name."},
      {R"({"kind": "bakery"})", "kind", "Choose the kind from: clinic, hospital"},
      {R"({"phone": "12"})", "phone", "at least 3 digits"},
      {R"({"postal_code": ")" + std::string(21, '9') + R"("})", "postal_code", "longer than 20"},
  });
}

TEST_CASE("care team member: a complete record is saved and each bad value gets its own message") {
  Fixture f;
  f.check_saved(EntityType::CareTeamMember, R"({"patient": "$patient", "organization": "$organization",
      "role": "home health nursing", "lead": true, "start_date": "2026-01-05", "end_date": "2026-12-31"})");
  check_bad_rows(f, EntityType::CareTeamMember, R"({"patient": "$patient", "practitioner": "$practitioner",
      "role": "cardiology", "start_date": "2026-03-01"})", {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"practitioner": null})", "practitioner", "Choose a practitioner or an organization"},
      {R"({"role": null})", "role", "Enter the role."},
      {R"({"end_date": "2026-02-01"})", "end_date", "cannot be before the start date"},
  });
}

TEST_CASE("care team member: a patient's care team has at most one current lead") {
  Fixture f;
  f.create(EntityType::CareTeamMember, f.resolve(R"({"patient": "$patient", "practitioner": "$practitioner",
      "role": "primary care", "lead": true})"));
  auto second = f.validate_new(EntityType::CareTeamMember, f.resolve(R"({"patient": "$patient",
      "organization": "$organization", "role": "home health", "lead": true})"));
  REQUIRE_FALSE(second);
  CHECK(second.error().fields.at(0).field == "lead");
  // A former lead (with an end date) does not count.
  CHECK(f.validate_new(EntityType::CareTeamMember, f.resolve(R"({"patient": "$patient",
      "organization": "$organization", "role": "home health", "lead": true, "end_date": "2026-01-01"})")));
}
