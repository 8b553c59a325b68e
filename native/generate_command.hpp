// `liaisonctl generate`: writes a synthetic clinic (bench/synthetic_clinic.hpp) of N patients into
// an empty data folder as a snapshot, so the app, the benchmarks and support can open a clinic of
// realistic size. The same seed writes the same files.
#pragma once
#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace liaisonctl {

struct GenerateRequest {
  std::string data_dir;
  int patients = 1000;
  std::uint32_t seed = 1;
};

// Adds the subcommand and its options, which fill in request.
CLI::App* add_generate_command(CLI::App& cli, GenerateRequest& request);
// Exit code 0 when the clinic was written; 1, with the reason on stderr, when it was not (a
// folder that already holds files is never touched).
int generate_clinic(const GenerateRequest& request);

}  // namespace liaisonctl
