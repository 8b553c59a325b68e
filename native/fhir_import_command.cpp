#include "fhir_import_command.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/fhir/fhir_import.hpp"
#include "core/session.hpp"

namespace liaisonctl {
namespace {

int fail(const std::string& why) {
  std::fprintf(stderr, "liaisonctl: %s\n", why.c_str());
  return 1;
}

}  // namespace

CLI::App* add_import_command(CLI::App& cli, ImportRequest& request) {
  auto* cmd = cli.add_subcommand("import", "Import FHIR R4 JSON files (Bundles, resources, NDJSON) as one change");
  cmd->add_option("--data", request.data_dir, "Data folder")->capture_default_str();
  cmd->add_flag("--dry-run", request.dry_run, "Report what would be imported without writing anything");
  cmd->add_option("files", request.files, "FHIR files, imported in the order given")->required();
  return cmd;
}

int import_files(const ImportRequest& request) {
  if (!std::filesystem::is_directory(request.data_dir)) return fail(request.data_dir + " is not a folder");
  std::vector<core::fhir::FhirFile> files;
  std::size_t bytes = 0;
  for (const std::string& path : request.files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot read " + path);
    std::ostringstream content;
    content << in.rdbuf();
    files.push_back({std::filesystem::path(path).filename().string(), content.str()});
    bytes += files.back().bytes.size();
  }
  core::DirectoryStorage storage(request.data_dir);
  core::SystemClock clock;
  auto session = core::Session::open(storage, clock, {"liaisonctl"});
  if (!session) return fail(session.error().message);
  for (const auto& w : session.value()->warnings()) std::fprintf(stderr, "warning: %s\n", w.c_str());

  core::fhir::ImportOptions options;
  options.dry_run = request.dry_run;
  options.progress = [](std::size_t done, std::size_t total) {
    std::fprintf(stderr, "\rmapped %zu of %zu resources", done, total);
    if (done == total) std::fprintf(stderr, "\n");
  };
  const auto started = std::chrono::steady_clock::now();
  auto summary = core::fhir::import_fhir(*session.value(), files, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!summary) return fail("nothing was imported: " + summary.error().message);
  for (const std::string& line : core::fhir::describe(summary.value())) std::printf("%s\n", line.c_str());
  std::printf("%s in %.2f s (%.0f resources/s, %.1f MB/s)\n", request.dry_run ? "dry run: checked" : "imported",
              seconds, summary.value().resources / (seconds > 0 ? seconds : 1e-9),
              static_cast<double>(bytes) / 1e6 / (seconds > 0 ? seconds : 1e-9));
  return 0;
}

}  // namespace liaisonctl
