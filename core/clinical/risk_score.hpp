// What the readmission risk scores (LACE, HOSPITAL) report: each input with its value, its points
// and the records it came from, or why it is missing. A score has a total only when no input is
// missing: a missing input is never counted as zero.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/visits.hpp"

namespace core {

struct RecordRef {
  EntityType type;
  std::string id;
  bool operator==(const RecordRef& o) const { return type == o.type && id == o.id; }
};

struct ScoreInput {
  ScoreInput() = default;
  explicit ScoreInput(std::string input_name) : name(std::move(input_name)) {}
  std::string name;     // e.g. "Length of stay"
  bool missing = false;
  std::string value;    // e.g. "3 days"; when missing, what to record
  int points = 0;
  std::string source;   // where the value came from, in words
  std::vector<RecordRef> records;
};

struct RiskScore {
  std::vector<ScoreInput> inputs;
  std::optional<int> total;          // only when nothing is missing
  std::vector<std::string> missing;  // "Length of stay: no discharge date recorded", ...
  std::string risk;                  // e.g. "high", once there is a total; "" when the score has no bands

  const ScoreInput* input(const std::string& name) const {
    for (const ScoreInput& i : inputs)
      if (i.name == name) return &i;
    return nullptr;
  }
};

// Adds up the inputs, or lists the missing ones.
inline void total_up(RiskScore& score) {
  int total = 0;
  for (const ScoreInput& i : score.inputs) {
    if (i.missing) score.missing.push_back(i.name + ": " + i.value);
    total += i.points;
  }
  if (score.missing.empty()) score.total = total;
}

inline int days_from(CivilDate from, CivilDate to) { return (date::sys_days{to} - date::sys_days{from}).count(); }

// The same day `months` calendar months earlier, or the last day of that month when it is shorter.
inline CivilDate months_before(CivilDate day, int months) {
  const date::year_month ym = date::year_month{day.year(), day.month()} - date::months{months};
  const date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
  return CivilDate{ym.year(), ym.month(), std::min(day.day(), last)};
}

// Whether the stay is an acute (urgent or emergent) admission: its admission type when recorded,
// else "yes" when it is marked acute; nullopt when neither tells.
inline std::optional<bool> acute_admission(const Encounter& e) {
  if (e.admission_type == "urgent" || e.admission_type == "emergency") return true;
  if (e.admission_type == "elective") return false;
  if (e.acute) return true;
  return std::nullopt;
}

inline std::string acuity_source(const Encounter& e) {
  if (!e.admission_type.empty()) return "admission type \"" + e.admission_type + "\" on the hospital stay";
  return e.acute ? "marked acute on the hospital stay" : "";
}

// The "acute admission" input both scores have, worth `points` when the admission was acute.
inline ScoreInput acute_admission_input(const Encounter& stay, std::string name, int points) {
  ScoreInput in{std::move(name)};
  in.records.push_back({EntityType::Encounter, stay.id.value});
  const std::optional<bool> acute = acute_admission(stay);
  if (!acute) {
    in.missing = true;
    in.value = "admission type not recorded (elective, urgent or emergency)";
    return in;
  }
  in.value = *acute ? "yes" : "no, elective";
  in.points = *acute ? points : 0;
  in.source = acuity_source(stay);
  return in;
}

}  // namespace core
