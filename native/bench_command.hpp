// `liaisonctl bench`: the clinic benchmark (bench/clinic_bench.hpp) at the sizes asked for,
// printed as a table and optionally written as JSON, so later changes can be compared.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace liaisonctl {

struct BenchRequest {
  std::string patients = "1000,10000,50000";  // comma-separated clinic sizes
  std::string out;                            // JSON file; empty: table only
  std::string work_dir;                       // where the stores are written; empty: the temp folder
  bool no_frames = false;                     // skip the interface's frame figures
  std::string open_once;  // hidden: open this store once, print the ms and exit (the new-process open)
};

// Adds the subcommand and its options, which fill in request.
CLI::App* add_bench_command(CLI::App& cli, BenchRequest& request);
// Exit code 0 when every figure was produced and is plausible; 1 otherwise; 2 for bad sizes.
int run_bench(const BenchRequest& request);

}  // namespace liaisonctl
