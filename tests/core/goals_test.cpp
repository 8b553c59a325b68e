// Goals against measurements: reading targets (each form, the boundaries of each comparison, and
// unreadable ones with a clear message), the goal's status as measurements arrive (off track, on
// track, achieved), the trend and its direction, and the "goal_off_track" worklist item.
#include <doctest/doctest.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/clinical/goals.hpp"
#include "core/worklist/worklist.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using core::GoalProgress;
using core::Target;
using core::Trend;
using model_test::Fixture;

struct TargetRow {
  const char* text;
  Target::Kind kind;
  double low;
  double high;
  const char* unit;
  const char* words;
};

const std::vector<TargetRow> target_rows = {
    {"< 140", Target::Kind::Below, 0, 140, "", "< 140"},
    {"<140 mmHg", Target::Kind::Below, 0, 140, "mmHg", "< 140 mmHg"},
    {"<= 7.0 %", Target::Kind::AtMost, 0, 7, "%", "<= 7 %"},
    {"=< 7%", Target::Kind::AtMost, 0, 7, "%", "<= 7 %"},
    {"\xe2\x89\xa4 7.5", Target::Kind::AtMost, 0, 7.5, "", "<= 7.5"},
    {"> 60", Target::Kind::Above, 60, 0, "", "> 60"},
    {">= 150 minutes", Target::Kind::AtLeast, 150, 0, "minutes", ">= 150 minutes"},
    {"\xe2\x89\xa5 30", Target::Kind::AtLeast, 30, 0, "", ">= 30"},
    {"between 4 and 7", Target::Kind::Between, 4, 7, "", "between 4 and 7"},
    {"Between 4.4 and 7.2 mmol/L", Target::Kind::Between, 4.4, 7.2, "mmol/L", "between 4.4 and 7.2 mmol/L"},
    {"4 to 7", Target::Kind::Between, 4, 7, "", "between 4 and 7"},
    {"4-7", Target::Kind::Between, 4, 7, "", "between 4 and 7"},
    {"below 140", Target::Kind::Below, 0, 140, "", "< 140"},
    {"Less than 100 mg/dL", Target::Kind::Below, 0, 100, "mg/dL", "< 100 mg/dL"},
    {"under 5", Target::Kind::Below, 0, 5, "", "< 5"},
    {"at most 2000 mg", Target::Kind::AtMost, 0, 2000, "mg", "<= 2000 mg"},
    {"no more than 2", Target::Kind::AtMost, 0, 2, "", "<= 2"},
    {"above 60", Target::Kind::Above, 60, 0, "", "> 60"},
    {"over 90 %", Target::Kind::Above, 90, 0, "%", "> 90 %"},
    {"more than 6", Target::Kind::Above, 6, 0, "", "> 6"},
    {"at least 7 hours", Target::Kind::AtLeast, 7, 0, "hours", ">= 7 hours"},
    {"no less than 1.5", Target::Kind::AtLeast, 1.5, 0, "", ">= 1.5"},
    {"  < 6.25 kg  ", Target::Kind::Below, 0, 6.25, "kg", "< 6.25 kg"},
};

struct BadTargetRow {
  const char* text;
  const char* message_part;
};

const std::vector<BadTargetRow> bad_target_rows = {
    {"", "This goal has no target."},
    {"   ", "This goal has no target."},
    {"lower", "The target \"lower\" cannot be read."},
    {"7", "say whether the value should be below or above it"},
    {"7 %", "The target \"7 %\" cannot be read."},
    {"<", "a number must follow \"<\""},
    {"below normal", "a number must follow \"below\""},
    {"< 140/90", "only one number (or a range of two) is allowed"},
    {"between 7 and 4", "write the lower number of the range first"},
    {"between and 7", "the range needs two numbers"},
    {"between 4 and", "the range needs a second number"},
    {"4 to", "the range needs a second number"},
    {"overweight", "The target \"overweight\" cannot be read."},
    {"< 7 percent of something very long", "is not a unit"},
};

