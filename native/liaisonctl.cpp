// liaisonctl: the command-line tool for a Liaison data folder (clinic machines, support, CI).
//   liaisonctl check   --data DIR   verify every file and checksum; exit 1 if anything is damaged
//   liaisonctl compact --data DIR   fold the journal into a new snapshot
//   liaisonctl calendar --data DIR (--patient ID | --practitioner ID) --out FILE
//                                   write those appointments to an iCalendar file (calendar_export.cpp)
//   liaisonctl import --data DIR [--dry-run] FILE...
//                                   import FHIR R4 files as one change (fhir_import_command.cpp)
//   liaisonctl export --data DIR [--patient ID | --coordinator NAME] [--ndjson] --out FILE
//                                   write FHIR R4, a Bundle or NDJSON (fhir_export_command.cpp)
//   liaisonctl figures --data DIR [--coordinator NAME] [--from DATE] [--to DATE]
//                                   print the caseload figures (figures_command.cpp)
//   liaisonctl generate --data DIR [--patients N] [--seed S]
//                                   write a synthetic clinic into an empty folder (generate_command.cpp)
//   liaisonctl bench [--patients 1000,10000,50000] [--out FILE.json]
//                                   measure the clinic at those sizes (bench_command.cpp)
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "calendar_export.hpp"
#include "fhir_export_command.hpp"
#include "fhir_import_command.hpp"
#include "figures_command.hpp"
#include "generate_command.hpp"
#include "bench_command.hpp"
#include "core/session.hpp"
#include "core/store_check.hpp"
#include "desktop_paths.hpp"

namespace {

int check(const std::string& dir) {
  if (!std::filesystem::is_directory(dir)) {
    std::fprintf(stderr, "liaisonctl: %s is not a folder\n", dir.c_str());
    return 2;
  }
  core::DirectoryStorage storage(dir);
  core::StoreReport r = core::check_store(storage);
  std::printf("%s: %d files, snapshot with %d records, %d journal segments with %d commits, %d archived commits\n",
              dir.c_str(), r.files, r.snapshot_records, r.segments, r.batches, r.archived_batches);
  for (const auto& p : r.problems) std::printf("damaged: %s\n", p.c_str());
  std::printf("%s\n", r.problems.empty() ? "ok: the store is intact" : "NOT OK: see the damage listed above");
  return r.problems.empty() ? 0 : 1;
}

int compact(const std::string& dir) {
  core::DirectoryStorage storage(dir);
  core::SystemClock clock;
  auto session = core::Session::open(storage, clock, {"liaisonctl"});
  if (!session) {
    std::fprintf(stderr, "liaisonctl: %s\n", session.error().message.c_str());
    return 1;
  }
  for (const auto& w : session.value()->warnings()) std::printf("warning: %s\n", w.c_str());
  if (auto s = session.value()->compact(); !s) {
    std::fprintf(stderr, "liaisonctl: compaction failed: %s\n", s.error().message.c_str());
    return 1;
  }
  std::printf("compacted %s\n", dir.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"liaisonctl: checks, maintenance and exports for a Liaison data folder"};
  cli.require_subcommand(1);
  std::string dir = desktop::default_data_dir();
  auto* check_cmd = cli.add_subcommand("check", "Verify every file and checksum (read-only); exit 1 if damaged");
  check_cmd->add_option("--data", dir, "Data folder")->capture_default_str();
  auto* compact_cmd = cli.add_subcommand("compact", "Fold the journal into a new snapshot");
  compact_cmd->add_option("--data", dir, "Data folder")->capture_default_str();
  liaisonctl::CalendarRequest calendar;
  calendar.data_dir = dir;
  auto* calendar_cmd = liaisonctl::add_calendar_command(cli, calendar);
  liaisonctl::ImportRequest import_request;
  import_request.data_dir = dir;
  auto* import_cmd = liaisonctl::add_import_command(cli, import_request);
  liaisonctl::ExportRequest export_request;
  export_request.data_dir = dir;
  auto* export_cmd = liaisonctl::add_export_command(cli, export_request);
  liaisonctl::FiguresRequest figures;
  figures.data_dir = dir;
  auto* figures_cmd = liaisonctl::add_figures_command(cli, figures);
  liaisonctl::GenerateRequest generate;
  auto* generate_cmd = liaisonctl::add_generate_command(cli, generate);
  liaisonctl::BenchRequest bench_request;
  auto* bench_cmd = liaisonctl::add_bench_command(cli, bench_request);
  CLI11_PARSE(cli, argc, argv);
  if (check_cmd->parsed()) return check(dir);
  if (calendar_cmd->parsed()) return liaisonctl::export_calendar(calendar);
  if (import_cmd->parsed()) return liaisonctl::import_files(import_request);
  if (export_cmd->parsed()) return liaisonctl::export_fhir_file(export_request);
  if (figures_cmd->parsed()) return liaisonctl::print_figures(figures);
  if (generate_cmd->parsed()) return liaisonctl::generate_clinic(generate);
  if (bench_cmd->parsed()) return liaisonctl::run_bench(bench_request);
  return compact(dir);
}
