// Calendar dates as coordinators write them (ISO 8601, YYYY-MM-DD), with no time or zone.
#pragma once
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace core {

using CivilDate = date::year_month_day;

// Parses "YYYY-MM-DD" strictly: four-digit year, two-digit month and day, a real calendar day.
std::optional<CivilDate> parse_civil_date(std::string_view text);
std::string format_civil_date(CivilDate d);

// Whole years between a birth date and a later date (0 when `on` precedes the birthday).
int age_in_years(CivilDate birth, CivilDate on);

}  // namespace core
