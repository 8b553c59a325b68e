// Each patient's measurements grouped by measure and in time order: what goals are judged on and
// charts draw. State keeps them with the patient's records, updated as measurements are applied,
// so a worklist reads a goal's latest value instead of scanning every measurement of the patient.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time_zone.hpp"

namespace core {

struct Measurement;

// Lower case without spaces: how measure names and units are matched ("Blood Pressure" and
// "blood pressure" are one measure; "mm Hg" is "mmHg").
std::string match_key(std::string_view text);
// Whether match_key(text) == key, without building the text's key.
bool has_match_key(std::string_view text, std::string_view key);

// The wall time a measurement is listed at in its measure's series, or nothing if it is in none:
// only measurements with a value and a readable time are.
std::optional<Minutes> series_time(const Measurement& m);

// A measurement with a value, and its time read once.
struct TimedMeasurement {
  Minutes at = 0;  // wall time of taken_at
  const Measurement* measurement = nullptr;
  bool operator==(const TimedMeasurement&) const = default;
};

// The measurements of one measure (types with the same match_key) that have a value and a valid
// time, oldest first, in id order among those taken at the same time.
struct MeasureSeries {
  std::string key;  // match_key of the measure
  std::vector<TimedMeasurement> points;
  bool operator==(const MeasureSeries&) const = default;
};

// One patient's series, one per measure, in the order the measures were first met.
struct PatientMeasures {
  std::vector<MeasureSeries> series;

  // The series whose key is `key` (empty if none).
  const std::vector<TimedMeasurement>& with_key(std::string_view key) const;
  // Lists a live measurement, or takes out one listed as `before` describes it (a copy of the
  // record as it was, `record` being the live one listed). Either does nothing for a measurement
  // with no value or no valid time.
  void add(const Measurement& record);
  void remove(const Measurement& before, const Measurement* record);
  bool operator==(const PatientMeasures&) const = default;
};

}  // namespace core
