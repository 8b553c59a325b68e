// Chronic care management through a real Session: logging time (and what is refused), monthly
// totals at the month's edges, the 99490 / 99439 units at 20, 39, 40, 59 and 60 minutes, what
// counts as a chronic condition, eligibility, and the "ccm_minutes_short" worklist kind.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/clinical/care_management.hpp"
#include "core/worklist/worklist.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using nlohmann::json;

core::CivilDate day(const char* text) {
  auto parsed = core::parse_civil_date(text);
  REQUIRE(parsed);
  return *parsed;
}

date::year_month month(int y, unsigned m) { return date::year{y} / date::month{m}; }

struct CcmFixture : model_test::Fixture {
  std::string log(const char* date, int minutes) {
    return create(EntityType::CareManagementTime, {{"patient", ids["$patient"]}, {"date", date}, {"minutes", minutes},
                                                   {"activity", "Called the pharmacy"}, {"performed_by", "casey"}});
  }
  std::string condition(const json& fields) {
    json f = fields;
    f["patient"] = ids["$patient"];
    return create(EntityType::Condition, f);
  }
  void make_eligible() {
    condition({{"name", "Type 2 diabetes"}, {"icd10", "E11.9"}, {"status", "active"}});
    condition({{"name", "Heart failure"}, {"icd10", "I50.9"}, {"status", "active"}});
    REQUIRE(session->commit(core::UpdateRecord{EntityType::Patient, ids["$patient"], {{"ccm_consent_date", "2026-01-15"}}}));
  }
};

}  // namespace

TEST_CASE("care management: a time entry is saved and reads back") {
  CcmFixture f;
  f.check_saved(EntityType::CareManagementTime, R"({"patient": "$patient", "date": "2026-11-28", "minutes": 25,
      "activity": "Arranged home oxygen", "performed_by": "casey.coordinator"})");
}

TEST_CASE("care management: each bad time entry gets its own message") {
  CcmFixture f;
  const std::string good = R"({"patient": "$patient", "date": "2026-11-02", "minutes": 30})";
  model_test::check_bad_rows(f, EntityType::CareManagementTime, good,
                             {
                                 {R"({"patient": null})", "patient", "Enter the patient"},
                                 {R"({"date": null})", "date", "Enter the date"},
                                 {R"({"date": "2026-11-29"})", "date", "future"},
                                 {R"({"minutes": null})", "minutes", "Enter the minutes"},
                                 {R"({"minutes": 0})", "minutes", "at least 1 minute"},
                                 {R"({"minutes": 601})", "minutes", "600"},
                                 {R"({"minutes": 12.5})", "minutes", "whole number"},
                             });
}

TEST_CASE("care management: consent cannot be dated in the future") {
  CcmFixture f;
  auto refused = f.session->commit(core::UpdateRecord{EntityType::Patient, f.ids["$patient"],
                                                      {{"ccm_consent_date", "2026-11-29"}}});
  REQUIRE_FALSE(refused);
  REQUIRE(refused.error().fields.size() == 1);
  CHECK(refused.error().fields[0].field == "ccm_consent_date");
  CHECK(f.session->commit(core::UpdateRecord{EntityType::Patient, f.ids["$patient"], {{"ccm_consent_date", "2026-11-28"}}}));
}

TEST_CASE("care management: units for the minutes of a month") {
  struct Row {
    long long minutes;
    int first, add_on;
    long long to_next;
  };
  const std::vector<Row> rows = {
      {0, 0, 0, 20},  {1, 0, 0, 19},  {19, 0, 0, 1}, {20, 1, 0, 20}, {39, 1, 0, 1},  {40, 1, 1, 20},
      {59, 1, 1, 1},  {60, 1, 2, 0},  {61, 1, 2, 0}, {80, 1, 2, 0},  {600, 1, 2, 0},
  };
  for (const Row& row : rows) {
    CAPTURE(row.minutes);
    const core::CcmUnits units = core::ccm_units(row.minutes);
    CHECK(units.first == row.first);
    CHECK(units.add_on == row.add_on);
    CHECK(units.minutes_to_next_unit == row.to_next);
  }
}

