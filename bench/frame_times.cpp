// The frame figures (see the header): the real App, drawn headless against the benchmark's open
// Session, signed in as one coordinator. Each view is reached by clicking the label the test hook
// reports (a chart tab scrolled out of the bar by Ctrl+PageDown, as the keyboard does), checked to
// be on screen by a label only it shows, left to settle with the pointer off the window, then
// timed frame by frame with kFrameClock: natively the process's CPU clock, the work the interface
// does and not the time the machine spent on others; as wasm the wall time (see the header).
#include "bench/frame_times.hpp"

#include <imgui.h>
#include <time.h>

#include <algorithm>
#include <cfloat>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/preferences.hpp"
#include "core/session.hpp"
#include "host/asset_files.hpp"
#include "ui/app.hpp"
#include "ui/chart_sections.hpp"

namespace bench {
namespace {

// Assets read from the folder given; printing only notes what would have been printed; the
// preferences (who is signed in) are kept in memory.
class BenchPlatform final : public ui::Platform {
 public:
  BenchPlatform(std::string asset_dir, std::string preferences)
      : asset_dir_(std::move(asset_dir)), preferences_(std::move(preferences)) {}
  core::Result<std::string> read_asset(const std::string& path) override { return read_asset_file(asset_dir_, path); }
  core::Result<std::string> open_for_printing(const std::string& name, const std::string&) override {
    return "Not printed (benchmark): " + name;
  }
  core::Result<std::string> read_preferences() override { return preferences_; }
  core::Status write_preferences(const std::string& text) override {
    preferences_ = text;
    return core::Ok{};
  }

 private:
  std::string asset_dir_;
  std::string preferences_;
};

// One ImGui context for the run, with no settings file; destroyed on the way out, thrown or not.
struct ImGuiContextScope {
  ImGuiContextScope() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
  }
  ~ImGuiContextScope() { ImGui::DestroyContext(); }
  ImGuiContextScope(const ImGuiContextScope&) = delete;
  ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
};

double clock_ms() {
  timespec t{};
  clock_gettime(kFrameClock, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// What each main screen shows and no other, to know the click arrived.
struct Screen {
  const char* nav;      // its entry in the navigation
  const char* arrived;  // a label only it shows
};
constexpr Screen kScreensBeforeChart[] = {{"Today", "today:mine"}, {"Patients", "patients:search"}};
constexpr Screen kScreensAfterChart[] = {
    {"Calendar", "cal:grid"},        {"Care team", "directory:search"},    {"Referrals", "tab:Referrals"},
    {"Dashboard", "dashboard:mine"}, {"Settings", "settings:coordinator"}, {"Import & export", "export:bundle"}};

// The chart's tabs in the order of its tab bar: Summary, the record tabs, History.
std::vector<std::string> chart_tab_titles() {
  std::vector<std::string> titles{"Summary"};
  for (const ui::ChartTab& tab : ui::chart_tabs()) titles.push_back(tab.title);
  titles.push_back("History");
  return titles;
}

class FrameRun {
 public:
  FrameRun(core::Session& session, const std::string& coordinator, const FrameSetup& setup)
      : platform_(setup.asset_dir, core::preferences_text(core::Preferences{coordinator, "light", 100})),
        app_(session, platform_) {
    const std::string problem = app_.set_scale(setup.font_dir, 1.0f);
    if (!problem.empty()) throw std::runtime_error("frames: " + problem);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    for (int i = 0; i < kSettleFrames; ++i) frame();
    for (const ui::WidgetRect& w : app_.hook().widgets())
      if (w.label.rfind("banner:", 0) == 0)
        throw std::runtime_error("frames: the interface shows a warning (are the files of assets/ in " + setup.asset_dir +
                                 "?)");
  }

  std::vector<ViewFrameTimes> run() {
    for (const Screen& s : kScreensBeforeChart) time_screen(s);
    open_first_patient();
    for (const std::string& tab : chart_tab_titles()) {
      open_tab(tab);
      time_view("Patient chart: " + tab);
    }
    for (const Screen& s : kScreensAfterChart) time_screen(s);
    return std::move(times_);
  }

 private:
  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {static_cast<float>(kFrameWidth), static_cast<float>(kFrameHeight)};
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app_.frame(status_);
    ImGui::Render();
  }

  const ui::WidgetRect* find(const std::string& label) const {
    for (const ui::WidgetRect& w : app_.hook().widgets())
      if (w.label == label) return &w;
    return nullptr;
  }

  const ui::WidgetRect& require(const std::string& label, const std::string& where) const {
    const ui::WidgetRect* w = find(label);
    if (!w) {
      std::string shown;
      for (const ui::WidgetRect& r : app_.hook().widgets())
        if (shown.size() < 600) shown += " [" + r.label + "]";
      throw std::runtime_error("frames: \"" + label + "\" is not on screen " + where + "; on screen:" + shown);
    }
    return *w;
  }

  // The pointer moves near the left end of the widget (where its text starts), is pressed, released.
  void click(const std::string& label) {
    const ui::WidgetRect& at = require(label, "to be clicked");
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(at.x + std::min(at.w / 2, ImGui::GetFontSize()), at.y + at.h / 2);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    for (int i = 0; i < 3; ++i) frame();
  }

  void ctrl_page_down() {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_PageDown, true);
    frame();
    io.AddKeyEvent(ImGuiKey_PageDown, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    for (int i = 0; i < 10; ++i) frame();  // the tab bar scrolls over a few frames
  }

  // The pointer leaves the window (no hover, no tooltip), the view settles, then its frames are timed.
  void time_view(const std::string& view) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    for (int i = 0; i < kSettleFrames; ++i) frame();
    std::vector<double> ms;
    for (int i = 0; i < kTimedFrames; ++i) {
      const double start = clock_ms();
      frame();
      ms.push_back(clock_ms() - start);
    }
    times_.push_back({view, percentiles(std::move(ms))});
  }

  void time_screen(const Screen& s) {
    click(std::string("nav:") + s.nav);
    require(s.arrived, std::string("after clicking ") + s.nav);
    time_view(s.nav);
  }

  void open_first_patient() {
    for (const ui::WidgetRect& w : app_.hook().widgets())
      if (w.label.rfind("patient:", 0) == 0) {
        click(std::string(w.label));
        return open_tab("Summary");
      }
    throw std::runtime_error("frames: the Patients list shows no patient");
  }

  std::string open_tab_title() const {
    const ui::WidgetRect* current = find("chart:tab");
    return current ? current->text : "";
  }

  // Clicks the tab when it is in view; otherwise Ctrl+PageDown until it is open.
  void open_tab(const std::string& title) {
    if (open_tab_title() == title) return;
    if (find("tab:" + title)) click("tab:" + title);
    for (int step = 0; step < 20 && open_tab_title() != title; ++step) ctrl_page_down();
    if (open_tab_title() != title) throw std::runtime_error("frames: the chart's \"" + title + "\" tab would not open");
  }

  BenchPlatform platform_;
  ui::App app_;
  ui::ShellStatus status_;
  std::vector<ViewFrameTimes> times_;
};

}  // namespace

FrameTimer frame_timer(const FrameSetup& setup) {
  return [setup](core::Session& session, const std::string& coordinator) {
    // Compaction runs when the app is idle; done now, it cannot land in a timed frame.
    if (session.compaction_due())
      if (auto s = session.compact(); !s) throw std::runtime_error("frames: cannot compact the store: " + s.error().message);
    ImGuiContextScope context;
    return FrameRun(session, coordinator, setup).run();
  };
}

}  // namespace bench
