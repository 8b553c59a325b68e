// Condition, Procedure, Allergy, Medication, FamilyHistory and SocialFactor: a complete record
// saves and reads back, and each kind of bad value is refused with its own message.
#include <doctest/doctest.h>

#include "model_fixture.hpp"

using nlohmann::json;
using core::EntityType;

using model_test::BadRow;
using model_test::check_bad_rows;
using model_test::Fixture;

TEST_CASE("condition: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Condition, R"({"patient": "$patient", "name": "Community-acquired pneumonia",
      "icd10": "J18.9", "status": "resolved", "onset_date": "2026-10-02", "resolution_date": "2026-11-28",
      "notes": "Treated at home with oral antibiotics."})");
  f.check_saved(EntityType::Condition, R"({"patient": "$patient", "name": "Migraine", "status": "inactive",
      "resolution_date": "2020-01-01"})");
}

TEST_CASE("condition: the ICD-10 code is stored in upper case") {
  Fixture f;
  auto checked = f.validate_new(EntityType::Condition,
                                f.resolve(R"({"patient": "$patient", "name": "Diabetes", "icd10": " e11.9 ",
                                              "status": "active"})"));
  REQUIRE(checked);
  CHECK(checked.value()["icd10"] == "E11.9");
}

TEST_CASE("condition: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "name": "Community-acquired pneumonia", "icd10": "J18.9",
      "status": "resolved", "onset_date": "2026-10-02", "resolution_date": "2026-11-20", "notes": "Better."})";
  check_bad_rows(f, EntityType::Condition, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"patient": "patient-nope"})", "patient", "refers to a patient that does not exist or was deleted"},
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"patient": "$practitioner"})", "patient", "refers to a patient that does not exist"},
      {R"({"name": "   "})", "name", "Enter the condition name."},
      {R"({"name": ")" + std::string(201, 'x') + R"("})", "name", "longer than 200 characters"},
      {R"({"icd10": "E11-9"})", "icd10", "is not an ICD-10 code"},
      {R"({"icd10": "11.9"})", "icd10", "is not an ICD-10 code"},
      {R"({"status": null})", "status", "Enter the status."},
      {R"({"status": "cured"})", "status", "Choose the status from: active, resolved, inactive."},
      {R"({"onset_date": "2026-02-30"})", "onset_date", "real calendar date"},
      {R"({"onset_date": "2026-11-29", "resolution_date": null})", "onset_date",
       "The onset date cannot be in the future."},
      {R"({"resolution_date": "2026-11-29"})", "resolution_date", "The resolution date cannot be in the future."},
      {R"({"resolution_date": "2026-10-01"})", "resolution_date", "cannot be before the onset date"},
      {R"({"status": "active"})", "status", "must have the status resolved or inactive"},
      {R"({"notes": 5})", "notes", "Notes must be text."},
      {R"({"severity": "mild"})", "severity", "has no field \"severity\""},
  });
}

TEST_CASE("condition: reactivating a resolved condition asks to clear the resolution date") {
  Fixture f;
  std::string id = f.check_saved(EntityType::Condition, R"({"patient": "$patient", "name": "Gout",
      "status": "resolved", "resolution_date": "2026-03-01"})");
  auto refused = f.session->commit(core::UpdateRecord{EntityType::Condition, id, {{"status", "active"}}});
  REQUIRE_FALSE(refused);
  REQUIRE(refused.error().fields.size() == 1);
  CHECK(refused.error().fields[0].field == "status");
  CHECK(f.session->commit(
      core::UpdateRecord{EntityType::Condition, id, {{"status", "active"}, {"resolution_date", nullptr}}}));
}

TEST_CASE("procedure: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Procedure, R"({"patient": "$patient", "name": "Colonoscopy", "date": "2026-11-28",
      "performer": "$practitioner", "outcome": "Two polyps removed", "notes": "Repeat in 3 years."})");
}

TEST_CASE("procedure: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "name": "Colonoscopy", "date": "2026-06-15",
      "performer": "$practitioner", "outcome": "Normal"})";
  check_bad_rows(f, EntityType::Procedure, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"name": null})", "name", "Enter the procedure name."},
      {R"({"date": "15/06/2026"})", "date", "Use the form YYYY-MM-DD"},
      {R"({"date": "2026-11-29"})", "date", "The procedure date cannot be in the future."},
      {R"({"performer": "$patient"})", "performer", "refers to a practitioner that does not exist"},
      {R"({"performer": "practitioner-nope"})", "performer", "does not exist or was deleted"},
      {R"({"outcome": ")" + std::string(501, 'x') + R"("})", "outcome", "longer than 500 characters"},
  });
}

TEST_CASE("allergy: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Allergy, R"({"patient": "$patient", "substance": "Penicillin", "reaction": "Hives",
      "severity": "moderate", "verification": "confirmed", "kind": "allergy", "recorded_date": "2019-05-02"})");
  f.check_saved(EntityType::Allergy, R"({"patient": "$patient", "substance": "Lactose", "kind": "intolerance"})");
}

