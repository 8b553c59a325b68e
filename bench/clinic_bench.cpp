// The clinic benchmark (see the header). Each size: generate the clinic, write it as a snapshot,
// commit single edits (which also leaves a journal behind the snapshot), then reopen the store
// cold and time everything else against that open Session, the interface's frames last.
#include "bench/clinic_bench.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>

#include "bench/frame_times.hpp"
#include "bench/synthetic_clinic.hpp"
#include "core/patient_search.hpp"
#include "core/run_both.hpp"
#include "core/scheduling/availability.hpp"
#include "core/session.hpp"
#include "core/snapshot.hpp"
#include "core/worklist/worklist.hpp"

namespace bench {

Percentiles percentiles(std::vector<double> ms) {
  Percentiles p;
  p.runs = static_cast<int>(ms.size());
  if (ms.empty()) return p;
  std::sort(ms.begin(), ms.end());
  auto rank = [&](double q) {
    const auto k = static_cast<std::size_t>(std::ceil(q * static_cast<double>(ms.size())));
    return ms[std::min(ms.size() - 1, k == 0 ? 0 : k - 1)];
  };
  p.p50 = rank(0.50);
  p.p99 = rank(0.99);
  return p;
}

namespace {

using Clock = std::chrono::steady_clock;
using synthetic::patient_id;

constexpr int kCommits = 200;
constexpr int kOpenRounds = 3;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

Percentiles time_runs(int runs, const std::function<void(int)>& run) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    run(i);
    ms.push_back(ms_since(start));
  }
  return percentiles(std::move(ms));
}

