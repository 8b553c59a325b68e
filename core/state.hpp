// The in-memory state: what replaying the journal from empty produces. apply() is the only
// function that changes it and is deterministic in (state, change), so every replica that has
// seen the same Changes holds the same State.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "change.hpp"
#include "patient.hpp"

namespace core {

struct State {
  std::map<PatientId, Patient> patients;      // tombstoned records included
  std::map<std::string, PatientId> by_mrn;    // live records only

  const Patient* patient(const PatientId& id) const;
  const Patient* patient_with_mrn(const std::string& mrn) const;
  // Live patients ordered by name (case-insensitive), then id, as lists show them.
  std::vector<const Patient*> patients_by_name() const;
};

void apply(State& state, const Change& change);

}  // namespace core
