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

struct UiState {
  AddPatientForm add_patient;
  RecordForm record_form;
  std::optional<PendingDelete> pending_delete;
  std::string open_patient;  // the chart being shown; empty for the patient list
  std::string handout_for;   // a patient whose handout to print after this frame
  long data_version = 0;     // counts commits, so cached views know when to refresh
  struct {
    std::string patient_id;
    long version = -1;
    std::vector<core::HistoryEntry> entries;
  } history_cache;
  std::shared_ptr<ClinicalView> clinical;
  std::string notice;                 // the last confirmation, e.g. "Added Ada Lovelace."
  std::vector<std::string> warnings;  // problems found when the data was opened, until dismissed
  bool quit_requested = false;
};

}  // namespace ui
