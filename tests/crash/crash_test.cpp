// Crash safety: kills commit_loop with SIGKILL at random moments (appends, snapshot writes,
// compactions, recovery at open), hundreds of times on one data folder, and checks after every
// kill that the folder opens and still holds every commit that was ever acknowledged.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "../core/test_support.hpp"
#include "core/session.hpp"

#ifndef LIAISON_COMMIT_LOOP
#error "LIAISON_COMMIT_LOOP must name the commit_loop executable"
#endif

namespace {

using Clock = std::chrono::steady_clock;

struct Run {
  std::vector<std::string> acknowledged;  // ids printed before the kill
  bool opened = false;                    // got past Session::open
  bool in_compaction = false;             // killed between "#compacting" and "#compacted"
  int compactions = 0;                    // completed before the kill
  int after_compaction = 0;               // commits acknowledged after a completed compaction
  bool exited_by_itself = false;          // died before the kill: a failure
  int status = 0;
};

long env_or(const char* name, long fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtol(v, nullptr, 10) : fallback;
}

// Starts commit_loop on `dir` and kills it `delay` after it starts (early) or after it has opened
// the folder; returns every whole line it wrote before dying.
Run run_and_kill(const std::string& dir, std::chrono::microseconds delay, bool early) {
  int out[2];
  REQUIRE(::pipe(out) == 0);
  const Clock::time_point started = Clock::now();
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(LIAISON_COMMIT_LOOP, LIAISON_COMMIT_LOOP, dir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ::close(out[1]);
  Run run;
  std::string pending;
  Clock::time_point deadline = early ? started + delay : started + std::chrono::seconds(20);
  bool killed = false, eof = false;
  auto take_lines = [&] {
    for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos; pending.erase(0, nl + 1)) {
      std::string line = pending.substr(0, nl);
      if (line == "#open") {
        run.opened = true;
        if (!early) deadline = Clock::now() + delay;
      } else if (line == "#compacting") {
        run.in_compaction = true;
      } else if (line == "#compacted") {
        run.in_compaction = false;
        ++run.compactions;
      } else if (!line.empty() && line[0] != '#') {
        run.acknowledged.push_back(line);
        run.after_compaction += run.compactions > 0;
      }
    }
  };
  while (!eof) {
    auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - Clock::now());
    if (!killed && left.count() <= 0) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
    pollfd p{out[0], POLLIN, 0};
    timespec timeout{0, 0};
    if (!killed) timeout = {static_cast<time_t>(left.count() / 1'000'000'000), static_cast<long>(left.count() % 1'000'000'000)};
    int ready = ::ppoll(&p, 1, killed ? nullptr : &timeout, nullptr);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char buffer[4096];
    ssize_t n = ::read(out[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      eof = true;  // every copy of the write end is closed: the child is gone
      break;
    }
    pending.append(buffer, static_cast<std::size_t>(n));
    take_lines();
  }
  ::close(out[0]);
  if (!killed) ::kill(pid, SIGKILL);  // already dead; harmless, keeps the pid reaped below
  REQUIRE(::waitpid(pid, &run.status, 0) == pid);
  run.exited_by_itself = !(WIFSIGNALED(run.status) && WTERMSIG(run.status) == SIGKILL);
  return run;
}

}  // namespace

TEST_CASE("commits acknowledged before a SIGKILL survive it, hundreds of kills on one folder") {
  // At least `min_rounds`; more, up to twice as many, while the run is under 30 s (a fast disk
  // commits more per round, and every round then reopens a bigger store).
  const long min_rounds = env_or("LIAISON_CRASH_ROUNDS", 200);
  long rounds = 0;
  const unsigned seed = static_cast<unsigned>(env_or("LIAISON_CRASH_SEED", 20240611));
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_us(1'000, 40'000);
  std::uniform_int_distribution<int> long_delay_us(40'000, 200'000);
  std::uniform_int_distribution<int> early_delay_us(0, 8'000);
  std::uniform_int_distribution<int> one_in(0, 7);

  test::TempDir dir;
  core::DirectoryStorage storage(dir.path());
  core::SystemClock clock;
  std::set<std::string> acknowledged;
  long kills_in_compaction = 0, kills_before_open = 0, opens_with_warnings = 0, compactions = 0,
       after_compaction = 0;
  const auto began = Clock::now();

  for (long round = 1; round <= 2 * min_rounds; ++round) {
    if (round > min_rounds && Clock::now() - began > std::chrono::seconds(30)) break;
    rounds = round;
    // Mostly kill within 40 ms of opening; one round in eight during start-up and recovery, and
    // one in eight later, so that runs also commit past a finished compaction.
    const int kind = one_in(random);
    const bool early = kind == 0;
    const auto delay = std::chrono::microseconds(early       ? early_delay_us(random)
                                                 : kind == 1 ? long_delay_us(random)
                                                             : delay_us(random));
    Run run = run_and_kill(dir.path(), delay, early);
    INFO("round ", round, " (seed ", seed, "), delay ", delay.count(), " us",
         std::string(early ? " from start" : " after open"));
    REQUIRE_MESSAGE(!run.exited_by_itself, "commit_loop died by itself, status ", run.status);
    acknowledged.insert(run.acknowledged.begin(), run.acknowledged.end());
    if (run.in_compaction) ++kills_in_compaction;
    compactions += run.compactions;
    after_compaction += run.after_compaction;
    if (!run.opened) ++kills_before_open;

    auto session = core::Session::open(storage, clock);
    REQUIRE_MESSAGE(session, "the folder does not open: ", session ? "" : session.error().message);
    const core::State& state = session.value()->state();
    if (!session.value()->warnings().empty()) ++opens_with_warnings;
    std::size_t missing = 0;
    std::string first_missing;
    for (const std::string& id : acknowledged) {
      if (!state.find(core::Id<core::Patient>{id})) {
        if (missing++ == 0) first_missing = id;
      }
    }
    for (const auto& w : session.value()->warnings())
      if (w.find("napshot") != std::string::npos || w.find("missing") != std::string::npos) MESSAGE("warning: ", w);
    REQUIRE_MESSAGE(missing == 0, missing, " acknowledged commits are gone, e.g. ", first_missing);
  }

  // The history (archive plus live segments) also holds every acknowledged commit.
  core::StoreContents contents;
  auto store = core::Store::open(storage, contents);
  REQUIRE(store);
  std::vector<std::string> history_warnings;
  auto history = store.value().read_history(history_warnings);
  REQUIRE(history);
  std::set<std::string> in_history;
  for (const core::Batch& b : history.value())
    for (const core::Change& c : b.changes) in_history.insert(c.entity_id);
  std::size_t missing_history = 0;
  for (const std::string& id : acknowledged) missing_history += in_history.count(id) == 0;
  for (const auto& w : history_warnings) MESSAGE("history warning: ", w);
  CHECK_MESSAGE(missing_history == 0, missing_history, " acknowledged commits are missing from the history");

  const double seconds = std::chrono::duration<double>(Clock::now() - began).count();
  std::printf("crash_tests: %ld rounds, %zu acknowledged commits (%ld after a compaction in the same run), "
              "%ld compactions completed, %ld kills during compaction, %ld before open completed, %ld reopenings "
              "reported damage set aside, %.1f s (seed %u)\n",
              rounds, acknowledged.size(), after_compaction, compactions, kills_in_compaction, kills_before_open,
              opens_with_warnings, seconds, seed);
}
