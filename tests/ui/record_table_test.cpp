// A record table longer than the screen (drawn only where in view, by a list clipper) shows its
// rows in order as it scrolls: the Settings working-hours table lists every practitioner's week.
// The hook sees only widgets in view either way; what the clipper saves is measured by the
// benchmark's frame figures.
#include "headless_app.hpp"
#include "ui/record_text.hpp"

using namespace headless;

namespace {

const ImVec2 kSize{1280, 800};

// The live working hours in the order the table lists them (id order).
std::vector<const core::WorkingHours*> live_working_hours(const core::State& state) {
  std::vector<const core::WorkingHours*> out;
  for (const auto& [id, hours] : state.table<core::WorkingHours>())
    if (!hours.deleted) out.push_back(&hours);
  return out;
}

// The label the hook gives a working-hours row: its first column, the practitioner.
std::string row_label(const core::State& state, const core::WorkingHours& hours) {
  return "working hours:" + ui::record_title(state, core::EntityType::Practitioner, hours.practitioner.value);
}

}  // namespace

TEST_CASE("a long record table shows its first rows, then its last ones when scrolled to the end") {
  ClinicApp fixture;
  auto [clinic, headless, app] = std::tie(fixture.clinic, fixture.headless, fixture.app);
  REQUIRE(headless.click(app, "nav:Settings", kSize));
  const core::State& state = clinic.session->state();
  std::vector<std::string> labels;  // every row's label, in the table's order
  for (const core::WorkingHours* hours : live_working_hours(state)) labels.push_back(row_label(state, *hours));
  REQUIRE(labels.size() >= 40);  // more than fit on one screen, under the settings above the table

  // The wheel over the settings until the table's heading is near the top of the window: the rows
  // drawn are the table's first ones, fewer than all.
  ImGui::GetIO().AddMousePosEvent(kSize.x / 2, kSize.y / 2);
  for (int i = 0; i < 200; ++i) {
    const ui::WidgetRect* add = headless.find(app, "Add working hours");
    REQUIRE(add);
    if (add->y < 200) break;
    ImGui::GetIO().AddMouseWheelEvent(0, -1);
    headless.frame(app, kSize);
  }
  const std::vector<std::string> at_top = labels_with(app, "working hours:");
  CHECK(!at_top.empty());
  CHECK(at_top.size() < labels.size());
  CHECK(at_top == std::vector<std::string>(labels.begin(), labels.begin() + static_cast<long>(at_top.size())));

  // Further, far enough to reach the bottom: the rows drawn then are the table's last ones, and
  // still only a screenful.
  for (int i = 0; i < 200; ++i) {
    ImGui::GetIO().AddMouseWheelEvent(0, -5);
    headless.frame(app, kSize);
  }
  const std::vector<std::string> at_bottom = labels_with(app, "working hours:");
  CHECK(!at_bottom.empty());
  CHECK(at_bottom.size() < labels.size());
  CHECK(at_bottom == std::vector<std::string>(labels.end() - static_cast<long>(at_bottom.size()), labels.end()));
  CHECK(headless.find(app, "settings:clinic") != nullptr);  // the section after the table is in view
  CHECK(problems.empty());
}
