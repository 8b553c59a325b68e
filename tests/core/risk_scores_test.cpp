// The readmission risk scores through a real Session: LACE length-of-stay bands, the Charlson
// index from ICD-10 codes (categories, the graver form counted once), emergency visits at the
// edges of the 6-month window, missing inputs shown as missing with no total; the HOSPITAL score
// with its lab thresholds, units, admission counts, stay length and risk bands.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/clinical/charlson.hpp"
#include "core/clinical/hospital_score.hpp"
#include "core/clinical/lace.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using nlohmann::json;

struct ScoreFixture : model_test::Fixture {
  std::string add(EntityType type, const std::string& fields_text) { return create(type, resolve(fields_text)); }
  std::string stay(const std::string& admitted, const std::string& discharged, const std::string& extra = "{}") {
    json fields = resolve(R"({"patient": "$patient", "kind": "inpatient", "admission_type": "emergency"})");
    fields["admission_date"] = admitted;
    if (!discharged.empty()) fields["discharge_date"] = discharged;
    fields.merge_patch(json::parse(extra));
    return ids["$stay"] = create(EntityType::Encounter, fields);
  }
  void condition(const std::string& code, const std::string& extra = "{}") {
    json fields = resolve(R"({"patient": "$patient", "name": "Coded condition", "status": "active"})");
    if (!code.empty()) fields["icd10"] = code;
    fields.merge_patch(json::parse(extra));
    create(EntityType::Condition, fields);
  }
  void emergency_visit(const std::string& on) {
    add(EntityType::Encounter, R"({"patient": "$patient", "kind": "emergency", "admission_date": ")" + on +
                                   R"(", "discharge_date": ")" + on + R"("})");
  }
  void lab(const std::string& type, double value, const std::string& unit, const std::string& at) {
    json fields = resolve(R"({"patient": "$patient"})");
    fields["type"] = type;
    fields["value"] = value;
    fields["unit"] = unit;
    fields["taken_at"] = at;
    create(EntityType::Measurement, fields);
  }
  const core::Encounter& encounter() const {
    const core::Encounter* e = session->state().find(core::Id<core::Encounter>{ids.at("$stay")});
    REQUIRE(e);
    return *e;
  }
  core::RiskScore lace() const { return core::lace_index(session->state(), encounter()); }
  core::RiskScore hospital() const { return core::hospital_score(session->state(), encounter()); }
};

const core::ScoreInput& input(const core::RiskScore& score, const std::string& name) {
  const core::ScoreInput* in = score.input(name);
  REQUIRE_MESSAGE(in, name);
  return *in;
}

TEST_CASE("risk scores: LACE length-of-stay bands") {
  struct Row {
    const char* discharged;  // admitted 2026-11-01
    int days;
    int points;
  };
  const std::vector<Row> rows = {
      {"2026-11-01", 0, 0},  {"2026-11-02", 1, 1},  {"2026-11-03", 2, 2},  {"2026-11-04", 3, 3},
      {"2026-11-05", 4, 4},  {"2026-11-07", 6, 4},  {"2026-11-08", 7, 5},  {"2026-11-14", 13, 5},
      {"2026-11-15", 14, 7}, {"2026-11-25", 24, 7},
  };
  for (const Row& row : rows) {
    CAPTURE(row.discharged);
    ScoreFixture f;
    f.stay("2026-11-01", row.discharged);
    const core::RiskScore score = f.lace();
    const core::ScoreInput& los = input(score, "Length of stay");
    CHECK_FALSE(los.missing);
    CHECK(los.value == std::to_string(row.days) + (row.days == 1 ? " day" : " days"));
    CHECK(los.points == row.points);
    // Emergency admission (3), no conditions, no emergency visits.
    REQUIRE(score.total);
    CHECK(*score.total == row.points + 3);
  }
}

