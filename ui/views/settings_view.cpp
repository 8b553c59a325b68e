// The Settings screen: who is signed in on this device (a coordinator named on the patients' records,
// or a name typed), the display (font size and theme, kept on the device by App), and the clinic's
// calendar: holidays, practitioners' working hours and the clinic-wide settings the rules read,
// each a record added, edited or deleted through the generic form like any other.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <set>

#include "core/preferences.hpp"
#include "core/scheduling/settings.hpp"
#include "core/state.hpp"
#include "view_context.hpp"

namespace ui {

struct SettingsView {
  std::string typed_name;  // a coordinator's name being typed
};

namespace {

constexpr int kFontStep = 10;  // the − and + buttons; the presets go in quarters

// The coordinators named on live patient records, in order.
std::set<std::string> named_coordinators(const core::State& state) {
  std::set<std::string> names;
  for (const auto& [id, p] : state.table<core::Patient>())
    if (!p.deleted && !p.coordinator.empty()) names.insert(p.coordinator);
  return names;
}

void draw_profile(ViewContext& ctx, SettingsView& view) {
  ImGui::SeparatorText("Who is signed in");
  ImGui::TextDisabled("\"Mine\" on Today and the Dashboard means the patients whose record names this coordinator.");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  const char* shown = ctx.ui.coordinator.empty() ? "(nobody chosen)" : ctx.ui.coordinator.c_str();
  if (ImGui::BeginCombo("coordinator", shown)) {
    if (ImGui::Selectable("(nobody chosen)", ctx.ui.coordinator.empty())) ctx.ui.coordinator.clear();
    for (const std::string& name : named_coordinators(ctx.session.state()))
      if (ImGui::Selectable(name.c_str(), name == ctx.ui.coordinator)) ctx.ui.coordinator = name;
    ImGui::EndCombo();
  }
  ctx.hook.track("settings:coordinator", ctx.ui.coordinator);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  const bool entered = ImGui::InputTextWithHint("##typed-name", "or type a name", &view.typed_name,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ctx.hook.track("settings:typed-name", view.typed_name);
  ImGui::SameLine();
  ImGui::BeginDisabled(view.typed_name.empty());
  if (ImGui::Button("Sign in as this name") || (entered && !view.typed_name.empty())) {
    ctx.ui.coordinator = view.typed_name;
    ctx.ui.notice = "Signed in as " + view.typed_name + ".";
    view.typed_name.clear();
  }
  ImGui::EndDisabled();
  ctx.hook.track("settings:sign-in");
}

void font_button(ViewContext& ctx, const char* label, int percent) {
  const bool current = ctx.ui.font_percent == percent;
  if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
  if (ImGui::Button(label)) ctx.ui.font_percent = percent;
  if (current) ImGui::PopStyleColor();
  ctx.hook.track(std::string("settings:font:") + label);
}

void draw_display(ViewContext& ctx) {
  ImGui::SeparatorText("Display");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Font size");
  ImGui::SameLine(ImGui::GetFontSize() * 7);
  ImGui::BeginDisabled(ctx.ui.font_percent <= core::kMinFontPercent);
  if (ImGui::Button(" - ")) ctx.ui.font_percent = std::max(core::kMinFontPercent, ctx.ui.font_percent - kFontStep);
  ImGui::EndDisabled();
  ctx.hook.track("settings:font:smaller");
  ImGui::SameLine();
  ImGui::Text("%d %%", ctx.ui.font_percent);
  ImGui::SameLine();
  ImGui::BeginDisabled(ctx.ui.font_percent >= core::kMaxFontPercent);
  if (ImGui::Button(" + ")) ctx.ui.font_percent = std::min(core::kMaxFontPercent, ctx.ui.font_percent + kFontStep);
  ImGui::EndDisabled();
  ctx.hook.track("settings:font:larger");
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  for (int percent = core::kMinFontPercent; percent <= core::kMaxFontPercent; percent += 25) {
    const std::string label = std::to_string(percent) + " %";
    font_button(ctx, label.c_str(), percent);
    if (percent < core::kMaxFontPercent) ImGui::SameLine();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Theme");
  ImGui::SameLine(ImGui::GetFontSize() * 7);
  int theme = ctx.ui.theme == Theme::Dark ? 1 : 0;
  if (ImGui::RadioButton("Light", &theme, 0)) ctx.ui.theme = Theme::Light;
  ctx.hook.track("settings:theme:light");
  ImGui::SameLine();
  if (ImGui::RadioButton("Dark", &theme, 1)) ctx.ui.theme = Theme::Dark;
  ctx.hook.track("settings:theme:dark");
  ImGui::TextDisabled("Kept on this device, with who is signed in.");
}

// The clinic-wide settings as the rules read them (defaults where nothing is set), and the
// button that adds or edits the one record that holds them.
void draw_clinic_settings(ViewContext& ctx) {
  const core::State& state = ctx.session.state();
  ImGui::SeparatorText("Clinic settings");
  std::string id, zone;
  for (const auto& [record_id, s] : state.table<core::ClinicSettings>())
    if (!s.deleted) id = record_id.value, zone = s.time_zone;
  const core::SchedulingSettings settings = core::scheduling_settings(state);
  const struct {
    const char* what;
    std::string value;
  } rows[] = {
      {"Clinic time zone", zone.empty() ? "not set (times read as UTC)" : zone},
      {"Confirm appointments", std::to_string(settings.confirm_business_days) + " business days ahead"},
      {"List caseload patients not contacted for", std::to_string(settings.contact_gap_days) + " days"},
      {"Chase a referral with no visit or report after", std::to_string(settings.referral_loop_days) + " days"},
      {"Free slots start every", std::to_string(settings.slot_minutes) + " minutes"},
  };
  if (ImGui::BeginTable("clinic-settings", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& row : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", row.what);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.value.c_str());
    }
    ImGui::EndTable();
  }
  if (ImGui::Button("Change clinic settings")) open_record_form(ctx, core::EntityType::ClinicSettings, "clinic settings", id, "");
  ctx.hook.track("settings:clinic");
}

}  // namespace

void draw_settings(ViewContext& ctx) {
  if (!ctx.ui.settings) ctx.ui.settings = std::make_shared<SettingsView>();
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("Settings");
  ImGui::PopFont();
  ImGui::BeginChild("settings-body");
  draw_profile(ctx, *ctx.ui.settings);
  ImGui::Spacing();
  draw_display(ctx);
  ImGui::Spacing();
  draw_record_table(ctx, core::EntityType::ClinicHoliday, "clinic holiday", "");
  ImGui::Spacing();
  draw_record_table(ctx, core::EntityType::WorkingHours, "working hours", "");
  ImGui::Spacing();
  draw_clinic_settings(ctx);
  ImGui::EndChild();
}

}  // namespace ui
