// The whole interface, shared by the browser and the desktop shells. Each frame the shell calls
// frame(); views draw from the (const) core state and queue actions; after drawing, App commits
// the queued actions through the Session and routes the outcome back to the view that asked.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/actions.hpp"
#include "core/clinical/allergy_check.hpp"
#include "core/session.hpp"
#include "core/session_opening.hpp"
#include "ui/platform.hpp"
#include "ui/shell_status.hpp"
#include "ui/test_hook.hpp"
#include "ui/theme.hpp"
#include "ui/ui_state.hpp"

namespace ui {

struct ViewContext;

class App {
 public:
  // Reads the allergy cross-reactivity table from the platform's assets; without it, adding a
  // medication still works and a warning says the cross-check is off.
  App(core::Session& session, Platform& platform);
  // The shells' way: the store is opened a piece per frame behind a progress bar, then the App
  // works on the session it opened (or shows why the store could not be opened).
  App(std::unique_ptr<core::SessionOpening> opening, Platform& platform);

  // Builds fonts and style for a display scale (times the coordinator's font size, in the chosen
  // theme); call again when the scale changes or style_outdated() says so, then rebuild the
  // renderer's font texture. Returns a problem to log, or "".
  std::string set_scale(const std::string& font_dir, float scale);
  float scale() const { return scale_; }
  // The coordinator chose another font size or theme in Settings since the last set_scale.
  bool style_outdated() const { return ui_.font_percent != applied_font_percent_ || ui_.theme != applied_theme_; }

  // Draws one frame (between ImGui::NewFrame and ImGui::Render), then commits queued actions.
  void frame(const ShellStatus& shell);

  bool quit_requested() const { return ui_.quit_requested; }
  // Long work is under way: draw the next frame without waiting for input.
  bool working() const { return ui_.working || opening_; }
  // Why the store could not be opened, or "" (the window shows it too).
  const std::string& open_failure() const { return open_failure_; }
  const TestHook& hook() const { return hook_; }

 private:
  void load_platform_settings();
  void attach(core::Session& session);
  void open_a_piece();
  void handle_shortcuts();
  void draw_screen(ViewContext& ctx);
  void commit_outbox();
  void compact_when_idle();
  template <class Form>
  void report_to(Form& form, const core::Result<core::Committed>& result);
  void announce_added(const std::string& id);
  void print_handout(const std::string& patient_id);
  void load_preferences();
  void save_preferences_when_changed();

  std::unique_ptr<core::SessionOpening> opening_;  // until the store is open
  bool opening_drawn_ = false;  // the first frame shows the opening screen before any reading
  std::unique_ptr<core::Session> opened_;          // the session the App opened itself
  core::Session* session_ = nullptr;
  std::string open_failure_;
  Platform& platform_;
  std::optional<core::AllergyTable> allergy_table_;
  UiState ui_;
  Fonts fonts_;
  float scale_ = 0.0f;
  int applied_font_percent_ = 0;  // the font size and theme set_scale last applied
  Theme applied_theme_ = Theme::Light;
  std::string saved_preferences_;  // the preferences' text as last read or written
  TestHook hook_;
  std::vector<core::Action> outbox_;
  double last_activity_ = 0.0;  // ImGui time of the last commit or edit
  std::unique_ptr<core::Store::Compaction> compaction_;  // tidying the saved data, under way
};

}  // namespace ui
