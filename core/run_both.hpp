// Two pieces of work that share nothing they write, run at once where the build has threads (the
// desktop) and one after the other where it has none (the browser build, compiled without
// pthreads: core/CMakeLists.txt defines LIAISON_NO_THREADS there). Opening a large store splits
// its work this way across the machine's two cores.
#pragma once
#include <exception>
#include <future>
#include <utility>

namespace core {

// Runs `first` on another thread while `second` runs on this one, and returns once both are
// done; an exception thrown by either reaches the caller.
template <class First, class Second>
void run_both(First&& first, Second&& second) {
#ifdef LIAISON_NO_THREADS
  std::exception_ptr failed;  // the second still runs, as it would on its own thread
  try {
    first();
  } catch (...) {
    failed = std::current_exception();
  }
  second();
  if (failed) std::rethrow_exception(failed);
#else
  auto other = std::async(std::launch::async, std::forward<First>(first));
  second();  // should it throw, `other`'s destructor waits for the first to finish
  other.get();
#endif
}

}  // namespace core
