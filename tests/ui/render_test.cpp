// The headless render test: the real App draws every screen, and an open chart's every tab, for
// several frames against a generated clinic, at a tablet's 1024x768 and a desktop's 1920x1080 and
// at 100% and 200% scale, with ImGui's checks on (ui/imgui_checks.hpp). Navigation is by mouse
// clicks at the positions the test hook reports, as a person would. It fails on a failed IM_ASSERT,
// two items sharing an ID, or a problem the app shows on screen. No GPU: frames end at Render().
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "../core/memory_storage.hpp"
#include "../core/test_support.hpp"
#include "bench/synthetic_clinic.hpp"
#include "core/session.hpp"
#include "core/snapshot.hpp"
#include "host/asset_files.hpp"
#include "ui/app.hpp"
#include "ui/imgui_checks.hpp"

namespace {

std::vector<std::string> problems;
void collect(const std::string& problem) { problems.push_back(problem); }

// Assets from the source tree; printing is the operating system's part, so a print only records
// what would have been shown; preferences are kept in memory.
class TestPlatform final : public ui::Platform {
 public:
  core::Result<std::string> read_asset(const std::string& path) override { return read_asset_file(LIAISON_ASSETS_DIR, path); }
  core::Result<std::string> open_for_printing(const std::string& name, const std::string&) override {
    printed.push_back(name);
    return std::string("Printed.");
  }
  core::Result<std::string> read_preferences() override { return preferences; }
  core::Status write_preferences(const std::string& text) override {
    preferences = text;
    return core::Ok{};
  }
  std::vector<std::string> printed;
  std::string preferences;
};

class Headless {
 public:
  Headless() {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ui::imgui_checks::set_handler(collect);
    ui::imgui_checks::check_ids(ImGui::GetCurrentContext());
    problems.clear();
  }
  ~Headless() {
    ImGui::DestroyContext();
    ui::imgui_checks::set_handler(nullptr);
  }

  void scale(ui::App& app, float scale) {
    const std::string problem = app.set_scale(LIAISON_FONT_DIR, scale);
    if (!problem.empty()) problems.push_back(problem);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }

  void frame(ui::App& app, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    app.frame(status);
    ImGui::Render();
  }

  // Clicks the widget the hook knows by `label`: the pointer moves there, is pressed, released.
  // It aims near the left end, where the text starts, as a person does: the middle of a table row
  // can fall on a column's resize border.
  bool click(ui::App& app, const std::string& label, ImVec2 size) {
    const ui::WidgetRect* at = find(app, label);
    if (!at) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(at->x + std::min(at->w / 2, ImGui::GetFontSize()), at->y + at->h / 2);
    frame(app, size);
    io.AddMouseButtonEvent(0, true);
    frame(app, size);
    io.AddMouseButtonEvent(0, false);
    for (int i = 0; i < 3; ++i) frame(app, size);
    return true;
  }