// The same reads of memory every time: a value from every 32nd measurement, scattered through
// memory as the records a worklist reads are, split over the two threads the worklist runs on
// (core/run_both.hpp). Timed between the worklist runs, it shows how steady the machine itself was
// meanwhile. Where the host of a virtual machine takes one of its processors away for a while,
// work split over both waits for the half left on that one: these reads slow down then just as
// the worklist does, and such slow runs are the machine's, not the worklist's.
volatile double fixed_work_result;  // written, so that the reads are not left out
void fixed_work(const core::State& state) {
  auto sum = [&](std::size_t start) {
    double total = 0;
    std::size_t i = 0;
    for (const auto& [id, m] : state.table<core::Measurement>())
      if (i++ % 64 == start && m.value) total += *m.value;
    return total;
  };
  double first = 0, second = 0;
  core::run_both([&] { first = sum(0); }, [&] { second = sum(32); });
  fixed_work_result = first + second;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The median wall time and, apart, the median system time of several opens.
OpenTimes median(const std::vector<OpenTimes>& opens) {
  std::vector<double> ms, system_ms;
  for (const OpenTimes& o : opens) {
    ms.push_back(o.ms);
    system_ms.push_back(o.system_ms);
  }
  return {median(std::move(ms)), median(std::move(system_ms))};
}

void fail_if(bool failed, const std::string& what, const std::string& why) {
  if (failed) throw std::runtime_error(what + ": " + why);
}

// Generates the clinic and writes it into `dir` as a snapshot; the clinic is freed on return.
void write_clinic(SizeFigures& f, const synthetic::ClinicSize& size, const std::string& dir) {
  const auto start = Clock::now();
  const synthetic::Clinic clinic = synthetic::generate_clinic(size);
  f.generate_s = ms_since(start) / 1000;
  f.records = clinic.records;
  std::filesystem::remove_all(dir);
  core::DirectoryStorage storage(dir);
  auto prepared = storage.prepare();
  fail_if(!prepared, "cannot create " + dir, prepared ? "" : prepared.error().message);
  auto written = core::write_snapshot(storage, clinic.state, core::SnapshotMeta{});
  fail_if(!written, "cannot write the snapshot", written ? "" : written.error().message);
}

std::unique_ptr<core::Session> open_session(core::Storage& storage, const core::Clock& clock) {
  auto session = core::Session::open(storage, clock, {"bench"});
  fail_if(!session, "cannot open the store", session ? "" : session.error().message);
  return std::move(session.value());
}

// Single-field edits, each durable; they stay in the journal for the cold open.
Percentiles commit_edits(core::Session& session, int patients) {
  return time_runs(kCommits, [&](int i) {
    const std::string id = patient_id(static_cast<int>((static_cast<long long>(i) * 7919) % patients));
    auto done = session.commit(
        core::UpdateRecord{core::EntityType::Patient, id, {{"phones", {"312 555 " + std::to_string(1000 + i)}}}});
    fail_if(!done, "commit failed", done ? "" : done.error().message);
  });
}

double read_all_bytes(const core::Storage& storage, double& bytes) {
  const auto start = Clock::now();
  bytes = 0;
  const auto names = storage.list();
  fail_if(!names, "cannot list the store", names ? "" : names.error().message);
  for (const std::string& name : names.value()) bytes += static_cast<double>(storage.read(name).value().size());
  return ms_since(start);
}

// What a coordinator types into the search box: a family name and the start of a given name, an
// MRN, a phone number as written, a date of birth; every prefix is one keystroke.
std::vector<std::string> typed_queries(const core::State& state, int patients) {
  std::vector<std::string> queries;
  for (int q = 0; q < 24; ++q) {
    const core::Patient* p = state.find(core::Id<core::Patient>{patient_id((q * 7919 + 13) % patients)});
    if (!p) continue;
    switch (q % 4) {
      case 0: queries.push_back(p->family_name + " " + p->given_name.substr(0, 2)); break;
      case 1: queries.push_back(p->mrn); break;
      case 2: queries.push_back(p->phones.empty() ? p->given_name : p->phones.front()); break;
      default: queries.push_back(p->birth_date ? core::format_civil_date(*p->birth_date) : p->family_name); break;
    }
  }
  return queries;
}

void search_as_you_type(SizeFigures& f, const core::State& state) {
  auto start = Clock::now();
  core::PatientSearch search(state);
  f.search_index_ms = ms_since(start);
  std::vector<double> ms;
  for (const std::string& query : typed_queries(state, f.patients))
    for (std::size_t n = 1; n <= query.size(); ++n) {
      start = Clock::now();
      const auto found = search.type(std::string_view(query).substr(0, n), 20);
      ms.push_back(ms_since(start));
      fail_if(n == query.size() && found.empty(), "search", "\"" + query + "\" found no one");
    }
  f.keystroke_ms = percentiles(std::move(ms));
}

void scheduling(SizeFigures& f, const core::State& state, const synthetic::ClinicSize& size) {
  const int coordinators = std::max(1, size.patients / 1250);
  const int practitioners = std::max(4, size.patients / 250);
  // The first worklist after the store is opened is reported apart: it pays for first use (the
  // wasm engine's baseline code before its optimized code is ready, memory touched for the first
  // time), and as one of the hundred it made the p99. A hundred runs, as bench/scheduling.cpp does:
  // of ten, the "p99" was simply the slowest one.
  f.worklist_first_ms =
      time_runs(1, [&](int) { (void)core::compute_worklist(state, {synthetic::coordinator_name(0), size.today}); }).p50;
  std::vector<double> worklists, fixed;
  for (int i = 0; i < 100; ++i) {
    auto start = Clock::now();
    f.worklist_one_items =
        core::compute_worklist(state, {synthetic::coordinator_name(i % coordinators), size.today}).size();
    worklists.push_back(ms_since(start));
    start = Clock::now();
    fixed_work(state);
    fixed.push_back(ms_since(start));
  }
  f.worklist_one_ms = percentiles(std::move(worklists));
  f.fixed_work_ms = percentiles(std::move(fixed));
  f.worklist_all_ms = time_runs(3, [&](int) { (void)core::compute_worklist(state, {"", size.today}); });
  f.free_slot_ms = time_runs(200, [&](int i) {
    core::SlotQuery q;
    q.practitioner = core::Id<core::Practitioner>{synthetic::practitioner_id(i % practitioners)};
    q.duration_minutes = 30;
    q.from = core::CivilDate{date::sys_days{size.today} + date::days{i % 30}};
    q.to = core::CivilDate{date::sys_days{q.from} + date::days{60}};
    q.max_results = 5;
    fail_if(core::next_free_slots(state, q).size() != 5, "next free slot", "fewer than 5 free slots found");
  });
}

SizeFigures measure(int patients, const std::string& dir, const Options& options) {
  SizeFigures f;
  f.patients = patients;
  synthetic::ClinicSize size;
  size.patients = patients;
  std::printf("%d patients: generating...", patients);
  std::fflush(stdout);
  write_clinic(f, size, dir);
  std::printf(" %lld records in %.1f s; committing...", f.records, f.generate_s);
  std::fflush(stdout);
  core::SystemClock clock;
  core::DirectoryStorage storage(dir);
  {
    auto session = open_session(storage, clock);
    f.commit_ms = commit_edits(*session, patients);
  }
  std::printf(" opening...");
  std::fflush(stdout);
  if (options.open_in_new_process) {
    std::vector<OpenTimes> fresh;
    for (int round = 0; round < kOpenRounds; ++round) fresh.push_back(options.open_in_new_process(dir));
    f.open_new_process = median(fresh);
  }
  if (options.open_in_new_process && options.drop_from_system_cache) {
    std::vector<double> reads;
    std::vector<OpenTimes> opens;
    for (int round = 0; round < kOpenRounds; ++round) {
      if (!options.drop_from_system_cache(dir)) break;
      reads.push_back(read_all_bytes(storage, f.disk_bytes));
      if (!options.drop_from_system_cache(dir)) break;
      opens.push_back(options.open_in_new_process(dir));
    }
    if (!opens.empty()) {
      f.read_from_disk_ms = median(reads);
      f.open_from_disk = median(opens);
    }
  }
  std::vector<double> reads, opens;
  std::unique_ptr<core::Session> session;
  for (int round = 0; round < kOpenRounds; ++round) {
    session.reset();
    reads.push_back(read_all_bytes(storage, f.disk_bytes));
    const double heap_before = heap_in_use_bytes();
    const auto start = Clock::now();
    session = open_session(storage, clock);
    opens.push_back(ms_since(start));
    f.memory_bytes = heap_in_use_bytes() - heap_before;
  }
  f.read_ms = median(reads);
  f.open_ms = median(opens);
  std::printf(" searching and scheduling...\n");
  std::fflush(stdout);
  search_as_you_type(f, session->state());
  scheduling(f, session->state(), size);
  f.peak_bytes = peak_memory_bytes();  // before the interface's fonts and windows
  if (options.frame_timer) {
    std::printf("%d patients: drawing each view's frames...\n", patients);
    std::fflush(stdout);
    f.frame_ms = options.frame_timer(*session, synthetic::coordinator_name(0));
  }
  session.reset();
  std::filesystem::remove_all(dir);
  return f;
}

double ratio(double a, double b) { return b > 0 ? a / b : 0; }

}  // namespace