struct Fixture2 : Fixture {
  std::string goal(const std::string& measure, const std::string& target, const std::string& status = "active") {
    nlohmann::json fields = {{"patient", ids["$patient"]}, {"description", "Blood pressure under control"},
                             {"measure", measure}, {"target", target}};
    if (!status.empty()) fields["status"] = status;
    return create(EntityType::Goal, fields);
  }
  std::string measure(const std::string& type, double value, const std::string& unit, const std::string& taken_at) {
    return create(EntityType::Measurement,
                  {{"patient", ids["$patient"]}, {"type", type}, {"value", value}, {"unit", unit}, {"taken_at", taken_at}});
  }
  core::GoalEvaluation evaluate(const std::string& goal_id) const {
    const core::Goal* g = session->state().find(core::Id<core::Goal>{goal_id});
    REQUIRE(g);
    return core::evaluate_goal(session->state(), *g);
  }
  std::optional<core::WorkItem> item(const std::string& key, const std::string& coordinator = "") const {
    for (const core::WorkItem& i : core::compute_worklist(session->state(), {coordinator, clock.today()}))
      if (i.key == key) return i;
    return std::nullopt;
  }
  std::vector<core::WorkItem> goal_items() const {
    std::vector<core::WorkItem> out;
    for (const core::WorkItem& i : core::compute_worklist(session->state(), {"", clock.today()}))
      if (i.kind == "goal_off_track") out.push_back(i);
    return out;
  }
};

}  // namespace

TEST_CASE("goals: targets are read in each form") {
  for (const TargetRow& row : target_rows) {
    INFO(row.text);
    auto t = core::parse_target(row.text);
    REQUIRE(t);
    CHECK(t.value().kind == row.kind);
    CHECK(t.value().low == row.low);
    CHECK(t.value().high == row.high);
    CHECK(t.value().unit == row.unit);
    CHECK(t.value().words() == row.words);
  }
}

// What printf's "%.2f" writes, without trailing zeros: how a target's numbers are written.
static std::string printf_number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

TEST_CASE("goals: numbers are written to two decimals, rounded as printf rounds them") {
  // Halves that binary cannot hold exactly (1.005 is 1.00499..., 1.115 is 1.11499...), halves it
  // can (0.125), values next to them, zeros, negatives and large values.
  std::vector<double> values{0, -0.0, 0.001, -0.001, -0.004, -0.005, 0.125, 0.375, 1.005, 1.015, 1.115, 2.675,
                             8.345, 140, 7.25, 6.8, 99.995, 1234567.891, -2.5, -7.125, 1e9 + 0.005, 1e15, -3e14};
  for (int i = -20000; i <= 20000; ++i) {
    values.push_back(i / 1000.0);
    values.push_back(i / 200.0 + 0.00001);
    values.push_back(i * 0.01);
  }
  for (double v : values) {
    CAPTURE(v);
    Target below{Target::Kind::Below, 0, v, ""};
    CHECK(below.words() == "< " + printf_number(v));
  }
}

TEST_CASE("goals: an unreadable target gives a message saying how to write one") {
  for (const BadTargetRow& row : bad_target_rows) {
    INFO(row.text);
    auto t = core::parse_target(row.text);
    REQUIRE_FALSE(t);
    CAPTURE(t.error().message);
    CHECK(t.error().message.find(row.message_part) != std::string::npos);
    CHECK(t.error().message.find("for example \"< 140\", \"<= 7.0 %\", \"> 60\" or \"between 4 and 7\"") !=
          std::string::npos);
  }
}

TEST_CASE("goals: each comparison at its boundary") {
  struct MetRow {
    const char* target;
    double value;
    bool met;
  };
  const std::vector<MetRow> rows = {
      {"< 140", 139.9, true},  {"< 140", 140, false},   {"<= 7.0", 7.0, true},  {"<= 7.0", 7.01, false},
      {"> 60", 60, false},     {"> 60", 60.5, true},    {">= 60", 60, true},    {">= 60", 59.9, false},
      {"between 4 and 7", 4, true}, {"between 4 and 7", 7, true}, {"between 4 and 7", 3.9, false},
      {"between 4 and 7", 7.1, false},
  };
  for (const MetRow& row : rows) {
    INFO(row.target);
    CAPTURE(row.value);
    auto t = core::parse_target(row.target);
    REQUIRE(t);
    CHECK(t.value().met_by(row.value) == row.met);
  }
}

