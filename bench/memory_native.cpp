// Memory figures on the desktop: heap in use from jemalloc's statistics (the desktop programs'
// allocator: cmake/Dependencies.cmake), peak resident set from getrusage; and from getrusage too,
// the kernel's processor time.
#include <jemalloc/jemalloc.h>
#include <sys/resource.h>

#include <cstddef>
#include <cstdint>

#include "bench/clinic_bench.hpp"

namespace bench {

double heap_in_use_bytes() {
  std::uint64_t epoch = 1;  // the statistics are a snapshot, refreshed by advancing the epoch
  std::size_t size = sizeof epoch;
  mallctl("epoch", &epoch, &size, &epoch, size);
  std::size_t allocated = 0;
  size = sizeof allocated;
  if (mallctl("stats.allocated", &allocated, &size, nullptr, 0) != 0) return 0;  // the sanity check then fails
  return static_cast<double>(allocated);
}

double peak_memory_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0;  // Linux reports kilobytes
}

double system_cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_stime.tv_sec) * 1000.0 + static_cast<double>(usage.ru_stime.tv_usec) / 1000.0;
}

}  // namespace bench