TEST_CASE("risk scores: Charlson index from ICD-10 codes with the LACE weights") {
  struct Row {
    std::vector<const char*> codes;
    int charlson;
    int lace_points;
  };
  const std::vector<Row> rows = {
      {{}, 0, 0},
      {{"I10"}, 0, 0},                          // hypertension: no Charlson category
      {{"I21.4"}, 1, 1},                        // myocardial infarction
      {{"I25.2"}, 1, 1},                        // old myocardial infarction
      {{"I25.10"}, 0, 0},                       // coronary disease without infarction
      {{"I50.9"}, 2, 2},                        // heart failure
      {{"I42.6"}, 2, 2},                        // inside the range I42.5-I42.9
      {{"I42.4"}, 0, 0},                        // just outside it
      {{"E11.9"}, 1, 1},                        // diabetes without complications
      {{"E11.22"}, 2, 2},                       // diabetes with kidney complications
      {{"E11.9", "E11.22"}, 2, 2},              // counted once, at the graver weight
      {{"K70.30"}, 2, 2},                       // mild liver disease
      {{"K70.30", "K72.10"}, 4, 5},             // moderate/severe supersedes mild
      {{"C34.90"}, 2, 2},                       // cancer
      {{"C34.90", "C78.00"}, 6, 5},             // metastatic supersedes cancer
      {{"C44.91"}, 0, 0},                       // skin cancer is excluded
      {{"F03.90"}, 3, 3},                       // dementia
      {{"M05.79"}, 3, 3},                       // rheumatoid arthritis
      {{"B20"}, 4, 5},                          // HIV
      {{"N18.4", "K25.9", "G81.90"}, 0, 0},     // renal, ulcer, hemiplegia: no LACE points
      {{"J44.9", "I63.9", "I70.0"}, 4, 5},      // COPD 2 + stroke 1 + PVD 1
      {{"J44.9", "J45.909"}, 2, 2},             // the same category twice counts once
  };
  for (const Row& row : rows) {
    ScoreFixture f;
    std::string codes;
    for (const char* code : row.codes) {
      f.condition(code);
      codes += std::string(code) + " ";
    }
    CAPTURE(codes);
    f.stay("2026-11-01", "2026-11-04");
    const core::RiskScore score = f.lace();
    const core::ScoreInput& c = input(score, "Comorbidity (Charlson index)");
    CHECK_FALSE(c.missing);
    CHECK(c.value == "Charlson " + std::to_string(row.charlson));
    CHECK(c.points == row.lace_points);
  }
}

TEST_CASE("risk scores: which conditions the Charlson index reads") {
  ScoreFixture f;
  f.condition("I50.9", R"({"status": "resolved"})");         // resolved: still history, counted
  f.condition("E11.9", R"({"onset_date": "2026-11-10"})");   // begins after the discharge: not yet
  f.condition("", R"({"name": "Heart trouble"})");            // no code: cannot be counted
  f.stay("2026-11-01", "2026-11-04");
  const core::RiskScore score = f.lace();
  const core::ScoreInput& c = input(score, "Comorbidity (Charlson index)");
  CHECK(c.value == "Charlson 2");
  CHECK(c.records.size() == 1);
  CHECK(c.source.find("Congestive heart failure") != std::string::npos);
  CHECK(c.source.find("1 condition has no ICD-10 code") != std::string::npos);

  ScoreFixture none;
  none.stay("2026-11-01", "2026-11-04");
  const core::RiskScore none_score = none.lace();
  const core::ScoreInput& empty = input(none_score, "Comorbidity (Charlson index)");
  CHECK_FALSE(empty.missing);
  CHECK(empty.points == 0);
  CHECK(empty.source == "no conditions with an ICD-10 code recorded, so none counted");
}

TEST_CASE("risk scores: LACE emergency visits in the 6 months before admission") {
  // Admitted 2026-11-20: the window runs from 2026-05-20 to 2026-11-19.
  struct Row {
    std::vector<const char*> visits;
    int counted;
    int points;
  };
  const std::vector<Row> rows = {
      {{"2026-05-20"}, 1, 1},
      {{"2026-05-19"}, 0, 0},
      {{"2026-11-19"}, 1, 1},
      {{"2026-11-20"}, 0, 0},  // the visit that led to this admission
      {{"2026-06-01", "2026-07-01", "2026-08-01"}, 3, 3},
      {{"2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01"}, 5, 4},
  };
  for (const Row& row : rows) {
    CAPTURE(row.visits.front());
    ScoreFixture f;
    for (const char* v : row.visits) f.emergency_visit(v);
    f.stay("2026-11-20", "2026-11-22");
    const core::RiskScore score = f.lace();
    const core::ScoreInput& e = input(score, "Emergency visits in the 6 months before admission");
    CHECK(e.records.size() == static_cast<std::size_t>(row.counted));
    CHECK(e.points == row.points);
  }
}

TEST_CASE("risk scores: the 6-month window ends on a shorter month") {
  // Admitted 2026-08-31: six months earlier is February, whose last day is the 28th.
  ScoreFixture f;
  f.emergency_visit("2026-02-28");
  f.emergency_visit("2026-02-27");
  f.stay("2026-08-31", "2026-09-02");
  CHECK(input(f.lace(), "Emergency visits in the 6 months before admission").points == 1);
}

