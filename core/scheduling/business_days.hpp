// The business-day calendar every "within N business days" rule uses: Monday to Friday, minus
// the clinic's holidays (ClinicHoliday records).
#pragma once
#include <map>
#include <string>

#include "core/civil_date.hpp"

namespace core {

struct State;

class BusinessCalendar {
 public:
  explicit BusinessCalendar(const State& state);
  explicit BusinessCalendar(std::map<CivilDate, std::string> holidays) : holidays_(std::move(holidays)) {}

  bool is_business_day(CivilDate day) const;
  // The name of the clinic holiday on that day, or nullptr.
  const std::string* holiday(CivilDate day) const;
  // The n-th business day after `from` (n > 0), or before it (n < 0); `from` itself when n is 0.
  // add_business_days(Friday, 2) is the Tuesday after, unless Monday or Tuesday is a holiday.
  CivilDate add_business_days(CivilDate from, int n) const;
  // How many business days lie after `from`, up to and including `to` (negative when to < from).
  int business_days_between(CivilDate from, CivilDate to) const;

 private:
  std::map<CivilDate, std::string> holidays_;
};

}  // namespace core
