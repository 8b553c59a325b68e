// `liaisonctl bench`: reads the options and runs the shared clinic benchmark (see the header).
#include "bench_command.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

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
  cmd->add_option("--open-once", request.open_once)->group("");  // run by open_in_new_process
  return cmd;
}

namespace {

// Runs this program again as `liaisonctl bench --open-once DIR` and reads the two times it prints.
bench::OpenTimes open_in_new_process(const std::string& dir) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("cannot start a process to open the store in");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::string program = "liaisonctl", bench = "bench", flag = "--open-once", folder = dir;
  char* argv[] = {program.data(), bench.data(), flag.data(), folder.data(), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (spawned != 0) {
    close(out[0]);
    throw std::runtime_error("cannot start a process to open the store in");
  }
  std::string printed;
  char buffer[256];
  for (ssize_t n; (n = read(out[0], buffer, sizeof buffer)) > 0;) printed.append(buffer, static_cast<std::size_t>(n));
  close(out[0]);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("opening the store in a new process failed");
  char* rest = nullptr;
  bench::OpenTimes times;
  times.ms = std::strtod(printed.c_str(), &rest);
  times.system_ms = std::strtod(rest, nullptr);
  if (!(times.ms > 0)) throw std::runtime_error("the new process printed no time for its open: \"" + printed + "\"");
  return times;
}

// Drops each file of the folder from the page cache: written back first (fdatasync), as only clean
// pages can be dropped, then posix_fadvise(POSIX_FADV_DONTNEED).
bool drop_from_system_cache(const std::string& dir) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const int fd = open(entry.path().c_str(), O_RDONLY);
    if (fd < 0) return false;
    const bool dropped = fdatasync(fd) == 0 && posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    close(fd);
    if (!dropped) return false;
  }
  return !error;
}

}  // namespace

int run_bench(const BenchRequest& request) {
  if (!request.open_once.empty()) {
    try {
      const bench::OpenTimes times = bench::open_store_once(request.open_once);
      std::printf("%.3f %.3f\n", times.ms, times.system_ms);
      return 0;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bench: %s\n", e.what());
      return 1;
    }
  }
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
  options.open_in_new_process = open_in_new_process;
  options.drop_from_system_cache = drop_from_system_cache;
  return bench::run_and_report(options, request.out);
}

}  // namespace liaisonctl
