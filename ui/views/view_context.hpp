// What every view receives: read-only data, the place to emit actions, and the test hook.
// Views never change core state; they append actions to `outbox`, which App commits after the frame.
#pragma once
#include <vector>

#include "core/actions.hpp"
#include "core/clinical/allergy_check.hpp"
#include "core/patient_search.hpp"
#include "core/session.hpp"
#include "ui/shell_status.hpp"
#include "ui/test_hook.hpp"
#include "ui/theme.hpp"
#include "ui/ui_state.hpp"

namespace ui {

struct ViewContext {
  const core::Session& session;
  const ShellStatus& shell;
  const Fonts& fonts;
  UiState& ui;
  TestHook& hook;
  std::vector<core::Action>& outbox;
  const core::AllergyTable* allergy_table;  // null when the table could not be read
};

struct ScreenEntry {
  Screen screen;
  const char* title;
};
const std::vector<ScreenEntry>& screens();

void draw_navigation(ViewContext& ctx);
void draw_command_palette(ViewContext& ctx);
// The screens, one file each.
void draw_today(ViewContext& ctx);
void draw_calendar(ViewContext& ctx);
void draw_directory(ViewContext& ctx);
void draw_boards(ViewContext& ctx);
void draw_dashboard(ViewContext& ctx);
void draw_settings(ViewContext& ctx);
void draw_patient_list(ViewContext& ctx);
// The whole panel's search index (core::PatientSearch), rebuilt after a commit; the Patients screen
// and the command palette share it.
core::PatientSearch& panel_search(ViewContext& ctx);
void draw_patient_chart(ViewContext& ctx);
void draw_record_table(ViewContext& ctx, core::EntityType type, const char* title, const std::string& patient_id);
void draw_record_form(ViewContext& ctx);
void draw_delete_question(ViewContext& ctx);
// Opens the record form to add (empty id) or edit a record.
void open_record_form(ViewContext& ctx, core::EntityType type, const std::string& title, const std::string& id,
                      const std::string& patient_id);
void draw_add_patient_form(ViewContext& ctx);
// Computed views of the open chart: transitions of care and risk scores; care management, care
// plan completeness and goals.
void draw_transitions_panel(ViewContext& ctx, const core::Patient& p);
void draw_care_plan_panel(ViewContext& ctx, const core::Patient& p);
void draw_status_bar(ViewContext& ctx);
// Live patients in the store, counted once per change.
std::size_t live_patient_count(ViewContext& ctx);
void draw_warnings(ViewContext& ctx);

}  // namespace ui