TEST_CASE("allergy: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "substance": "Penicillin", "reaction": "Hives",
      "severity": "moderate", "verification": "confirmed", "kind": "allergy", "recorded_date": "2019-05-02"})";
  check_bad_rows(f, EntityType::Allergy, good, {
      {R"({"patient": "patient-nope"})", "patient", "does not exist or was deleted"},
      {R"({"substance": null})", "substance", "Enter the substance."},
      {R"({"severity": "fatal"})", "severity", "Choose the severity from: mild, moderate, severe."},
      {R"({"verification": "maybe"})", "verification",
       "Choose the verification from: unconfirmed, confirmed, refuted."},
      {R"({"kind": "sensitivity"})", "kind", "Choose the kind from: allergy, intolerance."},
      {R"({"recorded_date": "2019-13-01"})", "recorded_date", "real calendar date"},
      {R"({"recorded_date": "2026-11-29"})", "recorded_date", "The recorded date cannot be in the future."},
  });
}

TEST_CASE("medication: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Medication, R"({"patient": "$patient", "name": "Metformin", "dose": "500 mg",
      "route": "oral", "frequency": "twice daily", "prescriber": "$practitioner", "start_date": "2024-01-10",
      "stop_date": "2027-01-10", "indication": "Type 2 diabetes", "status": "on_hold",
      "notes": "Held while on contrast."})");
}

TEST_CASE("medication: the status is active unless given") {
  Fixture f;
  std::string id = f.create(EntityType::Medication, f.resolve(R"({"patient": "$patient", "name": "Lisinopril"})"));
  const core::Medication* m = f.session->state().find(core::Id<core::Medication>{id});
  REQUIRE(m);
  CHECK(m->status == "active");
}

TEST_CASE("medication: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "name": "Metformin", "dose": "500 mg", "route": "oral",
      "prescriber": "$practitioner", "start_date": "2024-01-10", "stop_date": "2025-01-10", "status": "stopped"})";
  check_bad_rows(f, EntityType::Medication, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"name": ""})", "name", "Enter the medication name."},
      {R"({"route": "by mouth"})", "route", "Choose the route from: oral, topical, inhaled, injection"},
      {R"({"prescriber": "$organization"})", "prescriber", "refers to a practitioner that does not exist"},
      {R"({"start_date": "2024-1-10"})", "start_date", "Use the form YYYY-MM-DD"},
      {R"({"stop_date": "2023-12-31"})", "stop_date", "The stop date cannot be before the start date."},
      {R"({"status": "paused"})", "status", "Choose the status from: active, stopped, on_hold."},
      {R"({"dose": ")" + std::string(101, '5') + R"("})", "dose", "longer than 100 characters"},
  });
}

TEST_CASE("family history: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::FamilyHistory, R"({"patient": "$patient", "relative": "mother",
      "condition": "Breast cancer", "age_at_onset": 52, "deceased": true, "notes": "Died at 60."})");
  f.check_saved(EntityType::FamilyHistory, R"({"patient": "$patient", "relative": "aunt_uncle",
      "condition": "Type 1 diabetes", "age_at_onset": 0})");
}

TEST_CASE("family history: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "relative": "father", "condition": "Heart attack",
      "age_at_onset": 58, "deceased": true})";
  check_bad_rows(f, EntityType::FamilyHistory, good, {
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"relative": null})", "relative", "Enter the relative."},
      {R"({"relative": "cousin"})", "relative", "Choose the relative from: mother, father, sibling, child"},
      {R"({"condition": " "})", "condition", "Enter the condition."},
      {R"({"age_at_onset": 121})", "age_at_onset", "Age at onset must be between 0 and 120."},
      {R"({"age_at_onset": -1})", "age_at_onset", "must be between 0 and 120"},
      {R"({"age_at_onset": 52.5})", "age_at_onset", "must be a whole number"},
      {R"({"age_at_onset": "fifty"})", "age_at_onset", "must be a number"},
      {R"({"deceased": "yes"})", "deceased", "must be yes or no"},
  });
}

TEST_CASE("social factor: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::SocialFactor, R"({"patient": "$patient", "category": "tobacco",
      "value": "former smoker, quit 2010", "risk": "low", "recorded_date": "2026-11-28"})");
}

TEST_CASE("social factor: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "category": "transport", "value": "no car, bus only",
      "risk": "moderate", "recorded_date": "2026-11-01"})";
  check_bad_rows(f, EntityType::SocialFactor, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"category": null})", "category", "Enter the category."},
      {R"({"category": "smoking"})", "category", "Choose the category from: tobacco, alcohol, activity"},
      {R"({"value": null})", "value", "Enter the value."},
      {R"({"risk": "extreme"})", "risk", "Choose the risk from: none, low, moderate, high."},
      {R"({"recorded_date": "2026-11-29"})", "recorded_date", "The recorded date cannot be in the future."},
      {R"({"recorded_date": "yesterday"})", "recorded_date", "Use the form YYYY-MM-DD"},
  });
}
