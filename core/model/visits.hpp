// Contacts with the health system: appointments ahead, encounters and hospital stays behind,
// and referrals that hand the patient on to someone else.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/shared_text.hpp"
#include "core/sparse_text.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;
struct Practitioner;
struct Organization;

struct Appointment {
  static constexpr EntityType kType = EntityType::Appointment;
  static const Schema<Appointment>& schema();

  Id<Appointment> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<Practitioner> practitioner;
  SharedText location;
  SharedText type;              // office_visit, follow_up, home_visit, telehealth, procedure, lab
  SharedText status = "booked"; // proposed, booked, confirmed, arrived, completed, cancelled, no_show
  std::string start;             // local wall time at the appointment, "YYYY-MM-DDTHH:MM"
  std::string end;               // same form, after start
  SharedText time_zone;         // IANA name of the place, e.g. "America/Chicago"
  std::string reason;
  SparseText notes;
  SparseText series;       // occurrences of one recurring series share this key
  SparseText recurrence;   // the series' rule in words, e.g. "every 8 weeks, 6 times"
  Id<Appointment> follow_up_of;  // the visit this one follows up
  bool operator==(const Appointment&) const = default;
};

// Statuses that occupy the time: a proposed, cancelled or missed appointment frees its slot.
bool holds_slot(const Appointment& a);

// An encounter or a hospital stay: an admission, an emergency visit, a stay in skilled nursing.
struct Encounter {
  static constexpr EntityType kType = EntityType::Encounter;
  static const Schema<Encounter>& schema();

  Id<Encounter> id;
  bool deleted = false;
  Id<Patient> patient;
  SharedText kind;      // inpatient, emergency, observation, outpatient, home_health, skilled_nursing
  SharedText facility;
  std::optional<CivilDate> admission_date;
  std::optional<CivilDate> discharge_date;
  bool acute = false;    // an acute or emergent admission, as opposed to a planned one
  SharedText discharge_disposition;  // home, home_with_services, skilled_nursing, rehab, hospice,
                                      // against_medical_advice, died, other
  SparseText notes;
  std::vector<std::string> discharge_medications;  // as written on the discharge summary
  // The medical decision making of the transition: moderate or high (CMS TCM: the face-to-face
  // visit is due within 14 days for moderate, 7 days for high; see core/clinical/transitions.hpp).
  SharedText complexity;
  SharedText admission_type;     // elective, urgent, emergency; unset when not known
  SharedText discharge_service;  // the hospital service that discharged the patient, e.g. oncology
  bool operator==(const Encounter&) const = default;
};

struct Referral {
  static constexpr EntityType kType = EntityType::Referral;
  static const Schema<Referral>& schema();

  Id<Referral> id;
  bool deleted = false;
  Id<Patient> patient;
  Id<Practitioner> to_practitioner;
  Id<Organization> to_organization;
  std::string reason;
  std::string status;   // draft, sent, scheduled, completed, cancelled, declined
  std::optional<CivilDate> sent_date;
  std::string urgency;  // routine, urgent
  bool operator==(const Referral&) const = default;
};

}  // namespace core