TEST_CASE("care management: the month's total counts only live entries dated in that calendar month") {
  struct Row {
    std::vector<std::pair<const char*, int>> entries;
    long long october_total;
    int first, add_on;
  };
  const std::vector<Row> rows = {
      {{{"2026-10-01", 10}, {"2026-10-31", 10}}, 20, 1, 0},
      {{{"2026-10-01", 20}, {"2026-10-31", 19}}, 39, 1, 0},
      {{{"2026-10-15", 25}, {"2026-10-31", 15}}, 40, 1, 1},
      {{{"2026-10-15", 30}, {"2026-10-20", 29}}, 59, 1, 1},
      {{{"2026-10-15", 30}, {"2026-10-20", 30}}, 60, 1, 2},
      {{{"2026-09-30", 30}, {"2026-10-01", 19}, {"2026-11-01", 30}}, 19, 0, 0},  // the neighbours' edges
      {{{"2025-10-10", 45}}, 0, 0, 0},                                             // October of another year
  };
  for (const Row& row : rows) {
    CcmFixture f;
    for (const auto& [date, minutes] : row.entries) f.log(date, minutes);
    const core::CcmMonth m = core::ccm_month(f.session->state(), core::Id<core::Patient>{f.ids["$patient"]}, month(2026, 10));
    CAPTURE(row.october_total);
    CHECK(m.total_minutes == row.october_total);
    CHECK(m.units.first == row.first);
    CHECK(m.units.add_on == row.add_on);
  }
}

TEST_CASE("care management: a deleted entry no longer counts") {
  CcmFixture f;
  f.log("2026-11-02", 15);
  const std::string wrong = f.log("2026-11-03", 10);
  const core::Id<core::Patient> patient{f.ids["$patient"]};
  CHECK(core::ccm_month(f.session->state(), patient, month(2026, 11)).total_minutes == 25);
  REQUIRE(f.session->commit(core::DeleteRecord{EntityType::CareManagementTime, wrong}));
  const core::CcmMonth m = core::ccm_month(f.session->state(), patient, month(2026, 11));
  CHECK(m.total_minutes == 15);
  CHECK(m.entries == 1);
  CHECK(m.units.first == 0);
}

TEST_CASE("care management: what counts as a chronic condition on a day") {
  struct Row {
    const char* fields;
    bool chronic;  // on 2026-10-31
  };
  const std::vector<Row> rows = {
      {R"({"name": "Diabetes", "icd10": "E11.9", "status": "active"})", true},
      {R"({"name": "COPD", "icd10": "J44.1", "status": "active"})", true},
      {R"({"name": "Diabetes, resolved", "icd10": "E11.9", "status": "resolved", "resolution_date": "2026-01-01"})", false},
      {R"({"name": "Back pain", "icd10": "M54.5", "status": "active", "onset_date": "2025-10-31"})", true},  // 12 months exactly
      {R"({"name": "Back pain", "icd10": "M54.5", "status": "active", "onset_date": "2025-11-01"})", false},
      {R"({"name": "Back pain", "status": "active"})", false},  // no onset, not on the list
      {R"({"name": "Flu", "icd10": "J10.1", "status": "active", "onset_date": "2026-10-01"})", false},
      {R"({"name": "Back pain", "icd10": "M54.5", "status": "inactive", "onset_date": "2020-01-01"})", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.fields);
    CcmFixture f;
    const std::string id = f.condition(json::parse(row.fields));
    const core::Condition* c = f.session->state().find(core::Id<core::Condition>{id});
    REQUIRE(c);
    CHECK(core::is_chronic(*c, day("2026-10-31")) == row.chronic);
  }
}