OpenTimes open_store_once(const std::string& dir) {
  core::DirectoryStorage storage(dir);
  core::SystemClock clock;
  const double system_before = system_cpu_ms();
  const auto start = Clock::now();
  auto session = open_session(storage, clock);
  return {ms_since(start), system_cpu_ms() - system_before};
}

std::vector<int> parse_sizes(const std::string& text) {
  std::vector<int> sizes;
  std::size_t from = 0;
  while (from <= text.size()) {
    const std::size_t comma = std::min(text.find(',', from), text.size());
    const std::string part = text.substr(from, comma - from);
    if (part.empty() || part.size() > 7 || part.find_first_not_of("0123456789") != std::string::npos) return {};
    sizes.push_back(std::stoi(part));
    if (sizes.back() < 1) return {};
    from = comma + 1;
  }
  return sizes;
}

int run_and_report(const Options& options, const std::string& out_file) {
  std::vector<SizeFigures> figures;
  try {
    figures = run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench: %s\n", e.what());
    return 1;
  }
  std::printf("\n");
  print_table(figures);
  if (!out_file.empty()) {
    std::FILE* file = std::fopen(out_file.c_str(), "w");
    const std::string text = to_json(figures, options.platform).dump(2) + "\n";
    if (!file || std::fwrite(text.data(), 1, text.size(), file) != text.size() || std::fclose(file) != 0) {
      std::fprintf(stderr, "bench: cannot write %s\n", out_file.c_str());
      return 1;
    }
    std::printf("figures written to %s\n", out_file.c_str());
  }
  const auto problems = implausible(figures, static_cast<bool>(options.frame_timer));
  for (const std::string& p : problems) std::fprintf(stderr, "bench: implausible: %s\n", p.c_str());
  return problems.empty() ? 0 : 1;
}

std::vector<SizeFigures> run(const Options& options) {
  std::vector<SizeFigures> out;
  for (int n : options.sizes)
    out.push_back(measure(n, (std::filesystem::path(options.work_dir) / ("liaison-bench-" + std::to_string(n))).string(),
                          options));
  return out;
}