TEST_CASE("risk scores: LACE missing inputs are shown, never counted as zero") {
  struct Row {
    const char* discharged;
    const char* extra;
    std::vector<const char*> missing;
  };
  const std::vector<Row> rows = {
      {"", "{}", {"Length of stay"}},
      {"2026-11-04", R"({"admission_type": null})", {"Acute admission"}},
      {"", R"({"admission_type": null})", {"Length of stay", "Acute admission"}},
      {"2026-11-04", R"({"admission_type": null, "acute": true})", {}},
      {"2026-11-04", R"({"admission_type": "elective"})", {}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.extra);
    CAPTURE(row.discharged);
    ScoreFixture f;
    f.stay("2026-11-01", row.discharged, row.extra);
    const core::RiskScore score = f.lace();
    CHECK(score.total.has_value() == row.missing.empty());
    CHECK(score.missing.size() == row.missing.size());
    for (const char* name : row.missing) CHECK(input(score, name).missing);
  }
  ScoreFixture f;
  f.stay("2026-11-01", "2026-11-04", R"({"admission_type": "elective"})");
  const core::RiskScore elective = f.lace();
  const core::ScoreInput& a = input(elective, "Acute admission");
  CHECK(a.value == "no, elective");
  CHECK(a.points == 0);
}

TEST_CASE("risk scores: LACE total and the high-risk mark") {
  ScoreFixture f;
  f.condition("I50.9");        // 2
  f.condition("E11.22");       // 2 -> Charlson 4 -> 5 points
  f.emergency_visit("2026-10-01");
  f.stay("2026-11-01", "2026-11-04");  // 3 days: 3; emergency: 3
  core::RiskScore score = f.lace();
  REQUIRE(score.total);
  CHECK(*score.total == 3 + 3 + 5 + 1);
  CHECK(score.risk == "high");

  ScoreFixture low;
  low.stay("2026-11-01", "2026-11-04", R"({"admission_type": "elective"})");
  score = low.lace();
  REQUIRE(score.total);
  CHECK(*score.total == 3);
  CHECK(score.risk == "lower");
}

TEST_CASE("risk scores: an acute admission cannot be elective") {
  ScoreFixture f;
  auto refused = f.validate_new(EntityType::Encounter, f.resolve(R"({"patient": "$patient", "kind": "inpatient",
      "admission_date": "2026-11-01", "acute": true, "admission_type": "elective"})"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().fields.at(0).field == "admission_type");
}

// A stay of 2026-11-01 to 2026-11-04 (3 days), urgent, from medicine, with normal labs on the
// discharge day: 1 point (urgent). Each row changes one thing.
struct HospitalRow {
  const char* label;
  const char* stay_extra;
  double hemoglobin;
  const char* hemoglobin_unit;
  double sodium;
  int previous_admissions;
  bool procedure;
  const char* discharged;
  int total;
  const char* risk;
};

