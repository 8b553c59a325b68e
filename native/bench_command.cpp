// `liaisonctl bench`: reads the options and runs the shared clinic benchmark (see the header).
#include "bench_command.hpp"

#include <cstdio>
#include <filesystem>

#include "bench/clinic_bench.hpp"
#include "bench/frame_times.hpp"
#include "desktop_paths.hpp"

namespace liaisonctl {

CLI::App* add_bench_command(CLI::App& cli, BenchRequest& request) {
  auto* cmd = cli.add_subcommand("bench", "Measure opening, commits, search, the worklist, memory and the interface's frames at clinic scale");
  cmd->add_option("--patients", request.patients, "Clinic sizes, comma-separated")->capture_default_str();
  cmd->add_option("--out", request.out, "Also write the figures to this JSON file");
  cmd->add_option("--dir", request.work_dir, "Folder for the temporary stores (default: the temp folder)");
  cmd->add_flag("--no-frames", request.no_frames, "Skip timing the interface's frames");
  return cmd;
}

int run_bench(const BenchRequest& request) {
  bench::Options options;
  options.platform = "native";
  options.sizes = bench::parse_sizes(request.patients);
  if (options.sizes.empty()) {
    std::fprintf(stderr, "liaisonctl: --patients takes sizes like 1000,10000,50000\n");
    return 2;
  }
  options.work_dir =
      request.work_dir.empty() ? std::filesystem::temp_directory_path().string() : request.work_dir;
  // The fonts and assets the desktop app uses: beside this program, else the system's fonts.
  if (!request.no_frames) options.frame_timer = bench::frame_timer({desktop::font_dir(), desktop::asset_dir()});
  return bench::run_and_report(options, request.out);
}

}  // namespace liaisonctl