  // Ctrl and `key` pressed together, then released.
  void chord(ui::App& app, ImGuiKey key, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(key, true);
    frame(app, size);
    io.AddKeyEvent(key, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    frame(app, size);
  }

  const ui::WidgetRect* find(const ui::App& app, const std::string& label) {
    for (const ui::WidgetRect& w : app.hook().widgets())
      if (w.label == label) return &w;
    return nullptr;
  }

  ui::ShellStatus status;
};

// A clinic of a few hundred patients with full histories, stored as a snapshot and opened the
// way the shells open a data folder.
struct ClinicSession {
  ClinicSession() {
    synthetic::ClinicSize size;
    size.patients = 300;
    size.seed = 7;
    clock.day = size.today;
    const synthetic::Clinic clinic = synthetic::generate_clinic(size);
    REQUIRE(core::write_snapshot(storage, clinic.state, {}));
    auto opened = core::Session::open(storage, clock);
    REQUIRE(opened);
    session = std::move(opened.value());
  }
  test::MemoryStorage storage;
  test::FixedClock clock;
  std::unique_ptr<core::Session> session;
};

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// Labels the hook knows that start with `prefix`.
std::vector<std::string> labels_with(const ui::App& app, const std::string& prefix) {
  std::vector<std::string> out;
  for (const ui::WidgetRect& w : app.hook().widgets())
    if (w.label.rfind(prefix, 0) == 0) out.push_back(w.label);
  return out;
}

}  // namespace

// Summary, the 12 tabs of ui/chart_sections.hpp, History.
constexpr int kChartTabs = 14;

TEST_CASE("every screen and every chart tab renders with no ImGui check failing") {
  struct Case {
    ImVec2 size;
    float scale;
  };
  for (const Case c : {Case{{1024, 768}, 1.0f}, Case{{1920, 1080}, 1.0f}, Case{{1024, 768}, 2.0f}, Case{{1920, 1080}, 2.0f}, Case{{1024, 768}, 1.5f}, Case{{1024, 768}, 1.25f}}) {
    CAPTURE(c.size.x);
    CAPTURE(c.scale);
    ClinicSession clinic;
    TestPlatform platform;
    Headless headless;
    ui::App app(*clinic.session, platform);
    headless.scale(app, c.scale);
    for (int i = 0; i < 3; ++i) headless.frame(app, c.size);

    const std::vector<std::string> screens = labels_with(app, "nav:");
    CHECK(screens.size() == 8);
    for (const std::string& screen : screens) {
      CAPTURE(screen);
      REQUIRE(headless.click(app, screen, c.size));
      for (int i = 0; i < 5; ++i) headless.frame(app, c.size);
    }
    // A chart, and each of its tabs.
    REQUIRE(headless.click(app, "nav:Patients", c.size));
    const std::vector<std::string> patients = labels_with(app, "patient:");
    REQUIRE(!patients.empty());
    REQUIRE(headless.click(app, patients.front(), c.size));
    // The tabs in view are clicked; then Ctrl+PageDown goes through all of them, those scrolled
    // out of view included, and back to the first.
    const std::vector<std::string> tabs = labels_with(app, "tab:");
    CHECK(tabs.size() >= 3);
    for (const std::string& tab : tabs) {
      CAPTURE(tab);
      REQUIRE(headless.click(app, tab, c.size));
      for (int i = 0; i < 3; ++i) headless.frame(app, c.size);
    }
    std::set<std::string> visited;
    std::string first;
    for (int i = 0; i < kChartTabs; ++i) {
      const ui::WidgetRect* current = headless.find(app, "chart:tab");
      REQUIRE(current);
      if (i == 0) first = current->text;
      visited.insert(current->text);
      CHECK(headless.find(app, "tab:" + current->text) != nullptr);  // scrolled into view
      headless.chord(app, ImGuiKey_PageDown, c.size);
      for (int f = 0; f < 30; ++f) headless.frame(app, c.size);  // the bar scrolls over a few frames
    }
    CHECK(visited.size() == kChartTabs);
    CHECK(headless.find(app, "chart:tab")->text == first);
    // The command palette over it all.
    headless.chord(app, ImGuiKey_K, c.size);
    for (int i = 0; i < 3; ++i) headless.frame(app, c.size);
    CHECK(headless.find(app, "palette:query") != nullptr);

    INFO(joined(problems));
    CHECK(problems.empty());
    CHECK(labels_with(app, "banner:").empty());
  }
}

TEST_CASE("the checks do fail: an ID used twice and a style popped that was never pushed are caught") {
  Headless headless;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  ImGui::GetIO().DisplaySize = {800, 600};
  ImGui::NewFrame();
  ImGui::Begin("twice");
  ImGui::Button("Save");
  ImGui::Button("Save");
  ImGui::PopStyleVar();
  ImGui::End();
  ImGui::Render();
  REQUIRE(problems.size() >= 2);
  CHECK(problems.front().find("two items share the ID") != std::string::npos);
  CHECK(joined(problems).find("IM_ASSERT") != std::string::npos);
}
