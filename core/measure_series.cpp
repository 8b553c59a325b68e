// Matching measures and keeping each patient's series in time order.
#include "measure_series.hpp"

#include <algorithm>
#include <cctype>

#include "core/model/entities.hpp"

namespace core {
namespace {

// std::isspace and std::tolower, with ASCII answered inline: the library call per character was
// a tenth of the worklist's cost. Liaison never changes the "C" locale, where both agree.
bool is_space(unsigned char ch) { return ch < 0x80 ? ch == ' ' || (ch >= '\t' && ch <= '\r') : std::isspace(ch) != 0; }
char lower_case(unsigned char ch) {
  return static_cast<char>(ch < 0x80 ? (ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch) : std::tolower(ch));
}

// Series points are ordered by time, then by id.
bool before_point(const TimedMeasurement& a, const TimedMeasurement& b) {
  return a.at != b.at ? a.at < b.at : a.measurement->id < b.measurement->id;
}

MeasureSeries* find_series(std::vector<MeasureSeries>& series, std::string_view type) {
  for (MeasureSeries& s : series)
    if (has_match_key(type, s.key)) return &s;
  return nullptr;
}

}  // namespace

std::string match_key(std::string_view text) {
  std::string key;
  for (unsigned char ch : text)
    if (!is_space(ch)) key += lower_case(ch);
  return key;
}

bool has_match_key(std::string_view text, std::string_view key) {
  std::size_t at = 0;
  for (unsigned char ch : text) {
    if (is_space(ch)) continue;
    if (at == key.size() || key[at] != lower_case(ch)) return false;
    ++at;
  }
  return at == key.size();
}

const std::vector<TimedMeasurement>& PatientMeasures::with_key(std::string_view key) const {
  static const std::vector<TimedMeasurement> none;
  for (const MeasureSeries& s : series)
    if (s.key == key) return s.points;
  return none;
}

std::optional<Minutes> series_time(const Measurement& m) {
  return m.value ? parse_wall_time(m.taken_at) : std::nullopt;
}

void PatientMeasures::add(const Measurement& record) {
  const auto at = record.deleted ? std::nullopt : series_time(record);
  if (!at) return;
  MeasureSeries* s = find_series(series, record.type);
  if (!s) s = &series.emplace_back(MeasureSeries{match_key(record.type), {}});
  const TimedMeasurement point{*at, &record};
  s->points.insert(std::upper_bound(s->points.begin(), s->points.end(), point, before_point), point);
}

void PatientMeasures::remove(const Measurement& before, const Measurement* record) {
  const auto at = before.deleted ? std::nullopt : series_time(before);
  MeasureSeries* s = at ? find_series(series, before.type) : nullptr;
  if (!s) return;
  auto point = std::find(s->points.begin(), s->points.end(), TimedMeasurement{*at, record});
  if (point != s->points.end()) s->points.erase(point);
  if (s->points.empty()) series.erase(series.begin() + (s - series.data()));
}

}  // namespace core
