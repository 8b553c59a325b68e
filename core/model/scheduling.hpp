// The clinic's calendar: when each practitioner works, when they are away, the clinic's holidays,
// the clinic-wide settings the scheduling and worklist rules read, and the coordinator's snoozed
// or finished worklist items.
#pragma once
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;
struct Practitioner;

// One block of a practitioner's regular week, e.g. Monday 08:30-12:00 at the main clinic.
struct WorkingHours {
  static constexpr EntityType kType = EntityType::WorkingHours;
  static const Schema<WorkingHours>& schema();

  Id<WorkingHours> id;
  bool deleted = false;
  Id<Practitioner> practitioner;
  std::string weekday;  // monday ... sunday
  std::string start;    // "HH:MM"
  std::string end;      // "HH:MM", after start
  std::string location;
  bool operator==(const WorkingHours&) const = default;
};

// A practitioner away (leave, training) for whole days, both dates included.
struct Unavailability {
  static constexpr EntityType kType = EntityType::Unavailability;
  static const Schema<Unavailability>& schema();

  Id<Unavailability> id;
  bool deleted = false;
  Id<Practitioner> practitioner;
  std::optional<CivilDate> from_date;
  std::optional<CivilDate> to_date;
  std::string reason;  // leave, training, sick, other
  bool operator==(const Unavailability&) const = default;
};

// A day the whole clinic is closed: not a business day, and no practitioner is bookable.
struct ClinicHoliday {
  static constexpr EntityType kType = EntityType::ClinicHoliday;
  static const Schema<ClinicHoliday>& schema();

  Id<ClinicHoliday> id;
  bool deleted = false;
  std::optional<CivilDate> date;
  std::string name;
  bool operator==(const ClinicHoliday&) const = default;
};

// The clinic's choices for the rules; at most one live record. Unset values take the defaults in
// core/scheduling/settings.hpp.
struct ClinicSettings {
  static constexpr EntityType kType = EntityType::ClinicSettings;
  static const Schema<ClinicSettings>& schema();

  Id<ClinicSettings> id;
  bool deleted = false;
  std::string time_zone;  // where the clinic is; appointments with no zone of their own use it
  std::optional<long long> confirm_business_days;  // confirm appointments this many business days ahead
  std::optional<long long> contact_gap_days;       // caseload patients not contacted for this long
  std::optional<long long> referral_loop_days;     // referrals sent with no visit or report after this long
  std::optional<long long> slot_minutes;           // step of the free-slot search
  bool operator==(const ClinicSettings&) const = default;
};

// A worklist item the coordinator snoozed until a date, or marked done. `item` is the item's key
// (see core/worklist/worklist.hpp), which names the record and the occasion it is about.
struct WorkItemState {
  static constexpr EntityType kType = EntityType::WorkItemState;
  static const Schema<WorkItemState>& schema();

  Id<WorkItemState> id;
  bool deleted = false;
  std::string item;
  Id<Patient> patient;
  std::string status;  // snoozed, done
  std::optional<CivilDate> until;  // a snoozed item comes back on this day
  std::string reason;
  bool operator==(const WorkItemState&) const = default;
};

Checked check_time_zone(const json& v, const std::string& label);   // a known IANA name

}  // namespace core
