// FHIR import a piece at a time (core::fhir::ImportJob), as the interface runs it between frames:
// the same summary and records as import_fhir in one go, whatever the pieces' size; progress that
// only moves forward; a problem found part-way writes nothing; a dry run writes nothing.
#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/fhir/fhir_import.hpp"
#include "model_fixture.hpp"

using nlohmann::json;
using core::fhir::FhirFile;
using core::fhir::ImportJob;

namespace {

// A patient with an MRN, their hospital and doctor, `conditions` conditions, and a claim (a type
// Liaison keeps for export), as a collection Bundle.
std::string clinic_bundle(int conditions, const std::string& last_onset = "2021-03-04") {
  json entries = json::array();
  entries.push_back({{"resource", {{"resourceType", "Organization"}, {"id", "org-1"}, {"name", "Harbor Hospital"}}}});
  entries.push_back({{"resource", {{"resourceType", "Practitioner"}, {"id", "dr-1"},
                                   {"identifier", {{{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "1234567893"}}}},
                                   {"name", {{{"family", "Okafor"}, {"given", {"Ada"}}}}}}}});
  entries.push_back({{"resource", {{"resourceType", "Patient"}, {"id", "p1"},
                                   {"identifier", {{{"type", {{"coding", {{{"code", "MR"}}}}}},
                                                    {"system", "http://harbor.example/mrn"}, {"value", "H-77"}}}},
                                   {"name", {{{"family", "Lindqvist"}, {"given", {"Sven"}}}}},
                                   {"birthDate", "1950-06-01"},
                                   {"generalPractitioner", {{{"reference", "Practitioner/dr-1"}}}},
                                   {"managingOrganization", {{"reference", "Organization/org-1"}}}}}});
  for (int i = 0; i < conditions; ++i)
    entries.push_back({{"resource", {{"resourceType", "Condition"}, {"id", "c" + std::to_string(i)},
                                     {"subject", {{"reference", "Patient/p1"}}},
                                     {"code", {{"text", "Condition number " + std::to_string(i)}}},
                                     {"onsetDateTime", i + 1 == conditions ? last_onset : "2019-01-02"}}}});
  entries.push_back({{"resource", {{"resourceType", "Claim"}, {"id", "claim-1"}, {"patient", {{"reference", "Patient/p1"}}}}}});
  return json{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}}.dump();
}

// The job run to its end `budget` resources per step, checking its progress on the way.
core::Result<core::fhir::ImportSummary> run_in_steps(core::Session& session, std::vector<FhirFile> files, std::size_t budget,
                                                     std::size_t& steps, bool dry_run = false) {
  core::fhir::ImportOptions options;
  options.dry_run = dry_run;
  ImportJob job(session, std::move(files), options);
  double last = job.progress();
  CHECK(last >= 0.0);
  steps = 0;
  while (job.step(budget)) {
    ++steps;
    CHECK(job.progress() >= last);
    CHECK(job.progress() <= 1.0);
    CHECK_FALSE(job.stage().empty());
    last = job.progress();
  }
  return job.finish();
}

std::size_t live_conditions(const core::State& state) {
  std::size_t n = 0;
  for (const auto& [id, c] : state.table<core::Condition>()) n += c.deleted ? 0 : 1;
  return n;
}

}  // namespace

TEST_CASE("fhir import job: step by step, any piece size, gives import_fhir's summary and records") {
  const int conditions = 30;
  const std::vector<FhirFile> files = {{"support.json", clinic_bundle(0)}, {"patient.json", clinic_bundle(conditions)}};
  model_test::Fixture whole;
  auto expected = core::fhir::import_fhir(*whole.session, files);
  REQUIRE(expected);
  const std::size_t resources = expected.value().resources;
  CHECK(resources == 3 + 1 + 3 + conditions + 1);
  struct Row {
    std::size_t budget;
    std::size_t min_steps;  // each file read is a step, then the planner is made, then the pieces
  };
  for (const Row row : {Row{1, 2 + 1 + resources - 1}, Row{7, 2 + 1 + (resources + 6) / 7 - 1}, Row{100000, 2}}) {
    CAPTURE(row.budget);
    model_test::Fixture f;
    std::size_t steps = 0;
    auto got = run_in_steps(*f.session, files, row.budget, steps);
    REQUIRE(got);
    CHECK(steps >= row.min_steps);
    CHECK(got.value().written);
    CHECK(got.value().resources == resources);
    CHECK(got.value().files == 2);
    CHECK(got.value().by_type == expected.value().by_type);
    CHECK(got.value().unresolved == expected.value().unresolved);
    CHECK(got.value().skipped == expected.value().skipped);
    CHECK(core::fhir::describe(got.value()) == core::fhir::describe(expected.value()));
    CHECK(live_conditions(f.session->state()) == static_cast<std::size_t>(conditions));
    CHECK(got.value().by_type["Patient"].added == 1);
    CHECK(got.value().by_type["Patient"].unchanged == 1);  // the same patient in both files
    CHECK(got.value().by_type["Claim"].kept == 1);
  }
}

TEST_CASE("fhir import job: a problem found part-way stops it, names the place, and writes nothing") {
  struct Row {
    std::size_t budget;
  };
  for (const Row row : {Row{1}, Row{5}, Row{1000}}) {
    CAPTURE(row.budget);
    model_test::Fixture f;
    REQUIRE(core::fhir::import_fhir(*f.session, {{"earlier.json", clinic_bundle(2)}}));
    const core::State before = f.session->state();
    std::size_t steps = 0;
    auto got = run_in_steps(*f.session, {{"fine.json", clinic_bundle(3)}, {"bad.json", clinic_bundle(12, "2026-02-30")}},
                            row.budget, steps);
    REQUIRE_FALSE(got);
    CHECK(got.error().message.find("bad.json: entry 14 (Condition) at /onsetDateTime") != std::string::npos);
    CHECK(f.session->state() == before);
  }
}

TEST_CASE("fhir import job: a dry run reports what an import would do and writes nothing, and a job finishes once") {
  model_test::Fixture f;
  const core::State before = f.session->state();
  std::size_t steps = 0;
  auto dry = run_in_steps(*f.session, {{"patient.json", clinic_bundle(4)}}, 2, steps, true);
  REQUIRE(dry);
  CHECK_FALSE(dry.value().written);
  CHECK(dry.value().by_type["Condition"].added == 4);
  CHECK(f.session->state() == before);

  ImportJob job(*f.session, {{"patient.json", clinic_bundle(4)}});
  CHECK(job.progress() == 0.0);
  REQUIRE(job.finish());
  CHECK(job.progress() == 1.0);
  CHECK(live_conditions(f.session->state()) == 4);
  auto again = job.finish();
  REQUIRE_FALSE(again);
  CHECK(again.error().message == "This import has already finished.");
  CHECK(live_conditions(f.session->state()) == 4);
}
