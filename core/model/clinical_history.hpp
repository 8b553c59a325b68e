// A patient's clinical history as a coordinator needs it: problems, procedures, allergies,
// medications, family history and the social factors that shape their care.
#pragma once
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/shared_text.hpp"
#include "core/sparse_text.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;
struct Practitioner;

struct Condition {
  static constexpr EntityType kType = EntityType::Condition;
  static const Schema<Condition>& schema();

  Id<Condition> id;
  bool deleted = false;
  Id<Patient> patient;
  SharedText name;
  std::string icd10;   // e.g. E11.9, stored upper case
  SharedText status;  // active, resolved, inactive
  std::optional<CivilDate> onset_date;
  std::optional<CivilDate> resolution_date;  // only for a resolved or inactive condition
  SparseText notes;
  bool operator==(const Condition&) const = default;
};

struct Procedure {
  static constexpr EntityType kType = EntityType::Procedure;
  static const Schema<Procedure>& schema();

  Id<Procedure> id;
  bool deleted = false;
  Id<Patient> patient;
  SharedText name;
  std::optional<CivilDate> date;
  Id<Practitioner> performer;
  SharedText outcome;
  SparseText notes;
  bool operator==(const Procedure&) const = default;
};

struct Allergy {
  static constexpr EntityType kType = EntityType::Allergy;
  static const Schema<Allergy>& schema();

  Id<Allergy> id;
  bool deleted = false;
  Id<Patient> patient;
  std::string substance;
  std::string reaction;
  std::string severity;      // mild, moderate, severe
  std::string verification;  // unconfirmed, confirmed, refuted
  std::string kind;          // allergy, intolerance
  std::optional<CivilDate> recorded_date;
  bool operator==(const Allergy&) const = default;
};

struct Medication {
  static constexpr EntityType kType = EntityType::Medication;
  static const Schema<Medication>& schema();

  Id<Medication> id;
  bool deleted = false;
  Id<Patient> patient;
  SharedText name;
  SharedText dose;       // as prescribed, e.g. "500 mg"
  SharedText route;      // oral, topical, inhaled, injection, intravenous, subcutaneous, transdermal, other
  SharedText frequency;  // e.g. "twice daily"
  Id<Practitioner> prescriber;
  std::optional<CivilDate> start_date;
  std::optional<CivilDate> stop_date;
  std::string indication;
  SharedText status = "active";  // active, stopped, on_hold
  SparseText notes;
  bool operator==(const Medication&) const = default;
};

struct FamilyHistory {
  static constexpr EntityType kType = EntityType::FamilyHistory;
  static const Schema<FamilyHistory>& schema();

  Id<FamilyHistory> id;
  bool deleted = false;
  Id<Patient> patient;
  std::string relative;  // mother, father, sibling, child, grandparent, aunt_uncle, other
  std::string condition;
  std::optional<long long> age_at_onset;  // years
  bool deceased = false;                  // the relative has died
  std::string notes;
  bool operator==(const FamilyHistory&) const = default;
};

// Social determinants and habits: tobacco, alcohol, housing, transport, ...
struct SocialFactor {
  static constexpr EntityType kType = EntityType::SocialFactor;
  static const Schema<SocialFactor>& schema();

  Id<SocialFactor> id;
  bool deleted = false;
  Id<Patient> patient;
  std::string category;  // tobacco, alcohol, activity, diet, housing, transport, food_security, substance_use, other
  std::string value;     // e.g. "never smoker"
  std::string risk;      // none, low, moderate, high
  std::optional<CivilDate> recorded_date;
  bool operator==(const SocialFactor&) const = default;
};

}  // namespace core
