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
  // Written digit by digit for the years a record holds (printf was a twentieth of a worklist,
  // whose items name the days they are about); printf for the rest.
  const int year = static_cast<int>(d.year());
  if (d.ok() && year >= 0 && year <= 9999) {
    const unsigned month = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
    std::string out = "0000-00-00";
    for (int at = 3, y = year; at >= 0; --at, y /= 10) out[at] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + month / 10 % 10);
    out[6] = static_cast<char>('0' + month % 10);
    out[8] = static_cast<char>('0' + day / 10 % 10);
    out[9] = static_cast<char>('0' + day % 10);
    return out;
  }
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
