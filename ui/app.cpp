#include "app.hpp"

#include <imgui.h>

#include <utility>

#include "core/clinical/handout.hpp"
#include "core/preferences.hpp"
#include "frame_slice.hpp"
#include "views/import_export_view.hpp"
#include "views/opening_screen.hpp"
#include "views/view_context.hpp"

namespace ui {

App::App(core::Session& session, Platform& platform) : platform_(platform) {
  load_platform_settings();
  attach(session);
}

App::App(std::unique_ptr<core::SessionOpening> opening, Platform& platform)
    : opening_(std::move(opening)), platform_(platform) {
  load_platform_settings();
}

void App::load_platform_settings() {
  auto table_text = platform_.read_asset("allergy_cross_reactivity.json");
  auto table = table_text ? core::parse_allergy_table(table_text.value()) : core::Result<core::AllergyTable>(table_text.error());
  if (table) allergy_table_ = std::move(table.value());
  else ui_.warnings.push_back("The allergy cross-check is off: " + table.error().message);
  load_preferences();
}

void App::attach(core::Session& session) {
  session_ = &session;
  ui_.warnings.insert(ui_.warnings.begin(), session.warnings().begin(), session.warnings().end());
}

// Reads pieces of the store for one frame's slice, so the progress bar moves and the window answers.
void App::open_a_piece() {
  if (work_one_frame([&] { return opening_->step(); })) return;
  auto opened = opening_->finish();
  opening_.reset();
  if (!opened) {
    open_failure_ = opened.error().message;
    return;
  }
  opened_ = std::move(opened.value());
  attach(*opened_);
}

std::string App::set_scale(const std::string& font_dir, float scale) {
  scale_ = scale;
  applied_font_percent_ = ui_.font_percent;
  applied_theme_ = ui_.theme;
  return apply_theme(font_dir, scale * static_cast<float>(ui_.font_percent) / 100.0f, ui_.theme, fonts_);
}

namespace {

core::Preferences preferences_of(const UiState& ui) {
  return {ui.coordinator, ui.theme == Theme::Dark ? "dark" : "light", ui.font_percent};
}

}  // namespace

// Who is signed in, the theme and the font size, as saved on this device. A damaged file is
// ignored with a notice; it is replaced only when the coordinator chooses again in Settings.
void App::load_preferences() {
  saved_preferences_ = core::preferences_text(preferences_of(ui_));
  auto text = platform_.read_preferences();
  auto preferences = !text ? core::Result<core::Preferences>(text.error())
                     : text.value().empty() ? core::Result<core::Preferences>(core::Preferences{})
                                            : core::parse_preferences(text.value());
  if (!preferences) {
    ui_.warnings.push_back(preferences.error().message + " The usual settings are used until you choose again in Settings.");
    return;
  }
  ui_.coordinator = preferences.value().coordinator;
  ui_.theme = preferences.value().theme == "dark" ? Theme::Dark : Theme::Light;
  ui_.font_percent = preferences.value().font_percent;
  saved_preferences_ = core::preferences_text(preferences.value());
}

// Saved once the coordinator has finished typing or choosing (no widget active), when changed.
void App::save_preferences_when_changed() {
  if (ImGui::IsAnyItemActive()) return;
  std::string text = core::preferences_text(preferences_of(ui_));
  if (text == saved_preferences_) return;
  saved_preferences_ = std::move(text);
  if (auto saved = platform_.write_preferences(saved_preferences_); !saved)
    ui_.notice = "Your preferences could not be kept on this device: " + saved.error().message;
}

void App::handle_shortcuts() {
  const bool ctrl = ImGui::GetIO().KeyCtrl;
  if (ctrl && ImGui::IsKeyPressed(ImGuiKey_N, false) && !ui_.add_patient.open) {
    ui_.add_patient = AddPatientForm{};
    ui_.add_patient.open = ui_.add_patient.focus_first_field = true;
  }
  if (ctrl && ImGui::IsKeyPressed(ImGuiKey_Q, false)) ui_.quit_requested = true;
  if (ctrl && ImGui::IsKeyPressed(ImGuiKey_K, false)) {
    ui_.palette = CommandPalette{};
    ui_.palette.open = true;
  }
  // Ctrl+Z undoes the last change, unless a text field has the keyboard (there it undoes typing).
  if (ctrl && ImGui::IsKeyPressed(ImGuiKey_Z, false) && !ImGui::GetIO().WantTextInput)
    outbox_.push_back(core::UndoLast{});
}

void App::frame(const ShellStatus& shell) {
  hook_.begin_frame();
  if (!session_) {
    // The window says what it is doing at once; reading starts with the second frame.
    if (opening_ && opening_drawn_) open_a_piece();
    opening_drawn_ = true;
    return draw_opening(opening_.get(), open_failure_, fonts_, hook_);
  }
  ui_.working = false;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::Begin("Liaison", nullptr, flags);
  ImGui::PopStyleVar();

  ViewContext ctx{*session_, shell, fonts_, ui_, hook_, outbox_, allergy_table_ ? &*allergy_table_ : nullptr};
  handle_shortcuts();
  draw_warnings(ctx);
  const float status_height = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("navigation", {ImGui::GetFontSize() * 8.0f, -status_height}, ImGuiChildFlags_None);
  draw_navigation(ctx);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("screen", {0, -status_height}, ImGuiChildFlags_None);
  draw_screen(ctx);
  ImGui::EndChild();
  draw_status_bar(ctx);
  draw_add_patient_form(ctx);
  draw_record_form(ctx);
  draw_delete_question(ctx);
  draw_command_palette(ctx);
  ImGui::End();
  commit_outbox();
  if (!ui_.handout_for.empty()) print_handout(std::exchange(ui_.handout_for, {}));
  save_preferences_when_changed();
  compact_when_idle();
}

void App::draw_screen(ViewContext& ctx) {
  switch (ui_.screen) {
    case Screen::Today: return draw_today(ctx);
    case Screen::Patients: return ui_.open_patient.empty() ? draw_patient_list(ctx) : draw_patient_chart(ctx);
    case Screen::Calendar: return draw_calendar(ctx);
    case Screen::Directory: return draw_directory(ctx);
    case Screen::Boards: return draw_boards(ctx);
    case Screen::Dashboard: return draw_dashboard(ctx);
    case Screen::Settings: return draw_settings(ctx);
    case Screen::ImportExport: return draw_import_export(ctx, *session_, platform_);
  }
}

// Renders the patient's handout in their language and hands it to the platform to print.
void App::print_handout(const std::string& patient_id) {
  const core::Patient* patient = session_->state().find(core::Id<core::Patient>{patient_id});
  if (!patient) return;
  const std::string language = core::handout_language(*patient);
  auto template_text = platform_.read_asset("handout/" + language + ".html");
  if (!template_text) {
    ui_.notice = template_text.error().message;
    return;
  }
  const core::CivilDate today = session_->clock().today();
  auto html = core::render_handout(session_->state(), patient->id, template_text.value(), today);
  if (!html) {
    ui_.notice = "The handout could not be made: " + html.error().message;
    return;
  }
  auto opened = platform_.open_for_printing("handout-" + patient_id + "-" + core::format_civil_date(today), html.value());
  ui_.notice = opened ? opened.value() : opened.error().message;
}

// Folding the journal into a snapshot takes a while on a large store: it starts after a few quiet
// seconds and goes a chunk per frame, so typing never stalls; a change saved meanwhile stops it,
// and it starts again at the next quiet moment.
void App::compact_when_idle() {
  const double now = ImGui::GetTime();
  if (ImGui::GetIO().InputQueueCharacters.Size > 0 || ImGui::IsAnyItemActive()) last_activity_ = now;
  if (!compaction_) {
    if (now - last_activity_ < 3.0 || !session_->compaction_due()) return;
    compaction_ = session_->start_compaction();
  }
  const bool more = work_one_frame([&] { return compaction_->step(); });
  ui_.working = ui_.working || more;
  ui_.tidying = more ? static_cast<float>(compaction_->progress()) : -1.0f;
  if (more) return;
  if (!compaction_->result()) ui_.notice = "Could not tidy the saved data: " + compaction_->result().error().message;
  compaction_.reset();
  last_activity_ = now;
}

void App::commit_outbox() {
  for (const core::Action& action : outbox_) {
    auto result = session_->commit(action);
    last_activity_ = ImGui::GetTime();
    if (result) ++ui_.data_version;
    if (std::holds_alternative<core::UndoLast>(action)) {
      ui_.notice = result ? "Undone." : result.error().message;
    } else if (ui_.add_patient.open) {
      if (result) announce_added(result.value().entity_id);
      report_to(ui_.add_patient, result);
    } else if (ui_.record_form.open) {
      if (result) ui_.notice = "Saved. Ctrl+Z undoes.";
      report_to(ui_.record_form, result);
    } else {
      ui_.notice = result ? "Done. Ctrl+Z undoes." : result.error().message;
    }
  }
  outbox_.clear();
}

template <class Form>
void App::report_to(Form& form, const core::Result<core::Committed>& result) {
  if (result) {
    form = Form{};
    return;
  }
  form.errors = result.error().fields;
  form.failure = result.error().fields.empty() ? result.error().message : "";
}

void App::announce_added(const std::string& id) {
  const core::Patient* added = session_->state().find(core::Id<core::Patient>{id});
  ui_.notice = "Added " + (added ? added->display_name() : std::string("the patient")) + ". Ctrl+Z undoes.";
}

}  // namespace ui
