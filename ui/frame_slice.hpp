// Long work done a slice per frame (opening the store, import, export, compaction): the job's
// step() is called until it says it is done or about 30 ms have passed, well under the ~100 ms
// after which a frame feels stuck, so the progress bar moves and the window keeps answering.
#pragma once
#include <chrono>

namespace ui {

inline constexpr std::chrono::milliseconds kWorkPerFrame{30};

// Calls `step` (returning whether there is more to do) for one frame's slice; whether there is more.
template <class Step>
bool work_one_frame(Step&& step) {
  const auto until = std::chrono::steady_clock::now() + kWorkPerFrame;
  bool more = true;
  while (more && std::chrono::steady_clock::now() < until) more = step();
  return more;
}

}  // namespace ui
