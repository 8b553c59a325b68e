// The public FHIR fixtures in ../shared/fixtures/fhir, as the fixture and round-trip tests read
// them: every JSON or NDJSON file except the schema, support bundles first, then by path.
// Native only: the files live outside the source tree.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/fhir/fhir_import.hpp"

namespace test {

inline const std::string kFhirFixtures = LIAISON_SOURCE_DIR "/../shared/fixtures/fhir";

inline std::vector<std::filesystem::path> fhir_fixture_paths() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(kFhirFixtures)) {
    const fs::path& p = e.path();
    if (!e.is_regular_file() || (p.extension() != ".json" && p.extension() != ".ndjson")) continue;
    const std::string rel = fs::relative(p, kFhirFixtures).string();
    if (rel.rfind("schema/", 0) == 0 || p.filename() == "package.json") continue;
    files.push_back(p);
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    bool sa = a.string().find("/support/") != std::string::npos, sb = b.string().find("/support/") != std::string::npos;
    return sa != sb ? sa : a < b;
  });
  return files;
}

// One fixture as the importer takes it, named by its path under the fixtures folder.
inline core::fhir::FhirFile read_fhir_fixture(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return {std::filesystem::relative(path, kFhirFixtures).string(), content.str()};
}

}  // namespace test
