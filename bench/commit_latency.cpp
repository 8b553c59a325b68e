// Commit latency with N patients already stored: a snapshot of N patients is written to a fresh
// folder, a Session opens it, then single-field edits are committed (each durable: written and
// fsynced). Prints p50/p99 per N and the ratio between the largest and smallest N, which must stay
// below 1.5 (a commit costs O(change), not O(database)). Runs natively and as wasm under node.
//   commit_latency [DIR] [N...]     (default: a temp folder, N = 1000 50000)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/snapshot.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Figures {
  double p50_ms, p99_ms;
};

Figures measure(const std::string& dir, int patients) {
  std::filesystem::remove_all(dir);
  core::DirectoryStorage storage(dir);
  (void)storage.prepare();
  core::State state;
  for (int i = 0; i < patients; ++i) {
    core::Change c;
    c.entity_id = "patient-bench-" + std::to_string(i);
    c.fields = {{"given_name", "Given" + std::to_string(i)}, {"family_name", "Family" + std::to_string(i % 997)},
                {"birth_date", "1950-01-01"}, {"mrn", "B" + std::to_string(i)}, {"phones", {"555 010 0000"}}};
    core::apply(state, c);
  }
  core::SnapshotMeta meta;
  (void)core::write_snapshot(storage, state, meta);
  core::SystemClock clock;
  auto session = core::Session::open(storage, clock, {"bench"});
  if (!session) {
    std::fprintf(stderr, "open failed: %s\n", session.error().message.c_str());
    return {0, 0};
  }
  std::vector<double> ms;
  const int commits = 400;
  for (int i = 0; i < commits; ++i) {
    std::string id = "patient-bench-" + std::to_string((i * 7919) % patients);
    auto start = Clock::now();
    auto done = session.value()->commit(
        core::UpdateRecord{core::EntityType::Patient, id, {{"phones", {"555 010 " + std::to_string(1000 + i)}}}});
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!done) std::fprintf(stderr, "commit failed: %s\n", done.error().message.c_str());
  }
  std::sort(ms.begin(), ms.end());
  std::filesystem::remove_all(dir);
  return {ms[ms.size() / 2], ms[ms.size() * 99 / 100]};
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : (std::filesystem::temp_directory_path() / "liaison-bench").string();
  std::vector<int> sizes;
  for (int i = 2; i < argc; ++i) sizes.push_back(std::stoi(argv[i]));
  if (sizes.empty()) sizes = {1000, 50000};
  std::printf("%-10s %12s %12s\n", "patients", "p50 (ms)", "p99 (ms)");
  std::vector<Figures> all;
  for (int n : sizes) {
    all.push_back(measure(dir, n));
    std::printf("%-10d %12.3f %12.3f\n", n, all.back().p50_ms, all.back().p99_ms);
  }
  if (all.size() > 1)
    std::printf("ratio largest/smallest: p50 %.2f, p99 %.2f (target < 1.5)\n", all.back().p50_ms / all.front().p50_ms,
                all.back().p99_ms / all.front().p99_ms);
  return 0;
}
