// Opening the store behind a progress bar (ui/views/opening_screen.cpp): the window shows what is
// being read while the clinic's snapshot is read a slice per frame, then Today; a store that
// cannot be opened shows why instead.
#include <set>

#include "headless_app.hpp"

using namespace headless;

namespace {

const ImVec2 kSize{1280, 800};

}  // namespace

TEST_CASE("the store opens a piece per frame behind a progress bar, then Today shows") {
  ClinicSession clinic;
  TestPlatform platform;
  Headless headless;
  ui::App app(std::make_unique<core::SessionOpening>(clinic.storage, clinic.clock), platform);
  headless.scale(app, 1.0f);
  std::set<std::string> stages;
  int frames = 0;
  for (; frames < 200 && !headless.find(app, "nav:Today"); ++frames) {
    headless.frame(app, kSize);
    if (const ui::WidgetRect* opening = headless.find(app, "opening")) stages.insert(opening->text);
  }
  CHECK(headless.find(app, "nav:Today") != nullptr);
  // The first frame shows the opening screen before anything is read; then it names what is being
  // read until Today shows. How many frames that takes depends on the machine (a step per chunk is
  // checked in session_opening_test).
  CHECK(frames >= 2);
  CHECK(stages.count("Finding the saved records") == 1);
  for (const std::string& stage : stages) {
    INFO(stage);
    CHECK((stage.rfind("Finding", 0) == 0 || stage.rfind("Reading", 0) == 0));
  }
  CHECK(app.open_failure().empty());
  REQUIRE(headless.click(app, "nav:Patients", kSize));
  CHECK(labels_with(app, "patient:").size() > 10);
  INFO(joined(problems));
  CHECK(problems.empty());
}

TEST_CASE("a store that cannot be opened shows why, and the App does not start on it") {
  ClinicSession clinic;
  clinic.storage.files["device.json"] = "{damaged";
  TestPlatform platform;
  Headless headless;
  ui::App app(std::make_unique<core::SessionOpening>(clinic.storage, clinic.clock), platform);
  headless.scale(app, 1.0f);
  for (int i = 0; i < 5; ++i) headless.frame(app, kSize);
  const ui::WidgetRect* failed = headless.find(app, "opening:failed");
  REQUIRE(failed);
  CHECK(failed->text == "device.json in the data folder is damaged.");
  CHECK(app.open_failure() == failed->text);
  CHECK(headless.find(app, "nav:Today") == nullptr);
  CHECK(!app.working());
}
