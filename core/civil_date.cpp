#include "civil_date.hpp"

#include <cstdio>

namespace core {
namespace {

std::optional<unsigned> digits(std::string_view text) {
  unsigned n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  return n;
}

}  // namespace

std::optional<CivilDate> parse_civil_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digits(text.substr(0, 4));
  auto m = digits(text.substr(5, 2));
  auto d = digits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  CivilDate date{date::year{static_cast<int>(*y)}, date::month{*m}, date::day{*d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_civil_date(CivilDate d) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return out;
}

int age_in_years(CivilDate birth, CivilDate on) {
  int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  if (date::month_day{on.month(), on.day()} < date::month_day{birth.month(), birth.day()}) --years;
  return years < 0 ? 0 : years;
}

}  // namespace core
