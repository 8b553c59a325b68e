// The headless render test: the real App draws every screen, and an open chart's every tab, for
// several frames against a generated clinic, at a tablet's 1024x768 and a desktop's 1920x1080 and
// at 100% and 200% scale, with ImGui's checks on (ui/imgui_checks.hpp). Navigation is by mouse
// clicks at the positions the test hook reports, as a person would. It fails on a failed IM_ASSERT,
// two items sharing an ID, or a problem the app shows on screen. No GPU: frames end at Render().
#include <set>

#include "headless_app.hpp"

using namespace headless;

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
