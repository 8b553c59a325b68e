// The add/edit form as a coordinator uses it from the chart: Edit details opens filled with what
// is stored, a change saved shows in the header, and Ctrl+Z brings the old value back.
#include "headless_app.hpp"

using namespace headless;

namespace {

const ImVec2 kSize{1280, 800};

std::string field_text(Headless& headless, const ui::App& app, const std::string& field) {
  const ui::WidgetRect* w = headless.find(app, "field:" + field);
  return w ? w->text : "(no such field on screen)";
}

const core::Patient* patient_labelled(const core::State& state, const std::string& label) {
  for (const auto& [id, patient] : state.table<core::Patient>())
    if ("patient:" + patient.display_name() == label) return &patient;
  return nullptr;
}

}  // namespace

TEST_CASE("Edit details on the chart opens filled with the patient's details and saves a change") {
  ClinicApp fixture;
  auto [clinic, headless, app] = std::tie(fixture.clinic, fixture.headless, fixture.app);
  REQUIRE(headless.click(app, "nav:Patients", kSize));
  const std::vector<std::string> patients = labels_with(app, "patient:");
  REQUIRE(patients.size() >= 2);
  for (const std::string& label : {patients[0], patients[1]}) {
    CAPTURE(label);
    REQUIRE(headless.click(app, label, kSize));
    REQUIRE(headless.click(app, "Edit details", kSize));
    const core::Patient* p = patient_labelled(clinic.session->state(), label);
    REQUIRE(p);
    CHECK(field_text(headless, app, "given_name") == p->given_name);
    CHECK(field_text(headless, app, "family_name") == p->family_name);
    CHECK(field_text(headless, app, "birth_date") == core::format_civil_date(*p->birth_date));
    for (int i = 0; i < 5; ++i) headless.frame(app, kSize);  // the form settles into view
    REQUIRE(headless.click(app, "Cancel", kSize));
    CHECK(headless.find(app, "field:given_name") == nullptr);
    REQUIRE(headless.click(app, "Back to patients", kSize));
  }
  // A change saved shows in the header; Ctrl+Z brings the old name back.
  REQUIRE(headless.click(app, patients[0], kSize));
  const std::string before = patients[0].substr(std::string("patient:").size());
  const std::string family = patient_labelled(clinic.session->state(), patients[0])->family_name;
  REQUIRE(headless.click(app, "Edit details", kSize));
  for (int i = 0; i < 5; ++i) headless.frame(app, kSize);
  REQUIRE(headless.type_into(app, "field:preferred_name", "Nena", kSize));
  CHECK(field_text(headless, app, "preferred_name") == "Nena");
  REQUIRE(headless.click(app, "Save", kSize));
  CHECK(headless.find(app, "field:given_name") == nullptr);
  CHECK(headless.find(app, "chart:Nena " + family) != nullptr);
  CHECK(headless.find(app, "chart:" + before) == nullptr);
  headless.chord(app, ImGuiKey_Z, kSize);
  for (int i = 0; i < 3; ++i) headless.frame(app, kSize);
  CHECK(headless.find(app, "chart:" + before) != nullptr);
  CHECK(headless.find(app, "chart:Nena " + family) == nullptr);

  INFO(joined(problems));
  CHECK(problems.empty());
}
