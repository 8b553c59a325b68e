// Adherence: the proportion of days covered by pharmacy fills (overlapping fills shifted forward,
// supply capped at the period's end, the index date, exactly 80 %), read from MedicationFill records
// through a real Session; and the appointment keep rate.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/clinical/adherence.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using model_test::Fixture;

core::CivilDate day(const char* text) {
  auto parsed = core::parse_civil_date(text);
  REQUIRE(parsed);
  return *parsed;
}

struct FillText {
  const char* date;
  long long days_supply;
};

struct PdcRow {
  const char* name;
  std::vector<FillText> fills;
  const char* first;
  const char* last;
  const char* index_date;  // "" when no fill counts
  long long covered;
  long long days;
  bool adherent;
};

const std::vector<PdcRow> pdc_rows = {
    {"no fills", {}, "2026-01-01", "2026-01-31", "", 0, 0, false},
    {"one fill covering the whole period", {{"2026-01-01", 30}}, "2026-01-01", "2026-01-30", "2026-01-01", 30, 30, true},
    {"supply past the period's end is capped", {{"2026-01-21", 30}}, "2026-01-01", "2026-01-30", "2026-01-21", 10, 10, true},
    {"an early refill starts when the earlier supply runs out",
     {{"2026-01-01", 30}, {"2026-01-20", 30}}, "2026-01-01", "2026-03-31", "2026-01-01", 60, 90, false},
    {"fills in any order", {{"2026-01-20", 30}, {"2026-01-01", 30}}, "2026-01-01", "2026-03-31", "2026-01-01", 60, 90, false},
    {"shifted supply is capped at the period's end",
     {{"2026-01-01", 30}, {"2026-01-02", 30}}, "2026-01-01", "2026-01-31", "2026-01-01", 31, 31, true},
    {"two fills on the same day", {{"2026-01-01", 10}, {"2026-01-01", 10}}, "2026-01-01", "2026-01-31", "2026-01-01", 20, 31, false},
    {"a gap between fills", {{"2026-01-01", 10}, {"2026-01-21", 10}}, "2026-01-01", "2026-01-31", "2026-01-01", 20, 31, false},
    {"exactly 80 % is adherent", {{"2026-01-01", 80}}, "2026-01-01", "2026-04-10", "2026-01-01", 80, 100, true},
    {"79 % is not", {{"2026-01-01", 79}}, "2026-01-01", "2026-04-10", "2026-01-01", 79, 100, false},
    {"4 of 5 days is exactly 80 %", {{"2026-01-01", 4}}, "2026-01-01", "2026-01-05", "2026-01-01", 4, 5, true},
    {"the period starts at the first fill (index date)", {{"2026-01-11", 17}}, "2026-01-01", "2026-01-31", "2026-01-11", 17, 21, true},
    {"a fill before the period does not count",
     {{"2025-12-20", 30}, {"2026-01-10", 30}}, "2026-01-01", "2026-01-31", "2026-01-10", 22, 22, true},
    {"a fill after the period does not count", {{"2026-01-01", 10}, {"2026-02-01", 30}}, "2026-01-01", "2026-01-31", "2026-01-01", 10, 31, false},
    {"a fill on the period's last day covers one day",
     {{"2026-01-01", 10}, {"2026-01-31", 30}}, "2026-01-01", "2026-01-31", "2026-01-01", 11, 31, false},
    {"a fill on the period's first day", {{"2026-01-01", 1}}, "2026-01-01", "2026-01-01", "2026-01-01", 1, 1, true},
    {"a fill with no supply does not count", {{"2026-01-01", 0}, {"2026-01-05", 5}}, "2026-01-01", "2026-01-10", "2026-01-05", 5, 6, true},
    {"a period that ends before it starts", {{"2026-01-05", 5}}, "2026-01-10", "2026-01-01", "", 0, 0, false},
};

}  // namespace

TEST_CASE("adherence: proportion of days covered, with overlapping fills and the period's edges") {
  for (const PdcRow& row : pdc_rows) {
    INFO(row.name);
    std::vector<core::Fill> fills;
    for (const FillText& f : row.fills) fills.push_back({day(f.date), f.days_supply});
    const core::DaysCovered pdc = core::days_covered(fills, day(row.first), day(row.last));
    CHECK(pdc.index_date.has_value() == (*row.index_date != '\0'));
    if (pdc.index_date && *row.index_date) CHECK(core::format_civil_date(*pdc.index_date) == row.index_date);
    CHECK(pdc.days_covered == row.covered);
    CHECK(pdc.days_in_period == row.days);
    CHECK(pdc.adherent() == row.adherent);
  }
}