TEST_CASE("care management: twelve months back from the last day of February in a leap year") {
  CcmFixture f;
  const std::string id = f.condition({{"name", "Back pain"}, {"status", "active"}, {"onset_date", "2023-02-28"}});
  const core::Condition* c = f.session->state().find(core::Id<core::Condition>{id});
  CHECK(core::is_chronic(*c, day("2024-02-29")));
  CHECK_FALSE(core::is_chronic(*c, day("2024-02-27")));
}

TEST_CASE("care management: eligibility needs two chronic conditions and consent by the month's end") {
  struct Row {
    int chronic_conditions;
    const char* consent;  // "" for none
    bool eligible;
    std::vector<std::string> problems;
  };
  const std::vector<Row> rows = {
      {2, "2026-10-31", true, {}},
      {3, "2026-01-15", true, {}},
      {2, "2026-11-01", false, {"The patient's consent to chronic care management is not documented."}},
      {2, "", false, {"The patient's consent to chronic care management is not documented."}},
      {1, "2026-10-01", false, {"Needs two or more chronic conditions; 1 is recorded as active and chronic."}},
      {0, "", false,
       {"Needs two or more chronic conditions; 0 are recorded as active and chronic.",
        "The patient's consent to chronic care management is not documented."}},
  };
  const char* codes[] = {"E11.9", "I50.9", "N18.3"};
  for (const Row& row : rows) {
    CAPTURE(row.chronic_conditions);
    CAPTURE(row.consent);
    CcmFixture f;
    for (int i = 0; i < row.chronic_conditions; ++i)
      f.condition({{"name", std::string("Condition ") + codes[i]}, {"icd10", codes[i]}, {"status", "active"}});
    if (*row.consent)
      REQUIRE(f.session->commit(core::UpdateRecord{EntityType::Patient, f.ids["$patient"], {{"ccm_consent_date", row.consent}}}));
    const core::CcmMonth m = core::ccm_month(f.session->state(), core::Id<core::Patient>{f.ids["$patient"]}, month(2026, 10));
    CHECK(m.eligible == row.eligible);
    CHECK(m.eligibility_problems == row.problems);
    CHECK(static_cast<int>(m.chronic.size()) == row.chronic_conditions);
  }
}

TEST_CASE("care management: the minutes-short item in the month's last seven days") {
  struct Row {
    const char* today;
    int minutes;  // logged on 2026-11-02
    bool eligible;
    bool listed;
  };
  const std::vector<Row> rows = {
      {"2026-11-28", 15, true, true},
      {"2026-11-30", 19, true, true},   // the month's last day
      {"2026-11-24", 15, true, true},   // six days before the end
      {"2026-11-23", 15, true, false},  // seven days before: not yet
      {"2026-11-28", 20, true, false},  // enough to bill
      {"2026-11-28", 15, false, false},
      {"2026-11-28", 0, true, false},   // nothing logged: not a CCM month for this patient
      {"2026-12-01", 15, true, false},  // November is over; December has nothing logged
  };
  for (const Row& row : rows) {
    CAPTURE(row.today);
    CAPTURE(row.minutes);
    CAPTURE(row.eligible);
    CcmFixture f;
    if (row.eligible) f.make_eligible();
    if (row.minutes) f.log("2026-11-02", row.minutes);
    const std::string key = "ccm_short:" + f.ids["$patient"] + ":2026-11";
    bool listed = false;
    for (const core::WorkItem& item : core::compute_worklist(f.session->state(), {"", day(row.today)})) {
      if (item.key != key) continue;
      listed = true;
      CHECK(item.kind == "ccm_minutes_short");
      CHECK(core::format_civil_date(item.due) == "2026-11-30");
      CHECK(item.reason == std::to_string(row.minutes) + " minutes of care management logged for November 2026, " +
                               std::to_string(20 - row.minutes) + (20 - row.minutes == 1 ? " minute" : " minutes") +
                               " short of the 20 needed to bill");
    }
    CHECK(listed == row.listed);
  }
}
