// FHIR R4 import throughput over real files: each file (support bundles first) is imported as one
// commit into an in-memory store, as a coordinator would import them one after another, and the
// figures are resources/s and MB/s, for all files and for the biggest one. Prints; never judges.
// Runs natively and as wasm under node (built with -sNODERAWFS=1 to read the files).
//   fhir_import_bench DIR_OR_FILE... [--limit N]   (N: at most N files, for a smoke run)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/fhir/fhir_import.hpp"
#include "core/session.hpp"
#include "tests/core/memory_storage.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

class FixedClock final : public core::Clock {
 public:
  std::int64_t now_ms() const override { return 1'795'000'000'000; }
  core::CivilDate today() const override { return core::CivilDate{date::year{2026}, date::November, date::day{28}}; }
};

std::vector<fs::path> json_files(const std::vector<std::string>& roots) {
  std::vector<fs::path> files;
  for (const std::string& root : roots) {
    if (fs::is_regular_file(root)) {
      files.push_back(root);
      continue;
    }
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file() && (e.path().extension() == ".json" || e.path().extension() == ".ndjson")) files.push_back(e.path());
  }
  auto support_first = [](const fs::path& a, const fs::path& b) {
    bool sa = a.string().find("/support/") != std::string::npos, sb = b.string().find("/support/") != std::string::npos;
    return sa != sb ? sa : a < b;
  };
  std::sort(files.begin(), files.end(), support_first);
  return files;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void line(const char* what, std::size_t resources, double bytes, double seconds) {
  std::printf("%-34s %8zu resources %8.2f MB %8.3f s %10.0f resources/s %7.2f MB/s\n", what, resources, bytes / 1e6, seconds,
              resources / seconds, bytes / 1e6 / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> roots;
  std::size_t limit = static_cast<std::size_t>(-1);
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--limit" && i + 1 < argc) limit = static_cast<std::size_t>(std::atol(argv[++i]));
    else roots.push_back(arg);
  }
  if (roots.empty()) {
    std::fprintf(stderr, "usage: fhir_import_bench DIR_OR_FILE... [--limit N]\n");
    return 2;
  }
  std::vector<fs::path> files = json_files(roots);
  if (files.size() > limit) files.resize(limit);
  if (files.empty()) {
    std::fprintf(stderr, "no .json or .ndjson files found\n");
    return 1;
  }

  FixedClock clock;
  test::MemoryStorage storage;
  (void)storage.write_atomic("device.json", "{\"device_id\":\"dbench\"}\n");
  auto session = core::Session::open(storage, clock);
  if (!session) {
    std::fprintf(stderr, "cannot open the store: %s\n", session.error().message.c_str());
    return 1;
  }
  std::size_t total_resources = 0, biggest_resources = 0;
  double total_bytes = 0, total_seconds = 0, biggest_bytes = 0, biggest_seconds = 0;
  std::string biggest;
  for (const fs::path& path : files) {
    core::fhir::FhirFile file{path.filename().string(), slurp(path)};
    auto start = Clock::now();
    auto done = core::fhir::import_fhir(*session.value(), {file});
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!done) {
      std::fprintf(stderr, "%s\n", done.error().message.c_str());
      return 1;
    }
    total_resources += done.value().resources;
    total_bytes += file.bytes.size();
    total_seconds += seconds;
    if (file.bytes.size() > biggest_bytes) {
      biggest = file.name;
      biggest_bytes = file.bytes.size();
      biggest_resources = done.value().resources;
      biggest_seconds = seconds;
    }
  }
  std::printf("FHIR import, %zu files, one commit each, into an in-memory store\n", files.size());
  line("all files", total_resources, total_bytes, total_seconds);
  line("biggest file", biggest_resources, biggest_bytes, biggest_seconds);
  std::printf("  (%s)\n", biggest.c_str());
  return 0;
}
