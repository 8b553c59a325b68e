// The patient record and the rules a new record must meet. This first slice keeps the fields of
// the "Add patient" form; the full model (names, identifiers, contacts, ...) grows from here.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "civil_date.hpp"
#include "ids.hpp"
#include "result.hpp"

namespace core {

struct State;

struct Patient {
  PatientId id;
  std::string name;
  std::optional<CivilDate> birth_date;
  std::string mrn;    // medical record number, unique in the store when present
  std::string phone;
  bool deleted = false;
  bool operator==(const Patient&) const = default;
};

// What the coordinator typed, before validation.
struct PatientDraft {
  std::string name;
  std::string birth_date;  // YYYY-MM-DD
  std::string mrn;
  std::string phone;
};

// Every problem with the draft, one message per field; empty when it can be saved.
std::vector<FieldError> validate_new_patient(const PatientDraft& draft, const State& state,
                                             CivilDate today);

// Leading and trailing white space removed; what the record stores.
std::string trimmed(const std::string& text);

}  // namespace core
