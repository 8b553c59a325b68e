// How a patient's care is paid for: insurance coverage, and the prior authorizations a payer
// grants for specific services.
#pragma once
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;
struct Organization;
struct Appointment;

struct Coverage {
  static constexpr EntityType kType = EntityType::Coverage;
  static const Schema<Coverage>& schema();

  Id<Coverage> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<Organization> payer;
  std::string plan_name;
  std::string member_id;
  std::string group_number;
  std::string relationship_to_subscriber;  // self, spouse, child, other
  std::optional<CivilDate> start_date;
  std::optional<CivilDate> end_date;
  std::string priority;  // primary, secondary, tertiary: the order payers are billed in
  std::string status;    // active, inactive
  bool operator==(const Coverage&) const = default;
};

struct PriorAuthorization {
  static constexpr EntityType kType = EntityType::PriorAuthorization;
  static const Schema<PriorAuthorization>& schema();

  Id<PriorAuthorization> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<Coverage> coverage;
  std::string service;           // what is authorized, e.g. "home health nursing visits"
  std::string reference_number;  // the payer's authorization number
  std::optional<long long> units_approved;
  std::optional<long long> units_used;
  std::optional<CivilDate> valid_from;
  std::optional<CivilDate> valid_to;
  std::string status;  // requested, pending, approved, denied, expired, cancelled, needed, submitted, appealed
  std::string service_code;  // the procedure code asked for, e.g. CPT or HCPCS "97110"
  std::string call_notes;    // what was said on calls with the payer
  std::optional<CivilDate> submitted_date;  // sent to the payer
  std::optional<CivilDate> decision_date;   // the payer approved or denied it
  Id<Appointment> appointment;  // the visit it is for; see core/clinical/authorization_items.hpp
  bool operator==(const PriorAuthorization&) const = default;
};

}  // namespace core
