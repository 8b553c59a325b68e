#include "business_days.hpp"

#include "core/state.hpp"

namespace core {

BusinessCalendar::BusinessCalendar(const State& state) {
  for (const auto& [id, h] : state.table<ClinicHoliday>())
    if (!h.deleted && h.date) holidays_.emplace(*h.date, h.name);
}

bool BusinessCalendar::is_business_day(CivilDate day) const {
  const date::weekday wd{date::sys_days{day}};
  return wd != date::Saturday && wd != date::Sunday && !holidays_.count(day);
}

const std::string* BusinessCalendar::holiday(CivilDate day) const {
  auto it = holidays_.find(day);
  return it == holidays_.end() ? nullptr : &it->second;
}

CivilDate BusinessCalendar::add_business_days(CivilDate from, int n) const {
  date::sys_days day{from};
  const date::days step{n < 0 ? -1 : 1};
  for (int left = n < 0 ? -n : n; left > 0;) {
    day += step;
    if (is_business_day(CivilDate{day})) --left;
  }
  return CivilDate{day};
}

int BusinessCalendar::business_days_between(CivilDate from, CivilDate to) const {
  if (to < from) return -business_days_between(to, from);
  int count = 0;
  for (date::sys_days day = date::sys_days{from} + date::days{1}; day <= date::sys_days{to}; day += date::days{1})
    if (is_business_day(CivilDate{day})) ++count;
  return count;
}

}  // namespace core
