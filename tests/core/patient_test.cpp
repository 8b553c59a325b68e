#include <doctest/doctest.h>

#include "core/state.hpp"
#include "core/validate.hpp"
#include "test_support.hpp"

using nlohmann::json;

namespace {

json good_patient() {
  return {{"given_name", "Rosa"},         {"family_name", "Delgado"},  {"birth_date", "1956-04-17"},
          {"sex", "female"},              {"mrn", "MRN-1001"},         {"phones", {"+1 (555) 010-2000"}},
          {"email", "rosa@example.org"},  {"language", "Spanish"},     {"interpreter_needed", true},
          {"contact_time", "morning"},    {"contact_channel", "phone"}, {"status", "active"}};
}

core::Result<json> check(const json& fields, const core::State& state = {}) {
  return core::validate_fields(core::EntityType::Patient, "patient-1", true, fields, state, test::FixedClock().today());
}

}  // namespace

TEST_CASE("patient: a complete record is accepted and made canonical") {
  json fields = good_patient();
  fields["given_name"] = "  Rosa ";
  fields["preferred_name"] = "";
  auto checked = check(fields);
  REQUIRE(checked);
  CHECK(checked.value()["given_name"] == "Rosa");
  CHECK_FALSE(checked.value().contains("preferred_name"));  // empty optional fields are left out
  CHECK(check({{"given_name", "Jun"}, {"family_name", "Park"}, {"birth_date", "2026-11-28"}}));  // born today
}

TEST_CASE("patient: each invalid value gets its own specific message") {
  struct Row { const char* field; json value; const char* message_part; };
  const Row rows[] = {
      {"given_name", "", "Enter the given name"},
      {"given_name", "   ", "Enter the given name"},
      {"given_name", std::string(101, 'a'), "longer than 100"},
      {"given_name", 42, "must be text"},
      {"given_name", "Ro\x01sa", "not allowed"},
      {"given_name", "\xC3\x28", "not allowed"},  // invalid UTF-8
      {"family_name", nullptr, "Enter the family name"},
      {"birth_date", "", "Enter the date of birth"},
      {"birth_date", "17/04/1956", "YYYY-MM-DD"},
      {"birth_date", "2023-02-29", "real calendar date"},
      {"birth_date", "2026-11-29", "cannot be in the future"},
      {"birth_date", "1899-12-31", "before 1900"},
      {"sex", "f", "Choose the sex from: female, male, other, unknown"},
      {"mrn", "MRN 1", "letters, digits"},
      {"mrn", std::string(41, '1'), "longer than 40"},
      {"phones", {"call me"}, "Use digits"},
      {"phones", {"12"}, "at least 3 digits"},
      {"phones", "555 0100", "must be a list"},
      {"email", "rosa.example.org", "does not look like an email"},
      {"interpreter_needed", "yes", "yes or no"},
      {"contact_channel", "pigeon", "Choose the preferred channel"},
      {"primary_care_provider", "practitioner-nobody", "does not exist"},
      {"status", "gone", "Choose the status"},
      {"deceased_date", "1950-01-01", "before the date of birth"},
      {"nickname", "Ro", "has no field \"nickname\""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.field);
    CAPTURE(row.value.dump());
    json fields = good_patient();
    fields[row.field] = row.value;
    if (std::string(row.field) == "deceased_date") fields["status"] = "deceased";
    auto checked = check(fields);
    REQUIRE_FALSE(checked);
    REQUIRE(checked.error().fields.size() == 1);
    CHECK(checked.error().fields[0].field == row.field);
    CHECK(checked.error().fields[0].message.find(row.message_part) != std::string::npos);
  }
}

TEST_CASE("patient: a date of death needs the status deceased, and all problems are reported together") {
  json fields = good_patient();
  fields["deceased_date"] = "2020-01-01";
  auto checked = check(fields);
  REQUIRE_FALSE(checked);
  CHECK(checked.error().fields.at(0).field == "status");
  auto several = check({{"given_name", ""}, {"birth_date", "2030-01-01"}, {"phones", {"x"}}});
  REQUIRE_FALSE(several);
  CHECK(several.error().fields.size() == 4);  // given name, family name, birth date, phone
}

TEST_CASE("patient: an MRN already in use is refused and names its holder") {
  core::State state;
  core::Change c;
  c.entity_id = "patient-7";
  c.fields = {{"given_name", "Jun"}, {"family_name", "Park"}, {"mrn", "MRN-7"}};
  core::apply(state, c);
  json fields = good_patient();
  fields["mrn"] = " MRN-7 ";
  auto checked = check(fields, state);
  REQUIRE_FALSE(checked);
  CHECK(checked.error().fields.at(0).message == "MRN MRN-7 already belongs to Jun Park.");
}
