// The clinic's scheduling and worklist settings with their defaults filled in.
#pragma once
#include "core/time_zone.hpp"

namespace core {

struct State;

struct SchedulingSettings {
  const TimeZone* time_zone = nullptr;  // nullptr: wall times are read as UTC
  int confirm_business_days = 2;        // confirm appointments 2 business days ahead
  int contact_gap_days = 30;            // list caseload patients not contacted for 30 days
  int referral_loop_days = 14;          // chase a sent referral with no visit or report after 14 days
  int slot_minutes = 15;                // free slots start on quarter hours
};

// From the live ClinicSettings record, if there is one.
SchedulingSettings scheduling_settings(const State& state);

}  // namespace core
