// Memory figures in WebAssembly: heap in use from the allocator's mallinfo, and the size of the
// linear memory, which only grows, as the peak. No process of its own, so no system time.
#include <malloc.h>

#include "bench/clinic_bench.hpp"

namespace bench {

double heap_in_use_bytes() { return static_cast<double>(mallinfo().uordblks); }

double peak_memory_bytes() { return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0; }

double system_cpu_ms() { return 0; }

}  // namespace bench
