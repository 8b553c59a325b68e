// Transient interface state: text being typed, which form is open, messages on screen. None of
// it is patient data; that lives in core::State and changes only through actions.
#pragma once
#include <string>
#include <vector>

#include "core/result.hpp"

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

struct UiState {
  AddPatientForm add_patient;
  std::string notice;                 // the last confirmation, e.g. "Added Ada Lovelace."
  std::vector<std::string> warnings;  // problems found when the data was opened, until dismissed
  bool quit_requested = false;
};

}  // namespace ui
