#include <doctest/doctest.h>

#include "core/state.hpp"
#include "test_support.hpp"

using core::PatientDraft;

namespace {

std::string error_for(const std::vector<core::FieldError>& errors, const std::string& field) {
  for (const auto& e : errors)
    if (e.field == field) return e.message;
  return "";
}

}  // namespace

TEST_CASE("a complete draft has no errors, and optional fields may be empty") {
  core::State state;
  test::FixedClock clock;
  CHECK(core::validate_new_patient({"Ada Lovelace", "1948-03-21", "MRN-001", "+1 (555) 010-2000"}, state,
                                   clock.today())
            .empty());
  CHECK(core::validate_new_patient({"Ada Lovelace", "1948-03-21", "", ""}, state, clock.today()).empty());
}

TEST_CASE("each invalid field gets its own specific message") {
  core::State state;
  test::FixedClock clock;  // today is 2026-11-28
  struct Row { PatientDraft draft; const char* field; const char* message_part; };
  const Row rows[] = {
      {{"", "1948-03-21", "", ""}, "name", "Enter the patient's name"},
      {{"   ", "1948-03-21", "", ""}, "name", "Enter the patient's name"},
      {{std::string(201, 'a'), "1948-03-21", "", ""}, "name", "longer than 200"},
      {{"Ada", "", "", ""}, "birth_date", "Enter the date of birth"},
      {{"Ada", "21/03/1948", "", ""}, "birth_date", "YYYY-MM-DD"},
      {{"Ada", "2023-02-29", "", ""}, "birth_date", "real calendar date"},
      {{"Ada", "2026-11-29", "", ""}, "birth_date", "cannot be in the future"},
      {{"Ada", "1899-12-31", "", ""}, "birth_date", "before 1900"},
      {{"Ada", "1948-03-21", "MRN 1", ""}, "mrn", "letters, digits"},
      {{"Ada", "1948-03-21", std::string(41, '1'), ""}, "mrn", "longer than 40"},
      {{"Ada", "1948-03-21", "", "call me"}, "phone", "Use digits"},
      {{"Ada", "1948-03-21", "", "12"}, "phone", "at least 3 digits"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.field);
    CAPTURE(row.draft.name.substr(0, 10));
    CAPTURE(row.draft.birth_date);
    auto errors = core::validate_new_patient(row.draft, state, clock.today());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == row.field);
    CHECK(errors[0].message.find(row.message_part) != std::string::npos);
  }
}

TEST_CASE("today is a valid date of birth and several problems are all reported") {
  core::State state;
  test::FixedClock clock;
  CHECK(core::validate_new_patient({"Newborn", "2026-11-28", "", ""}, state, clock.today()).empty());
  auto errors = core::validate_new_patient({"", "2030-01-01", "", "x"}, state, clock.today());
  CHECK(errors.size() == 3);
  CHECK_FALSE(error_for(errors, "name").empty());
  CHECK_FALSE(error_for(errors, "birth_date").empty());
  CHECK_FALSE(error_for(errors, "phone").empty());
}

TEST_CASE("an MRN already in use is refused and names its holder") {
  core::State state;
  core::Change c;
  c.entity_id = "p-1";
  c.fields = {{"name", "Grace Hopper"}, {"mrn", "MRN-7"}};
  core::apply(state, c);
  test::FixedClock clock;
  auto errors = core::validate_new_patient({"Ada", "1948-03-21", " MRN-7 ", ""}, state, clock.today());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "MRN MRN-7 already belongs to Grace Hopper.");
}
