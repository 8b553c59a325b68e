#include "fhir_export_command.hpp"

#include <cstdio>
#include <filesystem>

#include "core/fhir/fhir_export.hpp"
#include "core/session.hpp"
#include "output_file.hpp"

namespace liaisonctl {
namespace {

int fail(const std::string& why) {
  std::fprintf(stderr, "liaisonctl: %s\n", why.c_str());
  return 1;
}

}  // namespace

CLI::App* add_export_command(CLI::App& cli, ExportRequest& request) {
  auto* cmd = cli.add_subcommand("export", "Write a patient, a caseload or everything as FHIR R4 (Bundle or NDJSON)");
  cmd->add_option("--data", request.data_dir, "Data folder")->capture_default_str();
  auto* patient = cmd->add_option("--patient", request.patient, "Id of the patient to export");
  auto* coordinator = cmd->add_option("--coordinator", request.coordinator, "Export this coordinator's caseload");
  patient->excludes(coordinator);
  cmd->add_flag("--ndjson", request.ndjson, "One resource per line instead of a Bundle");
  cmd->add_option("--out", request.out_file, "The file to write")->required();
  return cmd;
}

int export_fhir_file(const ExportRequest& request) {
  if (!std::filesystem::is_directory(request.data_dir)) return fail(request.data_dir + " is not a folder");
  core::DirectoryStorage storage(request.data_dir);
  core::SystemClock clock;
  auto session = core::Session::open(storage, clock, {"liaisonctl"});
  if (!session) return fail(session.error().message);
  for (const auto& w : session.value()->warnings()) std::fprintf(stderr, "warning: %s\n", w.c_str());

  core::fhir::ExportRequest what{request.patient, request.coordinator,
                                 request.ndjson ? core::fhir::ExportFormat::Ndjson : core::fhir::ExportFormat::Bundle};
  auto exported = core::fhir::export_fhir(session.value()->state(), what);
  if (!exported) return fail("nothing was exported: " + exported.error().message);
  if (auto problem = write_atomically(request.out_file, exported.value().text); !problem.empty()) return fail(problem);
  const auto& r = exported.value();
  std::printf("exported %zu resources (%zu patient%s) to %s\n", r.resources, r.patients, r.patients == 1 ? "" : "s",
              request.out_file.c_str());
  for (const auto& [type, count] : r.by_type) std::printf("  %s: %zu\n", type.c_str(), count);
  return 0;
}

}  // namespace liaisonctl
