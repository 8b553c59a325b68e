// Memory figures on the desktop: heap in use from glibc's mallinfo2, peak resident set from getrusage.
#include <malloc.h>
#include <sys/resource.h>

#include "bench/clinic_bench.hpp"

namespace bench {

double heap_in_use_bytes() { return static_cast<double>(mallinfo2().uordblks); }

double peak_memory_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0;  // Linux reports kilobytes
}

}  // namespace bench
