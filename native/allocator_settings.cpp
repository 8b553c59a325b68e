// jemalloc's settings for the desktop programs, read when the allocator starts (why they use
// jemalloc: cmake/Dependencies.cmake).
//
// One arena. Opening a store runs part of each step on a new thread (core/run_both.hpp), and
// jemalloc spreads new threads over eight arenas, each keeping the memory freed in it for later
// allocations in that same arena only: the bench, which opens the 50,000-patient store twice in
// one process, peaked at 2.1 GB instead of 1.6 GB. Opening is no slower with one.
//
// Transparent huge pages (thp, metadata_thp): jemalloc asks the kernel for 2 MB pages, where the
// system leaves that to each program (Debian's default, "madvise"). Opening a store writes to
// hundreds of megabytes of fresh memory, one page fault per page; on the team's virtual machine a
// fault costs about 11 µs, and the 50,000-patient store's open in a new process took 4.0-5.1 s
// with 4 KB pages and 1.3-1.8 s with 2 MB ones, at the same peak memory (1.6 GB). Where the
// system offers no huge pages the setting does nothing.
extern "C" {
const char* malloc_conf = "narenas:1,thp:always,metadata_thp:always";
}
