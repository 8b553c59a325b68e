// jemalloc's settings for the desktop programs, read when the allocator starts (why they use
// jemalloc: cmake/Dependencies.cmake).
//
// One arena. Opening a store runs part of each step on a new thread (core/run_both.hpp), and
// jemalloc spreads new threads over eight arenas, each keeping the memory freed in it for later
// allocations in that same arena only: the bench, which opens the 50,000-patient store twice in
// one process, peaked at 2.1 GB instead of 1.6 GB. Opening is no slower with one.
extern "C" {
const char* malloc_conf = "narenas:1";
}
