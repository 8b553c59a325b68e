// Exporting the whole clinic from the Import & export screen: the export is written a slice per
// frame behind a progress bar, the buttons wait while it runs, and the file handed to the
// platform is the same Bundle the core writes in one go.
#include <nlohmann/json.hpp>

#include "core/fhir/fhir_export.hpp"
#include "headless_app.hpp"

using namespace headless;

TEST_CASE("Export everything writes a slice per frame behind a progress bar") {
  ClinicApp fixture;
  auto [clinic, platform, headless, app] = std::tie(fixture.clinic, fixture.platform, fixture.headless, fixture.app);
  const ImVec2 size = fixture.size;
  REQUIRE(headless.click(app, "nav:Import & export", size));
  REQUIRE(headless.click(app, "export:all", size));
  int frames_with_progress = 0;
  for (int i = 0; i < 2000 && platform.exported.empty(); ++i) {
    headless.frame(app, size);
    if (headless.find(app, "export:progress")) {
      ++frames_with_progress;
      CHECK(app.working());  // the desktop draws the next frame at once
    }
  }
  CHECK(frames_with_progress >= 2);
  REQUIRE(platform.exported.size() == 1);
  const std::string& text = platform.exported.begin()->second;
  CHECK(platform.exported.begin()->first.rfind("liaison-all-", 0) == 0);
  auto expected = core::fhir::export_fhir(clinic.session->state(), {});
  REQUIRE(expected);
  CHECK(text == expected.value().text);
  headless.frame(app, size);
  const ui::WidgetRect* status = headless.find(app, "export:status");
  REQUIRE(status);
  CHECK(status->text.rfind("Every record exported (", 0) == 0);
  CHECK(headless.find(app, "export:progress") == nullptr);
  INFO(joined(problems));
  CHECK(problems.empty());
}
