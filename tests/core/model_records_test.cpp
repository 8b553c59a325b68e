// Measurement, Note and Education: a complete record saves and reads back, and each kind of bad
// value is refused with its own message.
#include <doctest/doctest.h>

#include "model_fixture.hpp"

using nlohmann::json;
using core::EntityType;

using model_test::BadRow;
using model_test::check_bad_rows;
using model_test::Fixture;

TEST_CASE("measurement: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Measurement, R"({"patient": "$patient", "type": "blood pressure systolic",
      "value": 142.5, "unit": "mmHg", "taken_at": "2026-11-27T08:15"})");
  f.check_saved(EntityType::Measurement, R"({"patient": "$patient", "type": "temperature change",
      "value": -0.4, "unit": "°C", "taken_at": "2026-11-27T08:20"})");
}

TEST_CASE("measurement: a value typed as text is stored as a number") {
  Fixture f;
  auto checked = f.validate_new(EntityType::Measurement, f.resolve(R"({"patient": "$patient", "type": "weight",
      "value": " 81.2 ", "unit": "kg", "taken_at": "2026-11-27T08:15"})"));
  REQUIRE(checked);
  CHECK(checked.value()["value"].is_number());
  CHECK(checked.value()["value"].get<double>() == doctest::Approx(81.2));
}

TEST_CASE("measurement: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "type": "weight", "value": 81.2, "unit": "kg",
      "taken_at": "2026-11-27T08:15"})";
  check_bad_rows(f, EntityType::Measurement, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"patient": "$deleted_patient"})", "patient", "does not exist or was deleted"},
      {R"({"type": null})", "type", "Enter the measurement."},
      {R"({"value": null})", "value", "Enter the value."},
      {R"({"value": "heavy"})", "value", "Value must be a number."},
      {R"({"value": 2e9})", "value", "Value must be between"},
      {R"({"value": -2e9})", "value", "Value must be between"},
      {R"({"value": true})", "value", "Value must be a number."},
      {R"({"unit": ")" + std::string(41, 'u') + R"("})", "unit", "longer than 40 characters"},
      {R"({"taken_at": null})", "taken_at", "Enter the time taken."},
      {R"({"taken_at": "2026-11-27"})", "taken_at", "Use the form YYYY-MM-DDTHH:MM for the time taken"},
      {R"({"taken_at": "2026-11-27T8:15"})", "taken_at", "Use the form YYYY-MM-DDTHH:MM"},
      {R"({"taken_at": "2026-11-27T08:60"})", "taken_at", "Use the form YYYY-MM-DDTHH:MM"},
  });
}

TEST_CASE("note: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Note, R"({"patient": "$patient", "kind": "call", "with_whom": "daughter, Maria",
      "direction": "outbound", "outcome": "left_message", "at": "2026-11-27T14:05",
      "text": "Asked her to call back about Friday's appointment.\nWill try again tomorrow."})");
}

TEST_CASE("note: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "kind": "call", "with_whom": "patient",
      "direction": "inbound", "outcome": "reached", "at": "2026-11-27T14:05", "text": "Feeling better."})";
  check_bad_rows(f, EntityType::Note, good, {
      {R"({"patient": "patient-nope"})", "patient", "does not exist or was deleted"},
      {R"({"kind": null})", "kind", "Enter the kind."},
      {R"({"kind": "email"})", "kind", "Choose the kind from: call, visit, message, letter, note."},
      {R"({"direction": "out"})", "direction", "Choose the direction from: inbound, outbound."},
      {R"({"outcome": "busy"})", "outcome", "Choose the outcome from: reached, left_message, no_answer"},
      {R"({"at": null})", "at", "Enter the date and time."},
      {R"({"at": "27 Nov 2026 14:05"})", "at", "Use the form YYYY-MM-DDTHH:MM for the date and time"},
      {R"({"text": null})", "text", "Enter the note text."},
      {R"({"text": "  \n "})", "text", "Enter the note text."},
      {R"({"text": ")" + std::string(20001, 'n') + R"("})", "text", "longer than 20000 characters"},
      {R"({"text": "bell\u0007"})", "text", "contains characters that are not allowed"},
  });
}

TEST_CASE("education: a complete record is saved and reads back") {
  Fixture f;
  f.check_saved(EntityType::Education, R"({"patient": "$patient", "topic": "Insulin pen technique",
      "material": "ADA leaflet", "given_to": "Maria, daughter", "language": "Spanish", "date": "2026-11-28",
      "teach_back": "partially_understood"})");
}

TEST_CASE("education: each bad value gets its own message") {
  Fixture f;
  const std::string good = R"({"patient": "$patient", "topic": "Low-salt diet", "given_to": "patient",
      "language": "English", "date": "2026-11-20", "teach_back": "understood"})";
  check_bad_rows(f, EntityType::Education, good, {
      {R"({"patient": null})", "patient", "Enter the patient."},
      {R"({"topic": null})", "topic", "Enter the topic."},
      {R"({"date": "2026-11-29"})", "date", "The date given cannot be in the future."},
      {R"({"date": "2026-11"})", "date", "Use the form YYYY-MM-DD"},
      {R"({"teach_back": "yes"})", "teach_back",
       "Choose the teach-back result from: understood, partially_understood, not_understood, not_assessed."},
      {R"({"language": ")" + std::string(61, 'l') + R"("})", "language", "longer than 60 characters"},
  });
}