TEST_CASE("goals: the status follows the measurements as they arrive") {
  Fixture2 f;
  const std::string g = f.goal("Blood pressure systolic", "< 140 mmHg");
  auto e = f.evaluate(g);
  CHECK(e.progress == GoalProgress::NoData);
  CHECK(e.message == "No Blood pressure systolic measurement recorded yet.");

  struct Step {
    double value;
    const char* taken_at;
    GoalProgress progress;
    const char* message;
  };
  const std::vector<Step> steps = {
      {152, "2026-09-01T09:00", GoalProgress::OffTrack,
       "Off track: Blood pressure systolic 152 mmHg on 2026-09-01 does not meet the target < 140 mmHg."},
      {140, "2026-10-01T09:00", GoalProgress::OffTrack,
       "Off track: Blood pressure systolic 140 mmHg on 2026-10-01 does not meet the target < 140 mmHg."},
      {138, "2026-10-15T09:00", GoalProgress::OnTrack,
       "On track: Blood pressure systolic 138 mmHg on 2026-10-15 meets the target < 140 mmHg; the goal is achieved when "
       "2 results in a row meet it."},
      {134, "2026-11-01T09:00", GoalProgress::Achieved,
       "Achieved: Blood pressure systolic 134 mmHg on 2026-11-01 meets the target < 140 mmHg."},
      {146, "2026-11-20T09:00", GoalProgress::OffTrack,
       "Off track: Blood pressure systolic 146 mmHg on 2026-11-20 does not meet the target < 140 mmHg."},
      {131, "2026-11-27T09:00", GoalProgress::OnTrack, nullptr},
  };
  for (const Step& s : steps) {
    INFO(s.taken_at);
    f.measure("blood  pressure SYSTOLIC", s.value, "mmHg", s.taken_at);
    e = f.evaluate(g);
    CHECK(e.progress == s.progress);
    if (s.message) CHECK(e.message == s.message);
  }
  CHECK(e.series.size() == steps.size());
  CHECK(std::string(core::progress_name(e.progress)) == "on_track");

  // Marked achieved by the care team: the latest value meeting the target is enough.
  REQUIRE(f.session->commit(core::UpdateRecord{EntityType::Goal, g, {{"status", "achieved"}}}));
  CHECK(f.evaluate(g).progress == GoalProgress::Achieved);
  // ... but not when the latest value misses it.
  f.measure("Blood pressure systolic", 141, "mmHg", "2026-11-28T08:00");
  CHECK(f.evaluate(g).progress == GoalProgress::OffTrack);
}

TEST_CASE("goals: measurements are matched by type and unit, in time order") {
  Fixture2 f;
  const std::string g = f.goal("HbA1c", "<= 7.0 %");
  f.measure("HbA1c", 6.5, "%", "2026-10-01T08:00");
  f.measure("HbA1c", 8.4, "%", "2026-06-01T08:00");           // older: not the latest despite being added later
  f.measure("HbA1c", 53, "mmol/mol", "2026-11-01T08:00");     // another unit: left out
  f.measure("Hba1c", 6.9, "", "2026-10-20T08:00");            // no unit: kept
  f.measure("Glucose", 9.9, "%", "2026-11-02T08:00");         // another measure
  auto e = f.evaluate(g);
  REQUIRE(e.series.size() == 3);
  CHECK(e.series.front().value == 8.4);
  CHECK(e.series.back().value == 6.9);
  CHECK(e.left_out_other_unit == 1);
  CHECK(e.progress == GoalProgress::Achieved);
  CHECK(e.message == "Achieved: HbA1c 6.9 % on 2026-10-20 meets the target <= 7 %.");

  e = f.evaluate(f.goal("HbA1c", "< 53 mmol/mol"));
  CHECK(e.left_out_other_unit == 2);
  REQUIRE(e.series.size() == 2);
  CHECK(e.progress == GoalProgress::OffTrack);
  CHECK(e.message == "Off track: HbA1c 53 mmol/mol on 2026-11-01 does not meet the target < 53 mmol/mol.");

  e = f.evaluate(f.goal("HbA1c", "< 7 mg"));
  CHECK(e.progress == GoalProgress::OnTrack);  // only the unit-less 6.9 is kept
  e = f.evaluate(f.goal("Glucose", "< 7 mg"));
  CHECK(e.progress == GoalProgress::NoData);
  CHECK(e.message == "No Glucose measurement recorded yet in mg (1 in another unit left out).");
}

