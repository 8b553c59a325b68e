// Chronic care management time: the minutes the care team spends on a patient's care between
// visits, logged one activity at a time and added up per calendar month for billing (see
// core/clinical/care_management.hpp). Consent is on the patient (Patient::ccm_consent_date).
#pragma once
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;

struct CareManagementTime {
  static constexpr EntityType kType = EntityType::CareManagementTime;
  static const Schema<CareManagementTime>& schema();

  Id<CareManagementTime> id;
  bool deleted = false;
  Id<Patient> patient;
  std::optional<CivilDate> date;  // the day the time was spent, not in the future
  std::optional<long long> minutes;  // 1 to 600
  std::string activity;      // e.g. "Called pharmacy about refills"
  std::string performed_by;  // who spent the time
  bool operator==(const CareManagementTime&) const = default;
};

}  // namespace core
