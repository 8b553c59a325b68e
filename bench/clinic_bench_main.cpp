// The clinic benchmark as its own program, so the same figures as `liaisonctl bench` come out as
// wasm under node (where the run stops at 10,000 patients by default) as well as natively.
//   clinic_bench [--patients 1000,10000] [--out FILE.json] [--dir WORK_DIR] [--fonts DIR] [--assets DIR]
//                [--no-frames]
// The frames need the interface's font files and the files of assets/; by default those of the
// tree it was built from (as wasm it is linked with NODERAWFS, so it reads the real files too).
#include <cstdio>
#include <filesystem>
#include <string>

#include "bench/clinic_bench.hpp"
#include "bench/frame_times.hpp"

#ifndef LIAISON_BENCH_PLATFORM
#define LIAISON_BENCH_PLATFORM "native"
#endif

int main(int argc, char** argv) {
  bench::Options options;
  options.platform = LIAISON_BENCH_PLATFORM;
  options.sizes = {1000, 10000};
  options.work_dir = std::filesystem::temp_directory_path().string();
  bench::FrameSetup frames{LIAISON_BENCH_FONT_DIR, LIAISON_BENCH_ASSET_DIR};
  bool no_frames = false;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--patients" && has_value) {
      options.sizes = bench::parse_sizes(argv[++i]);
    } else if (arg == "--out" && has_value) {
      out = argv[++i];
    } else if (arg == "--dir" && has_value) {
      options.work_dir = argv[++i];
    } else if (arg == "--fonts" && has_value) {
      frames.font_dir = argv[++i];
    } else if (arg == "--assets" && has_value) {
      frames.asset_dir = argv[++i];
    } else if (arg == "--no-frames") {
      no_frames = true;
    } else {
      options.sizes.clear();
      break;
    }
  }
  if (options.sizes.empty()) {
    std::fprintf(stderr,
                 "usage: clinic_bench [--patients 1000,10000] [--out FILE.json] [--dir WORK_DIR] [--fonts DIR] "
                 "[--assets DIR] [--no-frames]\n");
    return 2;
  }
  if (!no_frames) options.frame_timer = bench::frame_timer(frames);
  return bench::run_and_report(options, out);
}