TEST_CASE("goals: a goal without a measure or with an unreadable target cannot be evaluated") {
  Fixture2 f;
  f.measure("Weight", 90, "kg", "2026-11-01T08:00");
  auto e = f.evaluate(f.goal("", "< 80 kg"));
  CHECK(e.progress == GoalProgress::CannotEvaluate);
  CHECK(e.message == "This goal names no measure to follow; add one (for example \"HbA1c\") to evaluate it.");
  e = f.evaluate(f.goal("Weight", "lose some"));
  CHECK(e.progress == GoalProgress::CannotEvaluate);
  CHECK(e.message.find("The target \"lose some\" cannot be read.") == 0);
  e = f.evaluate(f.goal("Weight", ""));
  CHECK(e.progress == GoalProgress::CannotEvaluate);
  CHECK(e.message.find("This goal has no target.") == 0);
  CHECK(f.goal_items().empty());
}

TEST_CASE("goals: the trend's slope per 30 days and its direction relative to the target") {
  struct TrendRow {
    const char* target;
    std::vector<std::pair<const char*, double>> values;
    std::optional<double> slope;
    Trend trend;
  };
  const std::vector<TrendRow> rows = {
      {"< 140", {}, std::nullopt, Trend::NotEnoughData},
      {"< 140", {{"2026-10-01T09:00", 150}}, std::nullopt, Trend::NotEnoughData},
      {"< 140", {{"2026-10-01T09:00", 150}, {"2026-10-01T09:00", 140}}, std::nullopt, Trend::NotEnoughData},
      {"< 140", {{"2026-10-01T09:00", 150}, {"2026-10-31T09:00", 144}}, -6.0, Trend::Improving},
      {"< 140", {{"2026-10-01T09:00", 130}, {"2026-10-16T09:00", 133}}, 6.0, Trend::Worsening},
      {"> 60", {{"2026-10-01T09:00", 50}, {"2026-10-31T09:00", 55}}, 5.0, Trend::Improving},
      {">= 60", {{"2026-10-01T09:00", 65}, {"2026-11-30T09:00", 61}}, -2.0, Trend::Worsening},
      {"< 140", {{"2026-10-01T09:00", 150}, {"2026-10-31T09:00", 150}}, 0.0, Trend::Steady},
      // least squares over three points: (0, 150), (30, 140), (60, 142) -> slope -4 per 30 days
      {"< 140", {{"2026-10-01T09:00", 150}, {"2026-10-31T09:00", 140}, {"2026-11-30T09:00", 142}}, -4.0, Trend::Improving},
      // a range: toward its middle (5.5) from the latest value
      {"between 4 and 7", {{"2026-10-01T09:00", 9}, {"2026-10-31T09:00", 8}}, -1.0, Trend::Improving},
      {"between 4 and 7", {{"2026-10-01T09:00", 2}, {"2026-10-31T09:00", 3}}, 1.0, Trend::Improving},
      {"between 4 and 7", {{"2026-10-01T09:00", 5}, {"2026-10-31T09:00", 6}}, 1.0, Trend::Worsening},
      {"between 4 and 7", {{"2026-10-01T09:00", 5}, {"2026-10-31T09:00", 5.5}}, 0.5, Trend::Worsening},
  };
  for (const TrendRow& row : rows) {
    INFO(row.target);
    CAPTURE(row.values.size());
    std::vector<core::MeasurementPoint> series;
    for (const auto& [at, value] : row.values) series.push_back({{}, at, value, ""});
    auto target = core::parse_target(row.target);
    REQUIRE(target);
    const core::TrendLine line = core::trend_of(series, target.value());
    REQUIRE(line.slope_per_30_days.has_value() == row.slope.has_value());
    if (row.slope) CHECK(*line.slope_per_30_days == doctest::Approx(*row.slope));
    CHECK(line.trend == row.trend);
  }
}

