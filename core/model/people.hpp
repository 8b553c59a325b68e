// The people and organizations around a patient: family and caregivers, practitioners,
// organizations (clinics, pharmacies, payers, ...) and each patient's care team.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;
struct Organization;

struct RelatedPerson {
  static constexpr EntityType kType = EntityType::RelatedPerson;
  static const Schema<RelatedPerson>& schema();

  Id<RelatedPerson> id;
  bool deleted = false;
  Id<Patient> patient;
  std::string name;
  std::string relationship;  // spouse, partner, parent, child, sibling, friend, other_relative, other
  std::vector<std::string> phones;
  std::string email;
  std::string address_line;
  bool emergency_contact = false;
  bool caregiver = false;
  bool legal_representative = false;  // proxy / health-care power of attorney
  bool may_share_information = false; // the patient consented to share information with them
  std::optional<CivilDate> consent_date;
  std::string notes;
  bool operator==(const RelatedPerson&) const = default;
};

struct Practitioner {
  static constexpr EntityType kType = EntityType::Practitioner;
  static const Schema<Practitioner>& schema();

  Id<Practitioner> id;
  bool deleted = false;
  std::string name;
  std::string credentials;  // MD, RN, NP, PharmD, ...
  std::string role;         // physician, nurse, specialist, pharmacist, social_worker, therapist, home_health, other
  std::string specialty;
  std::string npi;          // US National Provider Identifier, 10 digits with a check digit
  Id<Organization> organization;
  std::vector<std::string> phones;
  std::string fax;
  std::string email;
  bool operator==(const Practitioner&) const = default;
};

struct Organization {
  static constexpr EntityType kType = EntityType::Organization;
  static const Schema<Organization>& schema();

  Id<Organization> id;
  bool deleted = false;
  std::string name;
  std::string kind;  // clinic, hospital, pharmacy, home_health, specialist_practice, payer, community_service, lab, other
  std::string phone;
  std::string fax;
  std::string email;
  std::string address_line;
  std::string city;
  std::string region;
  std::string postal_code;
  bool operator==(const Organization&) const = default;
};

// One member of one patient's care team: a practitioner or an organization, in a role.
struct CareTeamMember {
  static constexpr EntityType kType = EntityType::CareTeamMember;
  static const Schema<CareTeamMember>& schema();

  Id<CareTeamMember> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<Practitioner> practitioner;
  Id<Organization> organization;
  std::string role;  // e.g. "primary care", "cardiology", "home health nursing"
  bool lead = false; // the care team lead; at most one per patient
  std::optional<CivilDate> start_date;
  std::optional<CivilDate> end_date;
  bool operator==(const CareTeamMember&) const = default;
};

Checked check_npi(const json& v, const std::string& label);

}  // namespace core