void print_table(const std::vector<SizeFigures>& figures) {
  auto row = [&](const char* label, const std::function<std::string(const SizeFigures&)>& cell) {
    std::printf("%-40s", label);
    for (const auto& f : figures) std::printf(" %22s", cell(f).c_str());
    std::printf("\n");
  };
  auto text = [](const char* format, double a, double b = 0) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, a, b);
    return std::string(buffer);
  };
  auto pair = [&](const Percentiles& p) { return text("%.3f / %.3f", p.p50, p.p99); };
  row("patients", [&](const SizeFigures& f) { return std::to_string(f.patients); });
  row("records", [&](const SizeFigures& f) { return std::to_string(f.records); });
  auto or_dash = [&](double ms) { return ms > 0 ? text("%.1f", ms) : std::string("-"); };
  auto system_ms = [&](const OpenTimes& open) { return open.ms > 0 ? text("%.1f", open.system_ms) : std::string("-"); };
  std::printf("opening the store (snapshot + journal), its files in the system's cache:\n");
  row("  open cold ms, in this process", [&](const SizeFigures& f) { return text("%.1f", f.open_ms); });
  row("  open cold ms, in a new process", [&](const SizeFigures& f) { return or_dash(f.open_new_process.ms); });
  row("    the system's processor ms in it", [&](const SizeFigures& f) { return system_ms(f.open_new_process); });
  row("  read the same bytes ms", [&](const SizeFigures& f) { return text("%.1f", f.read_ms); });
  row("  open / read ratio", [&](const SizeFigures& f) { return text("%.1f x", ratio(f.open_ms, f.read_ms)); });
  if (std::any_of(figures.begin(), figures.end(), [](const SizeFigures& f) { return f.open_from_disk.ms > 0; })) {
    std::printf("opening the store, its files read from the disk (dropped from the cache first):\n");
    row("  open cold ms, in a new process", [&](const SizeFigures& f) { return or_dash(f.open_from_disk.ms); });
    row("    the system's processor ms in it", [&](const SizeFigures& f) { return system_ms(f.open_from_disk); });
    row("  read the same bytes ms", [&](const SizeFigures& f) { return or_dash(f.read_from_disk_ms); });
    row("  open / read ratio", [&](const SizeFigures& f) {
      return f.open_from_disk.ms > 0 ? text("%.1f x", ratio(f.open_from_disk.ms, f.read_from_disk_ms)) : std::string("-");
    });
  }
  row("commit one edit ms p50 / p99", [&](const SizeFigures& f) { return pair(f.commit_ms); });
  row("search index build ms", [&](const SizeFigures& f) { return text("%.1f", f.search_index_ms); });
  row("search keystroke ms p50 / p99", [&](const SizeFigures& f) { return pair(f.keystroke_ms); });
  row("worklist one coordinator, first after open ms", [&](const SizeFigures& f) { return text("%.1f", f.worklist_first_ms); });
  row("worklist one coordinator ms p50 / p99", [&](const SizeFigures& f) { return pair(f.worklist_one_ms); });
  row("  the same reads between them ms p50 / p99", [&](const SizeFigures& f) { return pair(f.fixed_work_ms); });
  row("worklist whole clinic ms p50 / p99", [&](const SizeFigures& f) { return pair(f.worklist_all_ms); });
  row("next free slot ms p50 / p99", [&](const SizeFigures& f) { return pair(f.free_slot_ms); });
  row("peak memory MB", [&](const SizeFigures& f) { return text("%.0f", f.peak_bytes / 1e6); });
  row("in memory bytes / patient", [&](const SizeFigures& f) { return text("%.0f", ratio(f.memory_bytes, f.patients)); });
  row("on disk bytes / patient", [&](const SizeFigures& f) { return text("%.0f", ratio(f.disk_bytes, f.patients)); });
  // One row per view, in the order the first size measured them.
  const auto measured = std::find_if(figures.begin(), figures.end(), [](const SizeFigures& f) { return !f.frame_ms.empty(); });
  if (measured != figures.end()) {
    std::printf("ms per frame of each view, p50 / p99 (%s):\n", kFrameMethod);
    for (const ViewFrameTimes& v : measured->frame_ms) {
      const std::string label = "  " + v.view;
      row(label.c_str(), [&](const SizeFigures& f) {
        for (const ViewFrameTimes& w : f.frame_ms)
          if (w.view == v.view) return pair(w.cpu_ms);
        return std::string("-");
      });
    }
  }
  if (figures.size() > 1) {
    const auto &small = figures.front(), &large = figures.back();
    std::printf("commit p99 ratio %d / %d patients: %.2f (p50 %.2f)\n", large.patients, small.patients,
                ratio(large.commit_ms.p99, small.commit_ms.p99), ratio(large.commit_ms.p50, small.commit_ms.p50));
  }
}

