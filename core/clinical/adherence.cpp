// Proportion of days covered from pharmacy fills, and the appointment keep rate.
#include "adherence.hpp"

#include <algorithm>
#include <cmath>

#include "core/scheduling/visit_outcomes.hpp"
#include "core/state.hpp"

namespace core {
namespace {

// The Pharmacy Quality Alliance's adherence threshold: PDC of 80 % or more (PQA, "Adherence:
// Proportion of Days Covered" measure specifications; CMS Part D Star Ratings technical notes).
constexpr long long kAdherentPercent = 80;

long long day_number(CivilDate d) { return date::sys_days{d}.time_since_epoch().count(); }

std::string percent(double proportion) { return std::to_string(std::lround(proportion * 100)) + " %"; }

}  // namespace

bool DaysCovered::adherent() const {
  return days_in_period > 0 && days_covered * 100 >= kAdherentPercent * days_in_period;
}

std::string DaysCovered::summary() const {
  if (!index_date) return "No fills recorded in the period";
  return "Covered " + std::to_string(days_covered) + " of " + std::to_string(days_in_period) + " days (" +
         percent(proportion()) + "): " + (adherent() ? "adherent" : "below the 80 % adherence threshold");
}

DaysCovered days_covered(std::vector<Fill> fills, CivilDate first, CivilDate last) {
  DaysCovered out;
  const long long start = day_number(first), end = day_number(last);
  fills.erase(std::remove_if(fills.begin(), fills.end(),
                             [&](const Fill& f) {
                               return f.days_supply <= 0 || day_number(f.date) < start || day_number(f.date) > end;
                             }),
              fills.end());
  if (fills.empty() || end < start) return out;
  std::stable_sort(fills.begin(), fills.end(), [](const Fill& a, const Fill& b) { return day_number(a.date) < day_number(b.date); });
  out.index_date = fills.front().date;
  out.days_in_period = end - day_number(fills.front().date) + 1;
  long long next_uncovered = start;  // the first day no earlier fill covers
  for (const Fill& f : fills) {
    const long long from = std::max(day_number(f.date), next_uncovered);
    const long long until = from + f.days_supply;  // exclusive
    if (from <= end) out.days_covered += std::min(until, end + 1) - from;
    next_uncovered = until;
  }
  return out;
}

DaysCovered days_covered(const State& state, const Id<Medication>& medication, CivilDate first, CivilDate last) {
  std::vector<Fill> fills;
  for (const auto& [id, f] : state.table<MedicationFill>())
    if (!f.deleted && f.medication == medication && f.fill_date && f.days_supply) fills.push_back({*f.fill_date, *f.days_supply});
  return days_covered(std::move(fills), first, last);
}

std::optional<double> KeepRate::rate() const {
  if (kept + no_shows == 0) return std::nullopt;
  return double(kept) / double(kept + no_shows);
}

std::string KeepRate::summary() const {
  if (!rate()) return "No kept or missed appointments yet";
  return "Kept " + std::to_string(kept) + " of " + std::to_string(kept + no_shows) + " appointments (" +
         percent(*rate()) + ")";
}

KeepRate appointment_keep_rate(const State& state, const Id<Patient>& patient) {
  const Attendance a = attendance(state, patient);
  return {a.kept, a.no_shows};
}

KeepRate appointment_keep_rate(const State& state, const Id<Patient>& patient, CivilDate first, CivilDate last) {
  const Attendance a = attendance(state, patient, first, last);
  return {a.kept, a.no_shows};
}

}  // namespace core
