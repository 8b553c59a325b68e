// `liaisonctl import`: imports FHIR R4 files (Bundles, single resources, NDJSON) into a data
// folder as one change, printing progress and a summary (core/fhir/fhir_import.hpp).
#pragma once
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace liaisonctl {

struct ImportRequest {
  std::string data_dir;
  std::vector<std::string> files;  // imported in this order (shared hospitals and practitioners first)
  bool dry_run = false;
};

CLI::App* add_import_command(CLI::App& cli, ImportRequest& request);
// Exit code 0 when imported (or, with --dry-run, when it would import); 1 with the reason on stderr.
int import_files(const ImportRequest& request);

}  // namespace liaisonctl
