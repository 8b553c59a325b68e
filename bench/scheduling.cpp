// Scheduling at clinic scale: the worklist (one coordinator, the whole clinic) and the next-free-
// slot search over a synthetic clinic with a year of appointments. Prints p50/p99; never judges.
// Runs natively and as wasm under node.
//   scheduling [PATIENTS] [--kinds]    (default 10000; --kinds also times each worklist kind)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "bench/synthetic_clinic.hpp"
#include "core/scheduling/availability.hpp"
#include "core/worklist/item_kinds.hpp"
#include "core/worklist/worklist.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Times `run` and prints p50/p99 and the last result count; returns that count.
std::size_t report(const char* figure, int runs, const std::function<std::size_t(int)>& run) {
  std::vector<double> ms;
  std::size_t last = 0;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    last = run(i);
    ms.push_back(ms_since(start));
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
  std::printf("%-38s %9.3f %9.3f %6d %9zu\n", figure, at(0.5), at(0.99), runs, last);
  return last;
}

}  // namespace

int main(int argc, char** argv) {
  synthetic::ClinicSize size;
  size.patients = argc > 1 ? std::atoi(argv[1]) : 10000;
  if (size.patients < 1) {
    std::fprintf(stderr, "usage: scheduling [PATIENTS]\n");
    return 2;
  }
  auto start = Clock::now();
  const synthetic::Clinic clinic = synthetic::generate_clinic(size);
  std::printf("Synthetic clinic: %d patients, %d practitioners, %d coordinator(s), %d appointments over a year "
              "(built in %.1f s)\n\n",
              size.patients, clinic.practitioners, clinic.coordinators, clinic.appointments, ms_since(start) / 1000);
  std::printf("%-38s %9s %9s %6s %9s\n", "figure", "p50 ms", "p99 ms", "runs", "results");

  const std::size_t mine = report("worklist, one coordinator", 100, [&](int i) {
    return core::compute_worklist(clinic.state, {synthetic::coordinator_name(i % clinic.coordinators), size.today}).size();
  });
  const std::size_t all = report("worklist, whole clinic", 30, [&](int) { return core::compute_worklist(clinic.state, {"", size.today}).size(); });
  const std::size_t slots = report("next 5 free 30-min slots, 60 days", 500, [&](int i) {
    core::SlotQuery q;
    q.practitioner = core::Id<core::Practitioner>{synthetic::practitioner_id(i % clinic.practitioners)};
    q.duration_minutes = 30;
    q.from = core::CivilDate{date::sys_days{size.today} + date::days{i % 30}};
    q.to = core::CivilDate{date::sys_days{q.from} + date::days{60}};
    q.max_results = 5;
    return core::next_free_slots(clinic.state, q).size();
  });
  report("first free 90-min slot, 60 days", 200, [&](int i) {
    core::SlotQuery q;
    q.practitioner = core::Id<core::Practitioner>{synthetic::practitioner_id(i % clinic.practitioners)};
    q.duration_minutes = 90;
    q.from = size.today;
    q.to = core::CivilDate{date::sys_days{size.today} + date::days{60}};
    q.max_results = 1;
    return core::next_free_slots(clinic.state, q).size();
  });
  if (argc > 2 && std::string(argv[2]) == "--kinds") {
    report("worklist context, one coordinator", 20, [&](int) {
      const core::WorklistQuery query{synthetic::coordinator_name(0), size.today};
      return core::WorklistContext(clinic.state, query).patients().size();
    });
    const core::WorklistQuery query{synthetic::coordinator_name(0), size.today};
    const core::WorklistContext context(clinic.state, query);
    for (const core::ItemKind& kind : core::item_kinds())
      report(kind.name, 20, [&](int) {
        std::vector<core::WorkItem> out;
        kind.collect(context, out);
        return out.size();
      });
  }
  // Sanity, not speed: a clinic this busy always has work and free slots.
  if (mine == 0 || all < mine || slots != 5) {
    std::fprintf(stderr, "implausible results: %zu items for one coordinator, %zu in all, %zu slots\n", mine, all, slots);
    return 1;
  }
  return 0;
}
