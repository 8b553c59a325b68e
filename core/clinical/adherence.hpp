// Adherence: whether the patient picks up their medicines (the proportion of days covered by
// recorded pharmacy fills) and comes to their appointments (the keep rate).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"

namespace core {

struct Medication;
struct Patient;
struct State;

struct Fill {
  CivilDate date;
  long long days_supply = 0;
};

// The proportion of days covered (PDC) as the Pharmacy Quality Alliance defines it (PQA,
// "Adherence: Proportion of Days Covered" measure specifications; also CMS Part D Star Ratings
// technical notes): the treatment period runs from the first fill inside the measurement period
// (the index date) to the period's last day; each day in it is covered when a fill's supply
// lasts over it. A fill made while an earlier supply still lasts starts when that supply runs
// out (shifted forward); supply past the period's end does not count. Fills before the period
// are not counted.
struct DaysCovered {
  std::optional<CivilDate> index_date;  // none when no fill falls in the period
  long long days_covered = 0;
  long long days_in_period = 0;  // from the index date to the end of the period, both included
  double proportion() const { return days_in_period == 0 ? 0.0 : double(days_covered) / double(days_in_period); }
  // PDC >= 0.80, the PQA adherence threshold; compared in whole numbers so exactly 80 % counts.
  bool adherent() const;
  std::string summary() const;  // e.g. "Covered 292 of 365 days (80 %): adherent"
};

// `first` and `last` are the measurement period's first and last days, both included.
DaysCovered days_covered(std::vector<Fill> fills, CivilDate first, CivilDate last);
// The live MedicationFill records of one medication.
DaysCovered days_covered(const State& state, const Id<Medication>& medication, CivilDate first, CivilDate last);

// Appointments kept against missed: kept / (kept + no-shows), from core::attendance. Cancelled and
// future appointments do not count either way.
struct KeepRate {
  int kept = 0;
  int no_shows = 0;
  std::optional<double> rate() const;  // none before any kept or missed appointment
  std::string summary() const;         // e.g. "Kept 9 of 10 appointments (90 %)"
};
KeepRate appointment_keep_rate(const State& state, const Id<Patient>& patient);
// Only the appointments whose day lies in [first, last], both included.
KeepRate appointment_keep_rate(const State& state, const Id<Patient>& patient, CivilDate first, CivilDate last);

}  // namespace core
