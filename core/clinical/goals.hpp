// Outcomes: a goal with a measurable target ("< 140", "<= 7.0 %", "> 60", "between 4 and 7") is
// evaluated against the patient's measurements of its measure: achieved, on track or off track,
// with the trend of the values. Off-track goals are a worklist item.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace core {

struct Goal;
struct Measurement;
struct Patient;
struct State;
struct WorkItem;
class WorklistContext;

// A target as a range of acceptable values. Comparisons: "<", "<=", ">", ">=" (also "≤", "≥",
// and words: "below", "under", "less than", "at most", "no more than", "above", "over",
// "more than", "greater than", "at least", "no less than"), or a range "between 4 and 7",
// "4 to 7", "4-7" (both ends included). A unit may follow the number, e.g. "%" or "mmHg".
struct Target {
  enum class Kind { Below, AtMost, Above, AtLeast, Between };
  Kind kind = Kind::Below;
  double low = 0;   // for Above, AtLeast and Between
  double high = 0;  // for Below, AtMost and Between
  std::string unit;
  bool met_by(double value) const;
  std::string words() const;  // e.g. "< 140 mmHg", "between 4 and 7"
};

// A target the coordinator typed, or a sentence saying how to write one.
Result<Target> parse_target(const std::string& text);

struct MeasurementPoint {
  Id<Measurement> id;
  std::string taken_at;  // "YYYY-MM-DDTHH:MM"
  double value = 0;
  std::string unit;
};

// The patient's measurements of a type (matched ignoring case and spacing) that have a value and
// a valid time, oldest first.
std::vector<MeasurementPoint> measurement_series(const State& state, const Id<Patient>& patient, const std::string& type);

enum class Trend { NotEnoughData, Improving, Worsening, Steady };

struct TrendLine {
  std::optional<double> slope_per_30_days;  // least-squares slope of value over time, x 30 days
  Trend trend = Trend::NotEnoughData;       // needs two measurements at different times
};

// The trend of the values, improving when they move the way the target wants: down for "<" and
// "<=", up for ">" and ">=", and for a range toward its middle (as seen from the latest value).
// Steady only when the slope is exactly zero.
TrendLine trend_of(const std::vector<MeasurementPoint>& series, const Target& target);

enum class GoalProgress { CannotEvaluate, NoData, OnTrack, OffTrack, Achieved };
const char* progress_name(GoalProgress progress);  // "cannot_evaluate", "no_data", "on_track", ...

// How a goal stands, defined on the latest measurement (measurements in another unit than the
// target's are left out):
// - achieved: the latest value meets the target, and either the goal is marked achieved or the
//   last kAchievedAfter values all meet it;
// - on track: the latest value meets the target, but not yet achieved as above;
// - off track: the latest value does not meet the target (whatever the trend);
// - no data: no measurement of the goal's measure; cannot evaluate: no measure, or a target that
//   cannot be read (the message says how to write it).
struct GoalEvaluation {
  GoalProgress progress = GoalProgress::CannotEvaluate;
  std::string message;
  std::optional<Target> target;
  std::vector<MeasurementPoint> series;  // oldest first, in the target's unit (or no unit)
  TrendLine trend;
  int left_out_other_unit = 0;           // measurements in another unit than the target's
};

// Consecutive latest values meeting the target that make a goal achieved. Liaison's own choice
// (issue 5), not a published threshold: one value can be a lucky reading, two in a row is a pattern.
constexpr int kAchievedAfter = 2;

GoalEvaluation evaluate_goal(const State& state, const Goal& goal);

// Worklist kind "goal_off_track": an active (or status-less) goal whose latest measurement does not
// meet its target. Key "goal:<goal id>:<date of the latest measurement>", so a new off-track
// measurement after the item was finished makes a new item.
void collect_goals_off_track(const WorklistContext& context, std::vector<WorkItem>& out);

}  // namespace core
