// Commit latency with N patients already stored: a snapshot of N patients is written to a fresh
// folder, a Session opens it, then single-field edits are committed (each durable: written and
// fsynced). Prints p50/p99 per N and the ratio between the largest and smallest N, which must stay
// below 1.5 (a commit costs O(change), not O(database)). Runs natively and as wasm under node.
//   commit_latency [DIR] [N...]     (default: a temp folder, N = 1000 50000)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/snapshot.hpp"

namespace {

using Clock = std::chrono::steady_clock;

// One store of `patients` patients, opened and ready for commits.
struct Bench {
  int patients;
  std::string dir;
  std::unique_ptr<core::DirectoryStorage> storage;
  std::unique_ptr<core::Session> session;
  std::vector<double> ms;
};

core::SystemClock system_clock;

bool prepare(Bench& b) {
  std::filesystem::remove_all(b.dir);
  b.storage = std::make_unique<core::DirectoryStorage>(b.dir);
  (void)b.storage->prepare();
  core::State state;
  for (int i = 0; i < b.patients; ++i) {
    core::Change c;
    c.entity_id = "patient-bench-" + std::to_string(i);
    c.fields = {{"given_name", "Given" + std::to_string(i)}, {"family_name", "Family" + std::to_string(i % 997)},
                {"birth_date", "1950-01-01"}, {"mrn", "B" + std::to_string(i)}, {"phones", {"555 010 0000"}}};
    core::apply(state, c);
  }
  if (!core::write_snapshot(*b.storage, state, core::SnapshotMeta{})) return false;
  auto session = core::Session::open(*b.storage, system_clock, {"bench"});
  if (!session) {
    std::fprintf(stderr, "open failed: %s\n", session.error().message.c_str());
    return false;
  }
  b.session = std::move(session.value());
  return true;
}

void commit_one(Bench& b, int i) {
  std::string id = "patient-bench-" + std::to_string((i * 7919) % b.patients);
  auto start = Clock::now();
  auto done = b.session->commit(
      core::UpdateRecord{core::EntityType::Patient, id, {{"phones", {"555 010 " + std::to_string(1000 + i)}}}});
  b.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  if (!done) std::fprintf(stderr, "commit failed: %s\n", done.error().message.c_str());
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  std::string base = argc > 1 ? argv[1] : (std::filesystem::temp_directory_path() / "liaison-bench").string();
  std::vector<int> sizes;
  for (int i = 2; i < argc; ++i) sizes.push_back(std::stoi(argv[i]));
  if (sizes.empty()) sizes = {1000, 50000};
  std::vector<Bench> benches(sizes.size());
  for (std::size_t i = 0; i < sizes.size(); ++i) benches[i].patients = sizes[i];
  for (auto& b : benches) {
    b.dir = base + "-" + std::to_string(b.patients);
    if (!prepare(b)) return 1;
  }
  // Commits alternate between the stores, so disk and cache noise falls on all sizes alike.
  for (int i = 0; i < 500; ++i)
    for (auto& b : benches) commit_one(b, i);
  std::printf("%-10s %12s %12s   (durable commits: written and fsynced)\n", "patients", "p50 (ms)", "p99 (ms)");
  for (const auto& b : benches) std::printf("%-10d %12.3f %12.3f\n", b.patients, percentile(b.ms, 0.5), percentile(b.ms, 0.99));
  if (benches.size() > 1) {
    const auto &small = benches.front(), &large = benches.back();
    std::printf("ratio %d/%d patients: p50 %.2f, p99 %.2f (target < 1.5)\n", large.patients, small.patients,
                percentile(large.ms, 0.5) / percentile(small.ms, 0.5), percentile(large.ms, 0.99) / percentile(small.ms, 0.99));
  }
  for (auto& b : benches) {
    b.session.reset();
    std::filesystem::remove_all(b.dir);
  }
  return 0;
}
