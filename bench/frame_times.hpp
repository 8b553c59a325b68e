// The clinic benchmark's frame figures: how much CPU time the real interface (ui::App) takes to
// draw one frame of each main view against a clinic's store, headless (ImGui with no GPU and no
// window, as the render test draws it), reached by clicking where the test hook says the
// navigation is, as a person would. `liaisonctl bench` and the clinic_bench runner (natively and
// as wasm under node) pass frame_timer() in Options.
#pragma once
#include <time.h>

#include <string>

#include "bench/clinic_bench.hpp"

namespace bench {

// The frames drawn: a laptop's display at 100%, a few frames to settle after arriving, then timed.
constexpr int kFrameWidth = 1280;
constexpr int kFrameHeight = 800;
constexpr int kSettleFrames = 5;
constexpr int kTimedFrames = 30;
// The clock a frame is timed with, and how the frames were measured, for the table and the JSON.
// Emscripten's clock_gettime has no CPU clock (CLOCK_PROCESS_CPUTIME_ID fails with EINVAL), so as
// wasm a frame's wall time is taken from node's monotonic clock: the program runs on one thread,
// so that is its CPU time as long as nothing else runs on the machine (on a busy one, node's own
// compiler and collector threads among others, the slowest frames, p99, show it).
#ifdef __EMSCRIPTEN__
inline constexpr clockid_t kFrameClock = CLOCK_MONOTONIC;
inline constexpr const char* kFrameMethod =
    "1280x800 at 100%, no GPU: wall time (one thread, node's monotonic clock) of ImGui::NewFrame + App::frame + "
    "ImGui::Render";
#else
inline constexpr clockid_t kFrameClock = CLOCK_PROCESS_CPUTIME_ID;
inline constexpr const char* kFrameMethod =
    "1280x800 at 100%, no GPU: process CPU time of ImGui::NewFrame + App::frame + ImGui::Render";
#endif

// Where the interface finds its font files and the files in assets/ at run time.
struct FrameSetup {
  std::string font_dir;
  std::string asset_dir;
};

// Each main view in turn: Today, Patients, the first listed patient's chart on each of its tabs
// (Summary, the record tabs of ui/chart_sections.hpp, History), Calendar, Care team, Referrals,
// Dashboard, Settings, Import & export. Throws std::runtime_error when the fonts cannot be
// loaded, the app shows a warning (e.g. assets missing) or a view cannot be reached.
FrameTimer frame_timer(const FrameSetup& setup);

}  // namespace bench