nlohmann::json to_json(const std::vector<SizeFigures>& figures, const std::string& platform) {
  auto pair = [](const Percentiles& p) { return nlohmann::json{{"p50", p.p50}, {"p99", p.p99}, {"runs", p.runs}}; };
  // A figure of the opens in a new process: null where they were not measured.
  auto if_opened = [](const OpenTimes& open, double value) {
    return open.ms > 0 ? nlohmann::json(value) : nlohmann::json(nullptr);
  };
  nlohmann::json sizes = nlohmann::json::array();
  for (const auto& f : figures) {
    sizes.push_back({{"patients", f.patients},
                     {"records", f.records},
                     {"generate_s", f.generate_s},
                     {"open_ms", f.open_ms},
                     {"read_ms", f.read_ms},
                     {"open_read_ratio", ratio(f.open_ms, f.read_ms)},
                     {"open_new_process_ms", if_opened(f.open_new_process, f.open_new_process.ms)},
                     {"open_new_process_system_ms", if_opened(f.open_new_process, f.open_new_process.system_ms)},
                     {"open_from_disk_ms", if_opened(f.open_from_disk, f.open_from_disk.ms)},
                     {"open_from_disk_system_ms", if_opened(f.open_from_disk, f.open_from_disk.system_ms)},
                     {"read_from_disk_ms", if_opened(f.open_from_disk, f.read_from_disk_ms)},
                     {"open_read_ratio_from_disk", if_opened(f.open_from_disk, ratio(f.open_from_disk.ms, f.read_from_disk_ms))},
                     {"commit_ms", pair(f.commit_ms)},
                     {"search_index_ms", f.search_index_ms},
                     {"search_keystroke_ms", pair(f.keystroke_ms)},
                     {"worklist_one_coordinator_first_ms", f.worklist_first_ms},
                     {"worklist_one_coordinator_ms", pair(f.worklist_one_ms)},
                     {"worklist_one_coordinator_items", f.worklist_one_items},
                     {"fixed_work_between_worklists_ms", pair(f.fixed_work_ms)},
                     {"worklist_whole_clinic_ms", pair(f.worklist_all_ms)},
                     {"next_free_slot_ms", pair(f.free_slot_ms)},
                     {"peak_memory_bytes", f.peak_bytes},
                     {"memory_bytes_per_patient", ratio(f.memory_bytes, f.patients)},
                     {"disk_bytes_per_patient", ratio(f.disk_bytes, f.patients)}});
    if (f.frame_ms.empty()) continue;
    nlohmann::json frames = nlohmann::json::object();
    for (const ViewFrameTimes& v : f.frame_ms) frames[v.view] = pair(v.cpu_ms);
    sizes.back()["frame_cpu_ms"] = frames;
  }
  nlohmann::json out{{"benchmark", "liaison clinic"}, {"platform", platform}, {"sizes", sizes}};
  if (std::any_of(figures.begin(), figures.end(), [](const SizeFigures& f) { return !f.frame_ms.empty(); }))
    out["frame_cpu_ms_method"] = kFrameMethod;
  if (figures.size() > 1)
    out["commit_p99_ratio_largest_to_smallest"] = ratio(figures.back().commit_ms.p99, figures.front().commit_ms.p99);
  return out;
}

std::vector<std::string> implausible(const std::vector<SizeFigures>& figures, bool frames_expected) {
  std::vector<std::string> problems;
  for (const auto& f : figures) {
    const std::string at = " at " + std::to_string(f.patients) + " patients";
    auto positive = [&](const char* name, double v) {
      if (!(v > 0)) problems.push_back(std::string(name) + " is not positive" + at);
    };
    auto ordered = [&](const char* name, const Percentiles& p) {
      positive(name, p.p50);
      if (p.p99 < p.p50 || p.runs == 0) problems.push_back(std::string(name) + ": p99 below p50 or no runs" + at);
    };
    positive("records", static_cast<double>(f.records));
    positive("open", f.open_ms);
    positive("read", f.read_ms);
    if (f.open_from_disk.ms > 0) positive("read from disk", f.read_from_disk_ms);
    if (f.open_new_process.system_ms < 0 || f.open_from_disk.system_ms < 0)
      problems.push_back("the system's processor time of an open is negative" + at);
    positive("disk bytes", f.disk_bytes);
    positive("memory bytes", f.memory_bytes);
    positive("peak memory", f.peak_bytes);
    ordered("commit", f.commit_ms);
    ordered("search keystroke", f.keystroke_ms);
    positive("first worklist", f.worklist_first_ms);
    ordered("worklist one coordinator", f.worklist_one_ms);
    ordered("fixed work between worklists", f.fixed_work_ms);
    ordered("worklist whole clinic", f.worklist_all_ms);
    ordered("next free slot", f.free_slot_ms);
    if (f.worklist_one_items == 0) problems.push_back("the worklist is empty" + at);
    if (frames_expected && f.frame_ms.empty()) problems.push_back("no frame figures" + at);
    for (const ViewFrameTimes& v : f.frame_ms) ordered(("frame of " + v.view).c_str(), v.cpu_ms);
  }
  return problems;
}

}  // namespace bench