TEST_CASE("risk scores: HOSPITAL score inputs and thresholds") {
  const std::vector<HospitalRow> rows = {
      {"baseline", "{}", 13.5, "g/dL", 140, 0, false, "2026-11-04", 1, "low"},
      {"hemoglobin 12.0 is not low", "{}", 12.0, "g/dL", 140, 0, false, "2026-11-04", 1, "low"},
      {"hemoglobin 11.9 is low", "{}", 11.9, "g/dL", 140, 0, false, "2026-11-04", 2, "low"},
      {"hemoglobin in g/L", "{}", 115, "g/L", 140, 0, false, "2026-11-04", 2, "low"},
      {"sodium 135 is not low", "{}", 13.5, "g/dL", 135, 0, false, "2026-11-04", 1, "low"},
      {"sodium 134 is low", "{}", 13.5, "g/dL", 134, 0, false, "2026-11-04", 2, "low"},
      {"oncology", R"({"discharge_service": "oncology"})", 13.5, "g/dL", 140, 0, false, "2026-11-04", 3, "low"},
      {"elective", R"({"admission_type": "elective"})", 13.5, "g/dL", 140, 0, false, "2026-11-04", 0, "low"},
      {"a procedure", "{}", 13.5, "g/dL", 140, 0, true, "2026-11-04", 2, "low"},
      {"1 earlier admission", "{}", 13.5, "g/dL", 140, 1, false, "2026-11-04", 1, "low"},
      {"2 earlier admissions", "{}", 13.5, "g/dL", 140, 2, false, "2026-11-04", 3, "low"},
      {"5 earlier admissions", "{}", 13.5, "g/dL", 140, 5, false, "2026-11-04", 3, "low"},
      {"6 earlier admissions", "{}", 13.5, "g/dL", 140, 6, false, "2026-11-04", 6, "intermediate"},
      {"4 days", "{}", 13.5, "g/dL", 140, 0, false, "2026-11-05", 1, "low"},
      {"5 days", "{}", 13.5, "g/dL", 140, 0, false, "2026-11-06", 3, "low"},
      {"intermediate from 5", R"({"discharge_service": "oncology"})", 11, "g/dL", 130, 0, false, "2026-11-04", 5,
       "intermediate"},
      {"high from 7", R"({"discharge_service": "oncology"})", 11, "g/dL", 130, 0, false, "2026-11-06", 7, "high"},
  };
  for (const HospitalRow& row : rows) {
    CAPTURE(row.label);
    ScoreFixture f;
    for (int i = 0; i < row.previous_admissions; ++i) {
      const std::string on = "2026-0" + std::to_string(i + 1) + "-05";  // January to June: within 12 months
      f.add(EntityType::Encounter, R"({"patient": "$patient", "kind": "inpatient", "admission_date": ")" + on + R"("})");
    }
    if (row.procedure)
      f.add(EntityType::Procedure, R"({"patient": "$patient", "name": "Colonoscopy", "date": "2026-11-02"})");
    std::string extra = R"({"admission_type": "urgent", "discharge_service": "medicine"})";
    json merged = json::parse(extra);
    merged.merge_patch(json::parse(row.stay_extra));
    f.stay("2026-11-01", row.discharged, merged.dump());
    f.lab("hemoglobin", 9.0, "g/dL", "2026-11-02T06:00");  // earlier in the stay: the latest counts
    f.lab("Hemoglobin", row.hemoglobin, row.hemoglobin_unit, std::string(row.discharged) + "T06:00");
    f.lab("sodium", row.sodium, "mmol/L", std::string(row.discharged) + "T06:00");
    const core::RiskScore score = f.hospital();
    CAPTURE(score.missing.size());
    REQUIRE(score.total);
    CHECK(*score.total == row.total);
    CHECK(score.risk == row.risk);
    CHECK(score.inputs.size() == 7);
  }
}

TEST_CASE("risk scores: HOSPITAL is not computed until its inputs are present") {
  struct Row {
    const char* label;
    bool hemoglobin;
    bool sodium;
    const char* stay_extra;
    std::vector<const char*> missing;
  };
  const std::vector<Row> rows = {
      {"no labs", false, false, "{}", {"Hemoglobin at discharge", "Sodium at discharge"}},
      {"no sodium", true, false, "{}", {"Sodium at discharge"}},
      {"no service", true, true, R"({"discharge_service": null})", {"Discharge from oncology"}},
      {"no admission type", true, true, R"({"admission_type": null})", {"Urgent or emergent admission"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.label);
    ScoreFixture f;
    json extra = json::parse(R"({"admission_type": "urgent", "discharge_service": "medicine"})");
    const json changes = json::parse(row.stay_extra);
    for (const auto& [field, value] : changes.items()) extra[field] = value;  // keeps the nulls
    f.stay("2026-11-01", "2026-11-04", extra.dump());
    if (row.hemoglobin) f.lab("hemoglobin", 13, "g/dL", "2026-11-04T06:00");
    if (row.sodium) f.lab("sodium", 140, "mmol/L", "2026-11-04T06:00");
    f.lab("sodium", 120, "mmol/L", "2026-11-05T06:00");  // after discharge: never read
    const core::RiskScore score = f.hospital();
    CHECK_FALSE(score.total);
    CHECK(score.risk.empty());
    REQUIRE(score.missing.size() == row.missing.size());
    for (std::size_t i = 0; i < row.missing.size(); ++i) {
      CHECK(input(score, row.missing[i]).missing);
      CHECK(score.missing[i].find(row.missing[i]) == 0);
    }
  }
  ScoreFixture f;
  f.stay("2026-11-01", "2026-11-04", R"({"discharge_service": "medicine"})");
  f.lab("hemoglobin", 13, "", "2026-11-04T06:00");
  f.lab("sodium", 140, "mmol/L", "2026-11-04T06:00");
  const core::RiskScore score = f.hospital();
  CHECK_FALSE(score.total);
  CHECK(input(score, "Hemoglobin at discharge").value.find("no unit") != std::string::npos);
}

}  // namespace
