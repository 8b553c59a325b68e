#include "settings.hpp"

#include "core/state.hpp"

namespace core {

SchedulingSettings scheduling_settings(const State& state) {
  SchedulingSettings out;
  for (const auto& [id, s] : state.table<ClinicSettings>()) {
    if (s.deleted) continue;
    if (!s.time_zone.empty()) out.time_zone = TimeZone::find(s.time_zone);
    if (s.confirm_business_days) out.confirm_business_days = static_cast<int>(*s.confirm_business_days);
    if (s.contact_gap_days) out.contact_gap_days = static_cast<int>(*s.contact_gap_days);
    if (s.referral_loop_days) out.referral_loop_days = static_cast<int>(*s.referral_loop_days);
    if (s.slot_minutes) out.slot_minutes = static_cast<int>(*s.slot_minutes);
  }
  return out;
}

}  // namespace core
