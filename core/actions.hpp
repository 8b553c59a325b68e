// Everything a coordinator can do to the data, as plain values. Views emit these; only
// Session::commit turns them into Changes.
#pragma once
#include <variant>

#include "patient.hpp"

namespace core {

struct AddPatient {
  PatientDraft draft;
};

using Action = std::variant<AddPatient>;

}  // namespace core
