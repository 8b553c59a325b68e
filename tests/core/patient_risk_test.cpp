// A patient's readmission risk through a real Session: the LACE index of the latest community
// discharge while it is under 30 days old, high from 10, incomplete while an input is missing,
// and the whole-panel pass agreeing with the one-patient answer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/clinical/patient_risk.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using core::RiskLevel;
using nlohmann::json;

struct RiskFixture : model_test::Fixture {
  void stay(const std::string& admitted, const std::string& discharged, const std::string& extra = "{}") {
    json fields = resolve(R"({"patient": "$patient", "kind": "inpatient", "admission_type": "emergency"})");
    fields["admission_date"] = admitted;
    fields["discharge_date"] = discharged;
    fields.merge_patch(json::parse(extra));
    create(EntityType::Encounter, fields);
  }
  core::PatientRisk risk() const {
    const core::Patient* p = session->state().find(core::Id<core::Patient>{ids.at("$patient")});
    REQUIRE(p);
    const core::PatientRisk one = core::patient_risk(session->state(), *p, clock.today());
    const auto panel = core::panel_risks(session->state(), clock.today());
    const auto it = panel.find(p->id.value);
    CHECK(panel.size() == (one.level == RiskLevel::NotScored ? 0u : 1u));
    if (it != panel.end()) {
      CHECK(it->second.level == one.level);
      CHECK(it->second.lace == one.lace);
      CHECK(it->second.discharged == one.discharged);
    }
    return one;
  }
};

TEST_CASE("patient risk: the latest recent discharge's LACE index") {
  struct Stay {
    const char* admitted;
    const char* discharged;
    const char* extra;
  };
  struct Row {
    const char* name;
    std::vector<Stay> stays;  // today is 2026-11-28
    RiskLevel level;
    int lace;  // when scored
    const char* words;
  };
  const std::vector<Row> rows = {
      {"no stay", {}, RiskLevel::NotScored, 0, "Readmission risk not scored (no discharge in the last 30 days)"},
      {"14 days and emergency: 7 + 3", {{"2026-11-01", "2026-11-15", "{}"}}, RiskLevel::High, 10,
       "High readmission risk (LACE 10, discharged 2026-11-15)"},
      {"2 days and emergency: 2 + 3", {{"2026-11-20", "2026-11-22", "{}"}}, RiskLevel::Lower, 5,
       "Lower readmission risk (LACE 5, discharged 2026-11-22)"},
      {"discharged today", {{"2026-11-26", "2026-11-28", "{}"}}, RiskLevel::Lower, 5, nullptr},
      {"discharged 29 days ago", {{"2026-10-28", "2026-10-30", "{}"}}, RiskLevel::Lower, 5, nullptr},
      {"discharged 30 days ago", {{"2026-10-27", "2026-10-29", "{}"}}, RiskLevel::NotScored, 0, nullptr},
      {"a discharge tomorrow", {{"2026-11-26", "2026-11-29", "{}"}}, RiskLevel::NotScored, 0, nullptr},
      {"died in hospital", {{"2026-11-20", "2026-11-22", R"({"discharge_disposition": "died"})"}},
       RiskLevel::NotScored, 0, nullptr},
      {"admission type unknown", {{"2026-11-20", "2026-11-22", R"({"admission_type": ""})"}}, RiskLevel::Incomplete,
       0, "Readmission risk incomplete: 1 LACE input missing (discharged 2026-11-22)"},
      {"the later of two stays", {{"2026-11-01", "2026-11-15", "{}"}, {"2026-11-20", "2026-11-22", "{}"}},
       RiskLevel::Lower, 5, nullptr},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    RiskFixture f;
    for (const Stay& s : row.stays) f.stay(s.admitted, s.discharged, s.extra);
    const core::PatientRisk risk = f.risk();
    CHECK(core::risk_level_name(risk.level) == std::string(core::risk_level_name(row.level)));
    if (row.level == RiskLevel::High || row.level == RiskLevel::Lower) {
      REQUIRE(risk.lace);
      CHECK(*risk.lace == row.lace);
    }
    if (row.words) CHECK(core::describe(risk) == row.words);
  }
}

}  // namespace
