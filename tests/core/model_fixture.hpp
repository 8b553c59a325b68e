// Shared by the model_*_test.cpp files: a real session holding the records that entities under test
// refer to, and a table check that each bad value is refused with its own message on its field.
#pragma once
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/validate.hpp"
#include "test_support.hpp"

namespace model_test {

using nlohmann::json;
using core::EntityType;


// A real session on a temporary folder holding the records the entities under test refer to.
// Test JSON names them as "$patient", "$practitioner", ...; "$deleted_patient" is a tombstone.
struct Fixture {
  test::TempDir dir;
  core::DirectoryStorage storage{dir.path()};
  test::FixedClock clock;  // today is 2026-11-28
  std::unique_ptr<core::Session> session;
  std::map<std::string, std::string> ids;

  Fixture() {
    auto opened = core::Session::open(storage, clock, {"casey.coordinator"});
    REQUIRE(opened);
    session = std::move(opened.value());
    ids["$patient"] = create(EntityType::Patient,
                             {{"given_name", "Ada"}, {"family_name", "Lovelace"}, {"birth_date", "1948-03-21"}});
    ids["$deleted_patient"] = create(
        EntityType::Patient, {{"given_name", "Grace"}, {"family_name", "Hopper"}, {"birth_date", "1906-12-09"}});
    REQUIRE(session->commit(core::DeleteRecord{EntityType::Patient, ids["$deleted_patient"]}));
    ids["$organization"] = create(EntityType::Organization, {{"name", "Prairie Health Plan"}, {"kind", "payer"}});
    ids["$practitioner"] = create(EntityType::Practitioner, {{"name", "Dr. Rosa Diaz"}, {"role", "physician"}});
    ids["$care_team_member"] = create(EntityType::CareTeamMember, {{"patient", ids["$patient"]},
                                                                   {"practitioner", ids["$practitioner"]},
                                                                   {"role", "primary care"}});
    ids["$care_plan"] = create(EntityType::CarePlan, {{"patient", ids["$patient"]}, {"title", "Diabetes"}});
    ids["$goal"] = create(EntityType::Goal, {{"patient", ids["$patient"]}, {"description", "HbA1c below 7 %"}});
    ids["$coverage"] = create(EntityType::Coverage,
                              {{"patient", ids["$patient"]}, {"plan_name", "Gold PPO"}, {"member_id", "XK-1001"}});
  }

  // The JSON text with every "$name" string value replaced by that record's id.
  json resolve(const std::string& text) const {
    json j = json::parse(text);
    for (auto& [name, value] : j.items())
      if (value.is_string() && ids.count(value.get<std::string>())) value = ids.at(value.get<std::string>());
    return j;
  }

  std::string create(EntityType type, json fields) {
    auto done = session->commit(core::CreateRecord{type, std::move(fields)});
    REQUIRE(done);
    return done.value().entity_id;
  }

  core::Result<json> validate_new(EntityType type, const json& fields) const {
    return core::validate_fields(type, "new-record", true, fields, session->state(), clock.today());
  }

  // Saves the record through the session and checks it reads back exactly as given.
  std::string check_saved(EntityType type, const std::string& fields_text) {
    json fields = resolve(fields_text);
    auto checked = validate_new(type, fields);
    REQUIRE(checked);
    CHECK(checked.value() == fields);
    std::string id = create(type, fields);
    CHECK(core::record_fields(session->state(), type, id) == fields);
    return id;
  }
};

// One bad value: a merge patch over the good record (null removes a field), the field the
// message must be attached to, and a part of that message.
struct BadRow {
  std::string patch;
  const char* field;
  const char* message_part;
};

inline void check_bad_rows(const Fixture& f, EntityType type, const std::string& good_text, const std::vector<BadRow>& rows) {
  for (const BadRow& row : rows) {
    CAPTURE(row.patch);
    json fields = f.resolve(good_text);
    fields.merge_patch(f.resolve(row.patch));
    auto refused = f.validate_new(type, fields);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == core::ErrorCode::Invalid);
    REQUIRE(refused.error().fields.size() == 1);
    CHECK(refused.error().fields[0].field == row.field);
    CAPTURE(refused.error().fields[0].message);
    CHECK(refused.error().fields[0].message.find(row.message_part) != std::string::npos);
  }
}

}  // namespace model_test
