// FHIR R4 import over the real public fixtures in ../shared/fixtures/fhir (Synthea patients,
// the official HL7 examples, US Core examples, a test server's bundles): every file imports with
// no error (support bundles first), a second import adds nothing, and the time the biggest
// Synthea file takes is printed. Native only: the files live outside the source tree.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/fhir/fhir_import.hpp"
#include "fhir_fixture_files.hpp"
#include "model_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using core::fhir::FhirFile;

using test::kFhirFixtures;

template <class T>
std::size_t live_count(const core::State& state) {
  std::size_t n = 0;
  for (const auto& [id, r] : state.table<T>()) n += !r.deleted;
  return n;
}

}  // namespace

TEST_CASE("fhir fixtures: every file imports with no error, and again without duplicates") {
  REQUIRE(fs::is_directory(kFhirFixtures));
  model_test::Fixture f;
  const auto files = test::fhir_fixture_paths();
  REQUIRE(files.size() > 200);
  std::size_t resources = 0, kept = 0;
  double slowest = 0;
  std::string slowest_name;
  for (const fs::path& path : files) {
    FhirFile file = test::read_fhir_fixture(path);
    CAPTURE(file.name);
    const auto started = std::chrono::steady_clock::now();
    auto done = core::fhir::import_fhir(*f.session, {file});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    resources += done.value().resources;
    for (const auto& [type, counts] : done.value().by_type) kept += counts.kept;
    if (seconds > slowest) {
      slowest = seconds;
      slowest_name = file.name + " (" + std::to_string(done.value().resources) + " resources, " +
                     std::to_string(file.bytes.size() / 1000) + " kB)";
    }
  }
  MESSAGE("imported " << resources << " resources from " << files.size() << " files, " << kept
                      << " kept for export; slowest: " << slowest_name << " in " << slowest << " s");

  // All files in one import (resources whose patient is in another file map now), then the same
  // import again: records are matched and updated in place, nothing is added, nothing changes.
  std::vector<FhirFile> all;
  for (const fs::path& path : files) all.push_back(test::read_fhir_fixture(path));
  auto together = core::fhir::import_fhir(*f.session, all);
  REQUIRE_MESSAGE(together.ok(), (together.ok() ? std::string() : together.error().message));
  const core::State before = f.session->state();
  const std::size_t patients = live_count<core::Patient>(before);
  auto again = core::fhir::import_fhir(*f.session, all);
  REQUIRE_MESSAGE(again.ok(), (again.ok() ? std::string() : again.error().message));
  for (const auto& entry : again.value().by_type) {  // no structured binding: clang 14 cannot capture one
    const auto& type = entry.first;
    CAPTURE(type);
    CHECK(entry.second.added == 0);
    CHECK(entry.second.updated == 0);
  }
  CHECK(!again.value().written);
  CHECK(f.session->state() == before);
  CHECK(live_count<core::Patient>(f.session->state()) == patients);
}

TEST_CASE("fhir fixtures: the 2021 Synthea patients resolve their conditional references once support is loaded") {
  model_test::Fixture f;
  const std::string dir = kFhirFixtures + "/synthea/fhir-data-pipes-2021/";
  std::vector<FhirFile> support;
  for (const auto& e : fs::directory_iterator(dir + "support")) support.push_back(test::read_fhir_fixture(e.path()));
  std::sort(support.begin(), support.end(), [](const FhirFile& a, const FhirFile& b) { return a.name < b.name; });
  const auto started = std::chrono::steady_clock::now();
  auto loaded = core::fhir::import_fhir(*f.session, support);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? std::string() : loaded.error().message));
  MESSAGE("support bundles: " << loaded.value().resources << " resources in one commit, " << seconds << " s");
  CHECK(loaded.value().by_type["Organization"].added > 1000);
  CHECK(loaded.value().by_type["Practitioner"].added > 1000);
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    FhirFile file = test::read_fhir_fixture(e.path());
    CAPTURE(file.name);
    auto done = core::fhir::import_fhir(*f.session, {file});
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? std::string() : done.error().message));
    for (const std::string& u : done.value().unresolved) {
      // Only references to resources these bundles never carry may stay unresolved.
      CHECK_MESSAGE(u.find("Practitioner?") == std::string::npos, u);
      CHECK_MESSAGE(u.find("Organization?") == std::string::npos, u);
    }
  }
  // Without the support bundles the same references are reported, never fatal.
  model_test::Fixture bare;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    auto done = core::fhir::import_fhir(*bare.session, {test::read_fhir_fixture(e.path())});
    REQUIRE(done);
    CHECK(!done.value().unresolved.empty());
  }
}