TEST_CASE("goals: an off-track active goal is a worklist item until a measurement meets the target") {
  Fixture2 f;
  const std::string g = f.goal("Weight", "<= 80 kg");
  f.measure("Weight", 79, "kg", "2026-11-01T08:00");
  CHECK(f.goal_items().empty());  // on track: no item

  f.measure("Weight", 84, "kg", "2026-11-20T08:00");
  const std::string key = "goal:" + g + ":2026-11-20";
  auto found = f.item(key);
  REQUIRE(found);
  CHECK(found->kind == "goal_off_track");
  CHECK(found->patient.value == f.ids["$patient"]);
  CHECK(found->subject_type == EntityType::Goal);
  CHECK(found->subject_id == g);
  CHECK(core::format_civil_date(found->due) == "2026-11-20");
  CHECK(found->overdue);
  CHECK(found->reason ==
        "Off track: Weight 84 kg on 2026-11-20 does not meet the target <= 80 kg, worsening: Blood pressure under control");
  CHECK(found->next_action == "Review the goal with the patient and the care team");

  // Marked done, it stays away until a new off-track measurement makes a new occasion.
  REQUIRE(f.session->commit(core::mark_item_done(f.session->state(), *found)));
  CHECK(f.goal_items().empty());
  f.measure("Weight", 83, "kg", "2026-11-27T08:00");
  REQUIRE(f.goal_items().size() == 1);
  CHECK(f.goal_items()[0].key == "goal:" + g + ":2026-11-27");

  f.measure("Weight", 80, "kg", "2026-11-28T08:00");  // meets "<= 80" exactly
  CHECK(f.goal_items().empty());
}

TEST_CASE("goals: each of a patient's goals is judged on its own measure and unit") {
  // The worklist reads one series for a patient's goals that follow the same measure; each goal is
  // still judged in its own target's unit, and a goal on another measure reads its own.
  Fixture2 f;
  const std::string in_kg = f.goal("Weight", "<= 80 kg");
  const std::string in_lb = f.goal("weight", "< 180 lb");
  const std::string met = f.goal("WEIGHT", "< 200 lb");
  const std::string hba1c = f.goal("HbA1c", "< 7 %");
  f.measure("Weight", 84, "kg", "2026-11-20T08:00");
  f.measure("weight", 190, "lb", "2026-11-21T08:00");
  f.measure("HbA1c", 8.1, "%", "2026-11-22T08:00");
  CHECK(f.goal_items().size() == 3);
  auto reason = [&](const std::string& goal, const char* day) {
    auto found = f.item("goal:" + goal + ":" + day);
    return found ? found->reason : "(no item)";
  };
  CHECK(reason(in_kg, "2026-11-20") ==
        "Off track: Weight 84 kg on 2026-11-20 does not meet the target <= 80 kg: Blood pressure under control");
  CHECK(reason(in_lb, "2026-11-21") ==
        "Off track: weight 190 lb on 2026-11-21 does not meet the target < 180 lb: Blood pressure under control");
  CHECK(reason(hba1c, "2026-11-22") ==
        "Off track: HbA1c 8.1 % on 2026-11-22 does not meet the target < 7 %: Blood pressure under control");
  CHECK_FALSE(f.item("goal:" + met + ":2026-11-21"));
}

TEST_CASE("goals: only active or status-less goals of active patients in scope make items") {
  struct StatusRow {
    const char* status;
    bool listed;
  };
  for (const StatusRow& row : std::vector<StatusRow>{{"active", true}, {"", true}, {"proposed", false}, {"achieved", false},
                                                     {"not_achieved", false}, {"cancelled", false}}) {
    INFO(row.status);
    Fixture2 f;
    const std::string g = f.goal("Weight", "< 80", row.status);
    f.measure("Weight", 95, "kg", "2026-11-20T08:00");
    CHECK(f.item("goal:" + g + ":2026-11-20").has_value() == row.listed);
  }
  Fixture2 f;
  REQUIRE(f.session->commit(core::UpdateRecord{EntityType::Patient, f.ids["$patient"], {{"coordinator", "casey"}}}));
  const std::string g = f.goal("Weight", "< 80");
  f.measure("Weight", 95, "kg", "2026-11-20T08:00");
  const std::string key = "goal:" + g + ":2026-11-20";
  CHECK(f.item(key, "casey"));
  CHECK_FALSE(f.item(key, "robin"));
  REQUIRE(f.session->commit(core::DeleteRecord{EntityType::Goal, g}));
  CHECK_FALSE(f.item(key));
}
