// Transient interface state: text being typed, which form is open, messages on screen. None of
// it is patient data; that lives in core::State and changes only through actions.
#pragma once
#include <string>
#include <vector>

#include <map>
#include <memory>
#include <optional>

#include "core/clinical/allergy_check.hpp"
#include "core/model/entity_type.hpp"
#include "core/result.hpp"
#include "core/session.hpp"
#include "core/worklist/worklist.hpp"
#include "ui/theme.hpp"

namespace ui {

// What the coordinator is typing into the "Add patient" form, before validation.
struct PatientDraft {
  std::string given_name, family_name, birth_date, mrn, phone;
};

struct AddPatientForm {
  bool open = false;
  bool focus_first_field = false;
  PatientDraft draft;
  std::vector<core::FieldError> errors;  // from the core's validation, shown under each field
  std::string failure;                   // a save that failed for another reason
};

// The generic form that adds or edits any record (a condition, an appointment, the patient's own
// details, ...), built from the entity's schema.
struct RecordForm {
  bool open = false;
  core::EntityType type = core::EntityType::Patient;
  std::string title;       // e.g. "condition"
  std::string id;          // empty when adding
  std::string patient_id;  // the chart it was opened from
  std::map<std::string, std::string> text;  // typed text per field
  std::map<std::string, bool> flags;        // ticked boxes per field
  std::vector<core::FieldError> errors;
  std::string failure;
  // Allergy warnings for the medication name being typed, and what they were worked out for.
  std::vector<core::AllergyWarning> allergy_warnings;
  std::string warned_name;
  long warned_version = -1;
  float footer_height = 0;  // below the scrolling fields, as drawn in the last frame
};

struct PendingDelete {
  core::EntityType type = core::EntityType::Patient;
  std::string id;
  std::string title;  // what is about to be deleted, for the question
};

struct ClinicalView;  // what the clinical rules say about the open chart (views/clinical_panels.cpp)
struct BoardsCache;   // the referral and authorization boards' cards (views/boards_view.cpp)
struct PatientRows;   // the Patients screen's rows for its search and filters (views/patient_list.cpp)
struct DashboardView;         // the dashboard's choices and its figures as last computed (views/dashboard_view.cpp)
struct MeasurementChartView;  // the chart on the Measurements tab (views/measurement_chart.cpp)
struct SettingsView;          // what is being typed on the Settings screen (views/settings_view.cpp)
struct ImportExportView;      // the files chosen, the import under way and its summary (views/import_export_view.cpp)
struct ChartFacts;            // the open chart's header and summary as last worked out (views/chart_facts.cpp)

// The screens of the workstation, in the order the navigation lists them.
enum class Screen { Today, Patients, Calendar, Directory, Boards, Dashboard, Settings, ImportExport };

// The command palette (Ctrl+K): a filter over patients and actions.
struct CommandPalette {
  bool open = false;
  std::string query;
  int selected = 0;
  // The patients matching `query`, found when it last changed.
  std::string matched_query = "\x01";
  std::vector<std::string> matched_patients;
};

// The Today screen: which items are shown, and the item being snoozed.
struct TodayState {
  bool whole_clinic = false;  // false: the signed-in coordinator's items only
  std::string kind;           // only this kind; empty: every kind
  std::string snoozing;       // the key of the item whose snooze form is open
  std::string snooze_until, snooze_reason;
  std::string snooze_error;
  // The worklist as last computed, and for what: it is recomputed after a commit, a new day or a
  // change of scope, not every frame.
  std::vector<core::WorkItem> items;
  long version = -1;
  std::string computed_for;
};

// The Patients screen: the search, the filters, the sort and the highlighted row.
struct PatientListState {
  std::string query;
  bool mine = false;       // only the signed-in coordinator's caseload
  std::string status;      // only this status; empty: any
  std::string risk;        // only this readmission risk (core::risk_level_name); empty: any
  int sort_column = 0;     // 0 name, 1 date of birth, 2 age, 3 MRN, 4 phone
  bool sort_descending = false;
  int highlighted = 0;     // the row Enter opens
};

// The care team directory: what is typed and shown, and the rows as last built.
struct DirectoryRow {
  core::EntityType type = core::EntityType::Practitioner;
  std::string id, name, kind, organization, phone;
};
struct DirectoryState {
  std::string query;
  int show = 0;  // 0: everyone, 1: practitioners, 2: organizations
  std::vector<DirectoryRow> rows;  // every live practitioner and organization, by name
  long version = -1;               // the data version the rows were built from
  std::vector<const DirectoryRow*> filtered;
  std::string filtered_for;        // the query and kind `filtered` was made for
};

// The Calendar screen: what is shown, the free-slot search, and the question before cancelling.
struct CalendarCache;  // the shown days' blocks and the free slots, worked out in views/calendar_view.cpp
struct CalendarState {
  bool week = false;                    // a week (Monday to Sunday) or one day
  std::optional<core::CivilDate> day;   // the day shown, or a day of the week shown; today when unset
  std::string resource;                 // "practitioner:<id>" or "room:<name>"; the first practitioner when empty
  bool show_slots = true;               // the "Find free slots" panel
  int slot_minutes = 30;                // the duration to book: 15, 30, 45 or 60
  int search_days = 7;                  // how many days the free-slot search covers
  std::string patient;                  // whom the booking is for; the open chart's patient by default
  std::string patient_query;            // typed to find that patient
  std::string message;                  // why a booking could not be started, shown in the panel
  std::string confirm_cancel;           // the appointment whose cancellation is being asked about
  bool confirm_series = false;          // ... with the rest of its series
  std::string dragging;                 // the appointment being dragged to another time
  std::string menu_for;                 // the appointment whose context menu is open
  std::shared_ptr<CalendarCache> cache;
};

struct UiState {
  AddPatientForm add_patient;
  RecordForm record_form;
  std::optional<PendingDelete> pending_delete;
  Screen screen = Screen::Today;
  CommandPalette palette;
  TodayState today;
  CalendarState calendar;
  PatientListState patient_list;
  std::shared_ptr<PatientRows> patient_rows;
  DirectoryState directory;
  std::shared_ptr<BoardsCache> boards;
  std::string coordinator;   // the signed-in coordinator, whose caseload "mine" means
  Theme theme = Theme::Light;  // with the coordinator, kept on the device (core/preferences.hpp)
  int font_percent = 100;       // the font size, 100 to 200 % of the normal size
  std::string open_patient;  // the chart being shown on the Patients screen; empty for the list
  std::string chart_tab_request;  // a chart tab to open in the next frame (Ctrl+PageDown/PageUp)
  std::string handout_for;   // a patient whose handout to print after this frame
  long data_version = 0;     // counts commits, so cached views know when to refresh
  struct {
    std::string patient_id;
    long version = -1;
    std::vector<core::HistoryEntry> entries;
  } history_cache;
  struct {
    long version = -1;
    std::size_t live = 0;
  } patient_count;  // the status bar's "N patients", counted again after a commit
  std::shared_ptr<ChartFacts> chart_facts;
  std::shared_ptr<ClinicalView> clinical;
  std::shared_ptr<DashboardView> dashboard;
  std::shared_ptr<MeasurementChartView> measurement_chart;
  std::shared_ptr<SettingsView> settings;
  std::shared_ptr<ImportExportView> import_export;
  std::string notice;                 // the last confirmation, e.g. "Added Ada Lovelace."
  std::vector<std::string> warnings;  // problems found when the data was opened, until dismissed
  bool quit_requested = false;
  // Long work under way in this frame (an import): the shell draws the next frame at once instead
  // of waiting for input, so the work goes on. Reset at the start of each frame.
  bool working = false;
  float tidying = -1.0f;  // how far the saved data's compaction is (0 to 1) while it runs, else < 0
};

}  // namespace ui