TEST_CASE("adherence: the summary says the days, the percentage and the verdict") {
  CHECK(core::days_covered({}, day("2026-01-01"), day("2026-01-31")).summary() == "No fills recorded in the period");
  CHECK(core::days_covered({{day("2026-01-01"), 80}}, day("2026-01-01"), day("2026-04-10")).summary() ==
        "Covered 80 of 100 days (80 %): adherent");
  CHECK(core::days_covered({{day("2026-01-01"), 30}, {day("2026-01-20"), 30}}, day("2026-01-01"), day("2026-03-31")).summary() ==
        "Covered 60 of 90 days (67 %): below the 80 % adherence threshold");
  CHECK(core::days_covered({{day("2026-01-01"), 30}}, day("2026-01-01"), day("2026-01-30")).proportion() == 1.0);
}

TEST_CASE("adherence: fills are read from the medication's live MedicationFill records") {
  Fixture f;
  const std::string p = f.ids["$patient"];
  const std::string statin = f.create(EntityType::Medication, {{"patient", p}, {"name", "Atorvastatin"}});
  const std::string other = f.create(EntityType::Medication, {{"patient", p}, {"name", "Metformin"}});
  auto fill = [&](const std::string& medication, const char* date, int days) {
    return f.create(EntityType::MedicationFill,
                    {{"patient", p}, {"medication", medication}, {"fill_date", date}, {"days_supply", days}});
  };
  fill(statin, "2026-01-01", 30);
  fill(statin, "2026-01-25", 30);  // early: shifted to start on 2026-01-31
  fill(other, "2026-03-01", 90);
  const std::string mistaken = fill(statin, "2026-03-01", 90);
  REQUIRE(f.session->commit(core::DeleteRecord{EntityType::MedicationFill, mistaken}));

  const auto pdc = core::days_covered(f.session->state(), core::Id<core::Medication>{statin}, day("2026-01-01"),
                                      day("2026-03-31"));
  CHECK(pdc.days_covered == 60);
  CHECK(pdc.days_in_period == 90);
  CHECK_FALSE(pdc.adherent());
  CHECK(core::days_covered(f.session->state(), core::Id<core::Medication>{"medication-none"}, day("2026-01-01"),
                           day("2026-03-31"))
            .days_in_period == 0);
}

TEST_CASE("adherence: keep rate counts kept against missed appointments only") {
  struct KeepRow {
    std::vector<const char*> statuses;
    int kept;
    int no_shows;
    std::optional<double> rate;
    const char* summary;
  };
  const std::vector<KeepRow> rows = {
      {{}, 0, 0, std::nullopt, "No kept or missed appointments yet"},
      {{"cancelled", "booked"}, 0, 0, std::nullopt, "No kept or missed appointments yet"},
      {{"no_show"}, 0, 1, 0.0, "Kept 0 of 1 appointments (0 %)"},
      {{"completed", "arrived", "completed", "no_show", "cancelled", "booked"}, 3, 1, 0.75, "Kept 3 of 4 appointments (75 %)"},
      {{"completed", "completed", "completed", "completed", "no_show"}, 4, 1, 0.8, "Kept 4 of 5 appointments (80 %)"},
  };
  for (const KeepRow& row : rows) {
    INFO(row.summary);
    Fixture f;
    int n = 0;
    for (const char* status : row.statuses) {
      const std::string start = "2026-11-" + std::to_string(10 + n) + "T09:00";
      const std::string end = "2026-11-" + std::to_string(10 + n) + "T09:30";
      f.create(EntityType::Appointment, {{"patient", f.ids["$patient"]}, {"status", status}, {"start", start}, {"end", end}});
      ++n;
    }
    const core::KeepRate rate = core::appointment_keep_rate(f.session->state(), core::Id<core::Patient>{f.ids["$patient"]});
    CHECK(rate.kept == row.kept);
    CHECK(rate.no_shows == row.no_shows);
    CHECK(rate.rate() == row.rate);
    CHECK(rate.summary() == row.summary);
  }
}
