// FHIR round trip over the real public fixtures in ../shared/fixtures/fhir: every file imported
// into store A (support bundles first, in one import), the whole store exported, the export
// imported into an empty store B; both stores must hold the same records with the same content
// (links compared through the linked record's exported id) and the same resources kept whole.
// Also writes the exports for the schema validation ctest (tests/fhir/validate_export.mjs) when
// LIAISON_FHIR_EXPORT_DIR is set. Native only: the files live outside the source tree.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/fhir/fhir_export.hpp"
#include "core/fhir/fhir_import.hpp"
#include "fhir_fixture_files.hpp"
#include "fhir_round_trip.hpp"
#include "core/session.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using core::fhir::FhirFile;

// Every fixture, support bundles first.
std::vector<FhirFile> all_fixtures() {
  std::vector<FhirFile> out;
  for (const fs::path& p : test::fhir_fixture_paths()) out.push_back(test::read_fhir_fixture(p));
  return out;
}

struct Store {
  test::TempDir dir;
  core::DirectoryStorage storage{dir.path()};
  test::FixedClock clock;
  std::unique_ptr<core::Session> session;
  Store() {
    auto opened = core::Session::open(storage, clock, {"casey.coordinator"});
    REQUIRE(opened);
    session = std::move(opened.value());
  }
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("fhir round trip: every fixture imported, exported and imported into an empty store gives the same state") {
  REQUIRE(fs::is_directory(test::kFhirFixtures));
  Store a;
  auto first = core::fhir::import_fhir(*a.session, all_fixtures());
  REQUIRE_MESSAGE(first.ok(), (first.ok() ? std::string() : first.error().message));

  auto started = std::chrono::steady_clock::now();
  auto exported = core::fhir::export_fhir(a.session->state(), {});
  REQUIRE(exported);
  MESSAGE("exported " << exported.value().resources << " resources of " << exported.value().patients << " patients ("
                      << exported.value().text.size() / 1000 << " kB) in " << seconds_since(started) << " s");
  auto ndjson = core::fhir::export_fhir(a.session->state(), {"", "", core::fhir::ExportFormat::Ndjson});
  REQUIRE(ndjson);
  CHECK(ndjson.value().resources == exported.value().resources);
  if (const char* out = std::getenv("LIAISON_FHIR_EXPORT_DIR")) {
    fs::create_directories(out);
    std::ofstream(fs::path(out) / "export.json", std::ios::binary) << exported.value().text;
    std::ofstream(fs::path(out) / "export.ndjson", std::ios::binary) << ndjson.value().text;
  }

  Store b;
  started = std::chrono::steady_clock::now();
  auto second = core::fhir::import_fhir(*b.session, {{"export.json", exported.value().text}});
  REQUIRE_MESSAGE(second.ok(), (second.ok() ? std::string() : second.error().message));
  MESSAGE("imported the export into an empty store in " << seconds_since(started) << " s");

  const auto before = fhir_test::records_by_name(a.session->state());
  const auto after = fhir_test::records_by_name(b.session->state());
  for (const auto& [entity, records] : before) MESSAGE(entity << ": " << records.size() << " records");
  const std::vector<std::string> diff = fhir_test::differences(before, after);
  std::string shown;
  for (std::size_t i = 0; i < diff.size() && i < 40; ++i) shown += diff[i] + "\n";
  CHECK_MESSAGE(diff.empty(), diff.size() << " differences, the first ones:\n" << shown);
  CHECK(fhir_test::kept_resources(a.session->state()) == fhir_test::kept_resources(b.session->state()));

  // The second store's export is the first's, byte for byte: ids and order do not depend on the store.
  auto again = core::fhir::export_fhir(b.session->state(), {});
  REQUIRE(again);
  const std::string& one = exported.value().text;
  const std::string& two = again.value().text;
  const std::size_t at = std::mismatch(one.begin(), one.begin() + std::min(one.size(), two.size()), two.begin()).first - one.begin();
  CHECK_MESSAGE(one == two, "the exports differ at byte " << at << ":\n" << one.substr(at < 300 ? 0 : at - 300, 600)
                                                          << "\n----\n" << two.substr(at < 300 ? 0 : at - 300, 600));
}
