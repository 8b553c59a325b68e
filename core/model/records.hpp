// What is observed and said along the way: measurements, notes of calls, visits and letters,
// and the education given to the patient and family.
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
struct RelatedPerson;

struct Measurement {
  static constexpr EntityType kType = EntityType::Measurement;
  static const Schema<Measurement>& schema();

  Id<Measurement> id;
  bool deleted = false;
  Id<Patient> patient;
  SharedText type;  // e.g. "blood pressure systolic", "weight"
  std::optional<double> value;
  SharedText unit;  // e.g. "mmHg", "kg"
  std::string taken_at;  // "YYYY-MM-DDTHH:MM"
  SparseText result;     // a result in words (coded or text, e.g. "Never smoker"), when there is no value
  bool operator==(const Measurement&) const = default;
};

// A note or a communication: a call, a visit, a message or letter, or a plain note.
struct Note {
  static constexpr EntityType kType = EntityType::Note;
  static const Schema<Note>& schema();

  Id<Note> id;
  bool deleted = false;
  Id<Patient> patient;
  SharedText kind;       // call, visit, message, letter, note
  std::string with_whom;  // who the coordinator spoke or wrote to
  SharedText direction;  // inbound, outbound
  SharedText outcome;    // reached, left_message, no_answer, wrong_number, completed, other
  std::string at;         // "YYYY-MM-DDTHH:MM"
  std::string text;
  bool operator==(const Note&) const = default;
};

struct Education {
  static constexpr EntityType kType = EntityType::Education;
  static const Schema<Education>& schema();

  Id<Education> id;
  bool deleted = false;
  Id<Patient> patient;
  std::string topic;
  std::string material;  // the leaflet, video or site used
  std::string given_to;  // the patient, or the family member's name
  std::string language;
  std::optional<CivilDate> date;
  std::string teach_back;  // understood, partially_understood, not_understood, not_assessed
  Id<RelatedPerson> family_member;  // the family member or caregiver taught, when not the patient
  bool operator==(const Education&) const = default;
};

}  // namespace core
