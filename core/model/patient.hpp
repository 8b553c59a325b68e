// The patient: who they are, how to reach them, who coordinates their care.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Practitioner;

struct Patient {
  static constexpr EntityType kType = EntityType::Patient;
  static const Schema<Patient>& schema();

  Id<Patient> id;
  bool deleted = false;
  std::string given_name;
  std::string family_name;
  std::string preferred_name;
  std::optional<CivilDate> birth_date;
  std::string sex;              // administrative sex: female, male, other, unknown
  std::string gender_identity;
  std::string mrn;              // medical record number, unique among live patients
  std::vector<std::string> identifiers;  // other identifiers, "system|value"
  std::vector<std::string> phones;
  std::string email;
  std::string address_line;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;
  std::string language;         // preferred language
  bool interpreter_needed = false;
  std::string contact_time;     // best time to reach: morning, afternoon, evening, any
  std::string contact_channel;  // phone, sms, email, mail, portal, in_person
  Id<Practitioner> primary_care_provider;
  std::string status = "active";  // active, inactive, deceased
  std::optional<CivilDate> deceased_date;
  std::string coordinator;      // the coordinator this patient is assigned to
  std::optional<CivilDate> ccm_consent_date;  // consent to chronic care management documented on

  bool operator==(const Patient&) const = default;
  // "Preferred Family" when a preferred name is set, else "Given Family".
  std::string display_name() const;
};

}  // namespace core
