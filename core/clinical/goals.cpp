// Reading goal targets, evaluating goals against measurements, and the off-track worklist kind.
#include "goals.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "core/state.hpp"
#include "core/worklist/item_kinds.hpp"

namespace core {
namespace {

// ---- reading a target ----

const char* const kHowToWrite =
    " Write a comparison and a number, for example \"< 140\", \"<= 7.0 %\", \"> 60\" or \"between 4 and 7\".";

Error unreadable(const std::string& text, const std::string& why = "") {
  return Error{ErrorCode::Invalid, "The target \"" + text + "\" cannot be read" + why + "." + kHowToWrite, {}};
}

std::string lower(const std::string& text) {
  std::string out = text;
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

struct Reader {
  std::string text;   // as typed, trimmed
  std::string folded; // lower case, same positions
  std::size_t at = 0;

  void skip_spaces() {
    while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  }
  // Consumes `word` (lower case) if the text continues with it.
  bool take(const std::string& word) {
    skip_spaces();
    if (folded.compare(at, word.size(), word) != 0) return false;
    const bool is_word = std::isalpha(static_cast<unsigned char>(word.back()));
    const std::size_t end = at + word.size();
    if (is_word && end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) return false;
    at = end;
    return true;
  }
  std::optional<double> number() {
    skip_spaces();
    const std::size_t start = at;
    if (at < text.size() && text[at] == '-') ++at;
    std::size_t digits = 0;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at, ++digits;
    if (at < text.size() && text[at] == '.') {
      ++at;
      while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at, ++digits;
    }
    if (digits == 0) {
      at = start;
      return std::nullopt;
    }
    return std::stod(text.substr(start, at - start));
  }
  std::string rest() { return trimmed(text.substr(at)); }
};

struct Comparison {
  const char* words;
  Target::Kind kind;
};

// Longer phrases before their endings ("no more than" before "more than").
const Comparison kComparisons[] = {
    {"<=", Target::Kind::AtMost},         {"=<", Target::Kind::AtMost},
    {"\xe2\x89\xa4", Target::Kind::AtMost},  // ≤
    {"<", Target::Kind::Below},           {">=", Target::Kind::AtLeast},
    {"=>", Target::Kind::AtLeast},        {"\xe2\x89\xa5", Target::Kind::AtLeast},  // ≥
    {">", Target::Kind::Above},           {"no more than", Target::Kind::AtMost},
    {"at most", Target::Kind::AtMost},    {"less than", Target::Kind::Below},
    {"below", Target::Kind::Below},       {"under", Target::Kind::Below},
    {"no less than", Target::Kind::AtLeast}, {"at least", Target::Kind::AtLeast},
    {"greater than", Target::Kind::Above},   {"more than", Target::Kind::Above},
    {"above", Target::Kind::Above},       {"over", Target::Kind::Above},
};

// The unit after the last number: no digits in it (so "140/90" is refused, not read as 140).
Result<std::string> unit_at_end(Reader& r, const std::string& text) {
  std::string unit = r.rest();
  if (std::any_of(unit.begin(), unit.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
    return unreadable(text, ": only one number (or a range of two) is allowed");
  if (unit.size() > 20) return unreadable(text, ": \"" + unit + "\" is not a unit");
  return unit;
}

Result<Target> read_range(Reader& r, const std::string& text, double low) {
  if (!r.take("and") && !r.take("to") && !r.take("-")) return unreadable(text);
  auto high = r.number();
  if (!high) return unreadable(text, ": the range needs a second number");
  if (*high < low) return unreadable(text, ": write the lower number of the range first");
  auto unit = unit_at_end(r, text);
  if (!unit) return unit.error();
  return Target{Target::Kind::Between, low, *high, unit.value()};
}

// "6.8", "140", "7.25": at most two decimals, no trailing zeros, rounded as printf's "%.2f" rounds
// (the exact binary value, to the nearest hundredth). Each off-track goal on a worklist writes its
// latest value, and printf was a tenth of the worklist's instructions: the value in hundredths is
// rounded here, and printf is asked only when that lies within a hair of a half, where the
// multiplication's own rounding error (below 1e-4 for these magnitudes) could tip it.
// The text is written in `buffer`, from its end, and no string is made: the worklist appends it
// to the goal's reason.
std::string_view number_text(double value, char (&buffer)[40]) {
  const double hundredths = value * 100;
  const double nearest = std::round(hundredths);
  if (std::abs(hundredths) < 1e12 && std::abs(std::abs(hundredths - nearest) - 0.5) > 1e-3) {
    const long long count = std::llabs(static_cast<long long>(nearest));
    char* const end = buffer + sizeof buffer;
    char* at = end;
    if (const int cents = static_cast<int>(count % 100); cents != 0) {
      if (cents % 10 != 0) *--at = static_cast<char>('0' + cents % 10);
      *--at = static_cast<char>('0' + cents / 10);
      *--at = '.';
    }
    long long whole = count / 100;
    do *--at = static_cast<char>('0' + whole % 10);
    while ((whole /= 10) != 0);
    if (count != 0 && nearest < 0) *--at = '-';
    return {at, static_cast<std::size_t>(end - at)};
  }
  std::string_view text(buffer, static_cast<std::size_t>(std::snprintf(buffer, sizeof buffer, "%.2f", value)));
  while (text.back() == '0') text.remove_suffix(1);
  if (text.back() == '.') text.remove_suffix(1);
  return text == "-0" ? "0" : text;
}

// The number, then the unit if there is one: "8.1 %".
void append_with_unit(std::string& text, double value, const std::string& unit) {
  char buffer[40];
  text += number_text(value, buffer);
  if (!unit.empty()) {
    text += ' ';
    text += unit;
  }
}

std::string format_number(double value) {
  char buffer[40];
  return std::string(number_text(value, buffer));
}

std::string with_unit(double value, const std::string& unit) {
  std::string text;
  append_with_unit(text, value, unit);
  return text;
}

// ---- measurements ----

MeasurementPoint point_of(const Measurement& m) { return {m.id, m.taken_at, *m.value, m.unit}; }

// Which way the values should move: -1 down, +1 up, 0 neither (at the middle of a range).
int wanted_direction(const Target& target, double latest) {
  switch (target.kind) {
    case Target::Kind::Below:
    case Target::Kind::AtMost: return -1;
    case Target::Kind::Above:
    case Target::Kind::AtLeast: return 1;
    case Target::Kind::Between: {
      const double middle = (target.low + target.high) / 2;
      return latest > middle ? -1 : latest < middle ? 1 : 0;
    }
  }
  return 0;
}

// The least-squares trend of `points` (oldest first), as trend_of() defines it: time_and_value(point)
// gives a point's time and value; `latest` is the latest value of the series.
template <class Points, class TimeAndValue>
TrendLine trend_over(const Points& points, TimeAndValue time_and_value, const Target& target, double latest) {
  TrendLine line;
  if (points.size() < 2) return line;
  const Minutes first = time_and_value(points.front()).first;
  auto days_since_first = [&](Minutes at) { return double(at - first) / (24 * 60); };
  double mean_x = 0, mean_y = 0;
  for (const auto& point : points) {
    const auto [at, y] = time_and_value(point);
    mean_x += days_since_first(at), mean_y += y;
  }
  mean_x /= double(points.size());
  mean_y /= double(points.size());
  double covariance = 0, variance = 0;
  for (const auto& point : points) {
    const auto [at, y] = time_and_value(point);
    const double x = days_since_first(at);
    covariance += (x - mean_x) * (y - mean_y);
    variance += (x - mean_x) * (x - mean_x);
  }
  if (variance == 0) return line;  // all taken at the same time
  const double slope = covariance / variance * 30;
  line.slope_per_30_days = slope;
  const int wanted = wanted_direction(target, latest);
  if (slope == 0) line.trend = Trend::Steady;
  else if (wanted != 0 && (slope < 0) == (wanted < 0)) line.trend = Trend::Improving;
  else line.trend = Trend::Worsening;
  return line;
}

// A goal's target read once, as the worklist and evaluate() use it: parse_target(), its words()
// and the match_key() of its unit. Goals share a few targets, so the worklist reads each once.
struct ReadTarget {
  Result<Target> target;
  std::string words;
  std::string unit_key;
};

ReadTarget read_target(const std::string& typed) {
  Result<Target> target = parse_target(typed);
  std::string words = target ? target.value().words() : "";
  std::string unit_key = target ? match_key(target.value().unit) : "";
  return {std::move(target), std::move(words), std::move(unit_key)};
}

// Whether a measurement counts for a target whose unit has this match_key(): one or the other has
// no unit, or both have the same.
bool in_target_unit(const Measurement& m, const std::string& unit_key) {
  return unit_key.empty() || m.unit.empty() || has_match_key(m.unit, unit_key);
}

// A goal judged on `timed`, the series of its measure (State::measure_series()), against its `read` target:
// everything of its GoalEvaluation but the series, which is left in `kept` (the measurements in the
// target's unit, oldest first). The worklist judges each off-track goal this way and reads the
// latest measurement from `kept`, without copying the series out as evaluate() does.
GoalEvaluation judge(const Goal& goal, const std::vector<TimedMeasurement>& timed, const ReadTarget& read,
                     std::vector<TimedMeasurement>& kept) {
  const Result<Target>& target = read.target;
  GoalEvaluation e;
  kept.clear();
  if (trimmed(goal.measure).empty()) {
    e.message = "This goal names no measure to follow; add one (for example \"HbA1c\") to evaluate it.";
    return e;
  }
  if (!target) {
    e.message = target.error().message;
    return e;
  }
  e.target = target.value();
  for (const TimedMeasurement& t : timed) {
    if (in_target_unit(*t.measurement, read.unit_key)) kept.push_back(t);
    else ++e.left_out_other_unit;
  }
  if (kept.empty()) {
    e.progress = GoalProgress::NoData;
    e.message = "No " + goal.measure + " measurement recorded yet" +
                (e.left_out_other_unit ? " in " + e.target->unit + " (" + std::to_string(e.left_out_other_unit) +
                                             " in another unit left out)"
                                       : "") +
                ".";
    return e;
  }
  const Measurement& latest = *kept.back().measurement;
  e.trend = trend_over(
      kept, [](const TimedMeasurement& t) { return std::pair{t.at, *t.measurement->value}; }, *e.target, *latest.value);
  // "<start>HbA1c 8.1 % on 2026-11-22<verb>the target < 7 %<end>", built in one string: the worklist
  // writes one for each off-track goal, and joining temporaries cost more than finding the goals.
  const std::string& unit = latest.unit.empty() ? e.target->unit : latest.unit.str();
  auto message = [&](const char* start, const char* verb, const std::string& end) {
    std::string m;
    // With room for the worklist's trend and goal.
    m.reserve(160 + goal.measure.size() + unit.size() + read.words.size() + end.size());
    m += start;
    m += goal.measure;
    m += ' ';
    append_with_unit(m, *latest.value, unit);
    m += " on ";
    m.append(latest.taken_at, 0, 10);
    m += verb;
    m += "the target ";
    m += read.words;
    m += end;
    return m;
  };
  if (!e.target->met_by(*latest.value)) {
    e.progress = GoalProgress::OffTrack;
    e.message = message("Off track: ", " does not meet ", ".");
    return e;
  }
  const bool in_a_row = kept.size() >= static_cast<std::size_t>(kAchievedAfter) &&
                        std::all_of(kept.end() - kAchievedAfter, kept.end(),
                                    [&](const TimedMeasurement& t) { return e.target->met_by(*t.measurement->value); });
  if (goal.status == "achieved" || in_a_row) {
    e.progress = GoalProgress::Achieved;
    e.message = message("Achieved: ", " meets ", ".");
  } else {
    e.progress = GoalProgress::OnTrack;
    e.message = message("On track: ", " meets ",
                        "; the goal is achieved when " + std::to_string(kAchievedAfter) + " results in a row meet it.");
  }
  return e;
}

GoalEvaluation evaluate(const Goal& goal, const std::vector<TimedMeasurement>& timed) {
  std::vector<TimedMeasurement> kept;
  GoalEvaluation e = judge(goal, timed, read_target(goal.target), kept);
  for (const TimedMeasurement& t : kept) e.series.push_back(point_of(*t.measurement));
  return e;
}

// Whether evaluate() would find the goal off track, read cheaply from `timed`, the series of its
// measure: only the latest measurement in the target's unit is compared. The worklist
// judges fully (trend, message) only the goals this finds off track.
bool latest_misses_target(const std::vector<TimedMeasurement>& timed, const ReadTarget& read) {
  for (auto t = timed.rbegin(); t != timed.rend(); ++t)
    if (in_target_unit(*t->measurement, read.unit_key)) return !read.target.value().met_by(*t->measurement->value);
  return false;
}

const char* trend_words(Trend trend) {
  switch (trend) {
    case Trend::Improving: return ", improving";
    case Trend::Worsening: return ", worsening";
    case Trend::Steady: return ", steady";
    case Trend::NotEnoughData: return "";
  }
  return "";
}

}  // namespace

bool Target::met_by(double value) const {
  switch (kind) {
    case Kind::Below: return value < high;
    case Kind::AtMost: return value <= high;
    case Kind::Above: return value > low;
    case Kind::AtLeast: return value >= low;
    case Kind::Between: return low <= value && value <= high;
  }
  return false;
}

std::string Target::words() const {
  switch (kind) {
    case Kind::Below: return "< " + with_unit(high, unit);
    case Kind::AtMost: return "<= " + with_unit(high, unit);
    case Kind::Above: return "> " + with_unit(low, unit);
    case Kind::AtLeast: return ">= " + with_unit(low, unit);
    case Kind::Between: return "between " + format_number(low) + " and " + with_unit(high, unit);
  }
  return "";
}

Result<Target> parse_target(const std::string& typed) {
  const std::string text = trimmed(typed);
  if (text.empty())
    return Error{ErrorCode::Invalid, std::string("This goal has no target.") + kHowToWrite, {}};
  Reader r{text, lower(text)};
  if (r.take("between")) {
    auto low = r.number();
    if (!low) return unreadable(text, ": the range needs two numbers");
    return read_range(r, text, *low);
  }
  for (const Comparison& c : kComparisons) {
    if (!r.take(c.words)) continue;
    auto value = r.number();
    if (!value) return unreadable(text, ": a number must follow \"" + std::string(c.words) + "\"");
    auto unit = unit_at_end(r, text);
    if (!unit) return unit.error();
    const bool upper_limit = c.kind == Target::Kind::Below || c.kind == Target::Kind::AtMost;
    return Target{c.kind, upper_limit ? 0 : *value, upper_limit ? *value : 0, unit.value()};
  }
  auto low = r.number();
  if (!low) return unreadable(text);
  r.skip_spaces();
  if (r.at == r.text.size()) return unreadable(text, ": say whether the value should be below or above it");
  return read_range(r, text, *low);
}

std::vector<MeasurementPoint> measurement_series(const State& state, const Id<Patient>& patient, const std::string& type) {
  std::vector<MeasurementPoint> out;
  for (const TimedMeasurement& t : state.measure_series(patient, match_key(type))) out.push_back(point_of(*t.measurement));
  return out;
}

TrendLine trend_of(const std::vector<MeasurementPoint>& series, const Target& target) {
  std::vector<std::pair<Minutes, double>> timed;  // points with a valid time
  for (const MeasurementPoint& p : series)
    if (auto at = parse_wall_time(p.taken_at)) timed.push_back({*at, p.value});
  return series.empty() ? TrendLine{} : trend_over(timed, [](const auto& point) { return point; }, target, series.back().value);
}

const char* progress_name(GoalProgress progress) {
  switch (progress) {
    case GoalProgress::CannotEvaluate: return "cannot_evaluate";
    case GoalProgress::NoData: return "no_data";
    case GoalProgress::OnTrack: return "on_track";
    case GoalProgress::OffTrack: return "off_track";
    case GoalProgress::Achieved: return "achieved";
  }
  return "cannot_evaluate";
}

GoalEvaluation evaluate_goal(const State& state, const Goal& goal) {
  return evaluate(goal, state.measure_series(goal.patient, match_key(goal.measure)));
}

void collect_goals_off_track(const WorklistContext& c, std::vector<WorkItem>& out) {
  // Goals share a few targets and measures, so each is read once (the maps' nodes never move).
  std::unordered_map<std::string, ReadTarget> targets;
  std::unordered_map<std::string, std::string> measure_keys;
  std::vector<TimedMeasurement> kept;
  c.for_each_in_scope<Goal>([&](const Goal& g, const PatientFacts* facts) {
    if ((g.status != "active" && !g.status.empty()) || trimmed(g.measure).empty()) return;
    auto read = targets.find(g.target);
    if (read == targets.end()) read = targets.emplace(g.target, read_target(g.target)).first;
    const ReadTarget& target = read->second;
    if (!target.target) return;
    auto measure_key = measure_keys.find(g.measure);
    if (measure_key == measure_keys.end()) measure_key = measure_keys.emplace(g.measure, match_key(g.measure)).first;
    const std::vector<TimedMeasurement>& timed = c.measure_series(facts, g.patient, measure_key->second);
    if (!latest_misses_target(timed, target)) return;
    GoalEvaluation e = judge(g, timed, target, kept);
    if (e.progress != GoalProgress::OffTrack) return;
    const std::string_view day = std::string_view(kept.back().measurement->taken_at).substr(0, 10);
    std::string key;
    key.reserve(6 + g.id.value.size() + day.size());
    key += "goal:";
    key += g.id.value;
    key += ':';
    key += day;
    WorkItem item = c.item("goal_off_track", std::move(key), g.patient, EntityType::Goal, g.id.value,
                           parse_civil_date(day).value_or(c.today));
    // The evaluation's message without its full stop, then the trend and the goal.
    item.reason = std::move(e.message);
    item.reason.pop_back();
    item.reason += trend_words(e.trend.trend);
    item.reason += ": ";
    item.reason += g.description;
    item.next_action = "Review the goal with the patient and the care team";
    out.push_back(std::move(item));
  });
}

}  // namespace core
