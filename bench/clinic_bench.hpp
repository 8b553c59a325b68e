// The clinic benchmark behind `liaisonctl bench` (native/bench_command.cpp) and the wasm runner
// (bench/clinic_bench_main.cpp), so both print the same figures: for each clinic size, opening the
// store cold against merely reading its bytes, commit latency of one edit, search-as-you-type per
// keystroke, the worklist for one coordinator and for the whole clinic, the next free slot,
// memory and disk per patient, and the CPU time per frame of each main view of the interface
// (bench/frame_times.hpp). Measures and reports; never judges speed.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace core {
class Session;
}

namespace bench {

struct Percentiles {
  double p50 = 0;
  double p99 = 0;
  int runs = 0;
};

// Nearest-rank p50 and p99 of the times (with fewer than 100 runs, p99 is the slowest).
Percentiles percentiles(std::vector<double> ms);

// One open of a store in a new process (Options::open_in_new_process): its wall time, and the
// processor time the system (the kernel) spent for that process meanwhile, on both threads. Most of
// that is zeroing the fresh memory the records fill; on a virtual machine whose host takes back the
// memory a guest frees (a balloon's free page reporting), zeroing it again waits for the host, and
// the open can take twice as long as with the same memory still held: this figure shows when.
struct OpenTimes {
  double ms = 0;
  double system_ms = 0;
};

// One main view of the interface: CPU time to draw one frame of it (bench/frame_times.hpp).
struct ViewFrameTimes {
  std::string view;  // "Today", "Patient chart: Summary", ...
  Percentiles cpu_ms;
};

struct SizeFigures {
  int patients = 0;
  long long records = 0;
  double generate_s = 0;
  // The files in the system's cache, as when a store is reopened soon after it was last used:
  double open_ms = 0;      // Session::open of snapshot + journal, in the benchmark's process
  OpenTimes open_new_process;  // the same in a new process, as starting the app (medians); 0: not measured
  double read_ms = 0;      // reading the same files' bytes and nothing else
  // The files dropped from the system's cache first, as on the first open after the machine
  // starts: the open in a new process, and the read (the disk's floor). 0: not measured.
  OpenTimes open_from_disk;
  double read_from_disk_ms = 0;
  double disk_bytes = 0;   // the store's files
  Percentiles commit_ms;   // one durable single-field edit
  double search_index_ms = 0;  // building the search over the panel
  Percentiles keystroke_ms;    // one keystroke of search-as-you-type
  double worklist_first_ms = 0;  // the first one-coordinator worklist after the store is opened
  Percentiles worklist_one_ms;  // one coordinator's worklist, the next hundred
  Percentiles fixed_work_ms;    // the same reads after each of those: the machine's steadiness
  Percentiles worklist_all_ms;  // the whole clinic's
  std::size_t worklist_one_items = 0;
  Percentiles free_slot_ms;  // next 5 free 30-minute slots within 60 days
  double memory_bytes = 0;   // heap held by the open session's State
  double peak_bytes = 0;     // peak resident memory (natively) or wasm heap size so far
  std::vector<ViewFrameTimes> frame_ms;  // per main view; empty when frames are not measured
};

// Draws frames of the interface's main views against the open session, signed in as
// `coordinator`, and times them (bench/frame_times.hpp).
using FrameTimer = std::function<std::vector<ViewFrameTimes>(core::Session& session, const std::string& coordinator)>;

struct Options {
  std::vector<int> sizes;
  std::string work_dir;  // stores are written under it, one folder per size, and removed after
  std::string platform;  // "native" or "wasm", written into the results
  // Empty when the frames are not to be timed (--no-frames): then no frame figures.
  FrameTimer frame_timer;
  // Opens the store in `dir` in a new process and returns what the open took there (see
  // open_store_once). A new process's heap has no memory yet: its first open also takes it all from
  // the system, a page at a time, which a reopen in the benchmark's own process does not. Empty
  // where no process can be started (wasm): then no such figure.
  std::function<OpenTimes(const std::string& dir)> open_in_new_process;
  // Drops the files of the store in `dir` from the system's cache, so that the next read of them
  // comes from the disk; false if it could not. Empty where it cannot be done (wasm); with
  // open_in_new_process, the open from disk is measured too.
  std::function<bool(const std::string& dir)> drop_from_system_cache;
};

// Opens the store in `dir` once and returns what it took: what that new process runs.
OpenTimes open_store_once(const std::string& dir);

// "1000,10000,50000" -> {1000, 10000, 50000}; empty when any part is not a positive number.
std::vector<int> parse_sizes(const std::string& text);
// Runs `options`, prints the table, writes the JSON to `out_file` if not empty; the exit code.
int run_and_report(const Options& options, const std::string& out_file);

// Runs every size in turn, printing progress and each size's table as it goes. Throws
// std::runtime_error when a store cannot be written or opened.
std::vector<SizeFigures> run(const Options& options);
// The table of all sizes, with the commit p99 ratio between the largest and smallest.
void print_table(const std::vector<SizeFigures>& figures);
nlohmann::json to_json(const std::vector<SizeFigures>& figures, const std::string& platform);
// Checks the figures are produced and plausible (positive, p99 >= p50); returns what is not.
// With `frames_expected`, each size must have frame figures too.
std::vector<std::string> implausible(const std::vector<SizeFigures>& figures, bool frames_expected = false);

// Memory and the system's processor time, measured per platform (memory_native.cpp / memory_wasm.cpp).
double heap_in_use_bytes();
double peak_memory_bytes();
double system_cpu_ms();  // the kernel's processor time for this process so far (0 where unknown)

}  // namespace bench
