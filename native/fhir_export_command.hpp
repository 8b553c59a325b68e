// `liaisonctl export`: writes one patient, a coordinator's caseload or the whole data folder as
// FHIR R4 (a collection Bundle, or NDJSON with --ndjson; core/fhir/fhir_export.hpp). The file is
// written beside its final name and renamed into place, so a failure never leaves half a file.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace liaisonctl {

struct ExportRequest {
  std::string data_dir;
  std::string patient;      // a patient id; empty: see coordinator
  std::string coordinator;  // a coordinator's caseload; both empty: everything
  bool ndjson = false;
  std::string out_file;
};

CLI::App* add_export_command(CLI::App& cli, ExportRequest& request);
// Exit code 0 when the file was written; 1, with the reason on stderr, when it was not.
int export_fhir_file(const ExportRequest& request);

}  // namespace liaisonctl
