// Reviewing a patient's medicines: a reconciliation of two medication lists (for example the
// discharge list against the pill bottles at home) with each discrepancy found, and the pharmacy
// fills that show whether the medicines are being picked up.
#pragma once
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;
struct Encounter;
struct Medication;

struct MedicationReconciliation {
  static constexpr EntityType kType = EntityType::MedicationReconciliation;
  static const Schema<MedicationReconciliation>& schema();

  Id<MedicationReconciliation> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<Encounter> encounter;  // the discharge it follows, if any
  std::optional<CivilDate> date;  // not in the future
  std::string performed_by;
  std::string sources;  // e.g. "discharge list vs. pill bottles at home"
  std::string status;   // in_progress, completed
  std::string notes;
  bool operator==(const MedicationReconciliation&) const = default;
};

struct MedicationDiscrepancy {
  static constexpr EntityType kType = EntityType::MedicationDiscrepancy;
  static const Schema<MedicationDiscrepancy>& schema();

  Id<MedicationDiscrepancy> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<MedicationReconciliation> reconciliation;
  std::string medication;
  std::string kind;  // omission, commission, dose, frequency, route, duplication, other
  std::string detail;
  std::string resolution;
  bool resolved = false;
  bool operator==(const MedicationDiscrepancy&) const = default;
};

// One pharmacy fill of a medication: the supply the patient took home on that day.
struct MedicationFill {
  static constexpr EntityType kType = EntityType::MedicationFill;
  static const Schema<MedicationFill>& schema();

  Id<MedicationFill> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<Medication> medication;
  std::optional<CivilDate> fill_date;
  std::optional<long long> days_supply;
  std::optional<double> quantity;
  bool operator==(const MedicationFill&) const = default;
};

}  // namespace core
