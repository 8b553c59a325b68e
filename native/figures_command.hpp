// `liaisonctl figures`: prints the caseload figures of one coordinator or the whole clinic over a
// period (see core/clinical/caseload_figures.hpp), one plain sentence per figure.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace liaisonctl {

struct FiguresRequest {
  std::string data_dir;
  std::string coordinator;  // empty: the whole clinic
  std::string from;         // "YYYY-MM-DD"; empty: the first day of the month of `to`
  std::string to;           // "YYYY-MM-DD"; empty: today
};

// Adds the subcommand and its options, which fill in request.
CLI::App* add_figures_command(CLI::App& cli, FiguresRequest& request);
// Exit code 0 when the figures were printed; 1, with the reason on stderr, when they were not.
int print_figures(const FiguresRequest& request);

}  // namespace liaisonctl
