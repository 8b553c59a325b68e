// `liaisonctl generate`: builds the synthetic clinic in memory and writes it as one snapshot into
// an empty folder, printing progress (see the header).
#include "generate_command.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

#include "bench/synthetic_clinic.hpp"
#include "core/session.hpp"
#include "core/snapshot.hpp"
#include "core/storage.hpp"

namespace liaisonctl {
namespace {

int fail(const std::string& why) {
  std::fprintf(stderr, "liaisonctl: %s\n", why.c_str());
  return 1;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

CLI::App* add_generate_command(CLI::App& cli, GenerateRequest& request) {
  auto* cmd = cli.add_subcommand("generate", "Write a synthetic clinic of N patients into an empty data folder");
  cmd->add_option("--data", request.data_dir, "Data folder (must be empty or not exist yet)")->required();
  cmd->add_option("--patients", request.patients, "How many patients")->capture_default_str()->check(CLI::Range(1, 1000000));
  cmd->add_option("--seed", request.seed, "Seed: the same seed gives the same clinic")->capture_default_str();
  return cmd;
}

int generate_clinic(const GenerateRequest& request) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(request.data_dir, error)) {
    if (!fs::is_directory(request.data_dir, error)) return fail(request.data_dir + " is a file, not a folder");
    if (!fs::is_empty(request.data_dir, error))
      return fail(request.data_dir +
                  " already holds files; generate writes only into an empty folder, so no clinic data is ever "
                  "overwritten. Choose a new folder.");
  }
  const auto start = std::chrono::steady_clock::now();
  synthetic::ClinicSize size;
  size.patients = request.patients;
  size.seed = request.seed;
  core::DirectoryStorage storage(request.data_dir);
  if (auto prepared = storage.prepare(); !prepared) return fail("cannot create " + request.data_dir + ": " + prepared.error().message);
  std::vector<std::string> files;
  {
    std::printf("Generating %d patients (seed %u)...\n", size.patients, size.seed);
    const synthetic::Clinic clinic = synthetic::generate_clinic(size, [&](int done) {
      std::printf("  %d of %d patients (%.1f s)\n", done, size.patients, seconds_since(start));
      std::fflush(stdout);
    });
    std::printf("  %d appointments over a year, %lld records in all (%.1f s)\nWriting the snapshot...\n",
                clinic.appointments, clinic.records, seconds_since(start));
    std::fflush(stdout);
    auto written = core::write_snapshot(storage, clinic.state, core::SnapshotMeta{});
    if (!written) return fail("writing the snapshot failed: " + written.error().message);
    files = written.value();
  }
  // Opening it once checks it reads back and gives the folder its device identity, as the app would.
  std::printf("Opening it to check...\n");
  std::fflush(stdout);
  core::SystemClock clock;
  auto session = core::Session::open(storage, clock, {"liaisonctl"});
  if (!session) return fail("the written clinic does not open: " + session.error().message);
  const std::size_t patients = session.value()->state().patients_by_mrn.size();
  std::uintmax_t bytes = 0;
  for (const std::string& name : files) bytes += fs::file_size(fs::path(request.data_dir) / name, error);
  std::printf("Wrote %s: %zu patients, %zu snapshot files, %.1f MB (%.1f s). Open it with: liaison --data %s\n",
              request.data_dir.c_str(), patients, files.size(), static_cast<double>(bytes) / 1e6, seconds_since(start),
              request.data_dir.c_str());
  return 0;
}

}  // namespace liaisonctl
