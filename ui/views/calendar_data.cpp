// Builds the Calendar screen's cached data (see calendar_data.hpp) from the State's appointment
// indexes, so a frame reads only the shown days however large the clinic.
#include "calendar_data.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <ctime>

#include "core/scheduling/appointment_time.hpp"
#include "core/scheduling/business_days.hpp"
#include "core/scheduling/settings.hpp"
#include "core/state.hpp"

namespace ui {
namespace {

const char* const kWeekdayNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr core::Minutes kDay = 24 * 60;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The appointment's start and end on the clinic's wall clock: as saved when it is in the clinic's
// zone, else moved there through UTC (a telehealth visit booked in New York shows at Chicago time).
std::optional<std::pair<core::Minutes, core::Minutes>> clinic_wall(const core::Appointment& a, const core::State& state,
                                                                    const core::TimeZone* clinic) {
  const core::TimeZone* own = core::appointment_zone(a, state);
  if (!clinic || !own || own == clinic) {
    auto start = core::parse_wall_time(a.start), end = core::parse_wall_time(a.end);
    if (!start || !end) return std::nullopt;
    return std::pair{*start, *end};
  }
  auto utc = core::utc_interval(a, state);
  if (!utc) return std::nullopt;
  return std::pair{clinic->to_wall(utc->start), clinic->to_wall(utc->end)};
}

std::string name_of_patient(const core::State& state, const core::Id<core::Patient>& id) {
  const core::Patient* p = state.find(id);
  return p ? p->display_name() : "(no patient)";
}

std::string name_of_practitioner(const core::State& state, const core::Id<core::Practitioner>& id) {
  const core::Practitioner* p = state.find(id);
  return p ? p->name : "";
}

// Whose working hours a day shows: the practitioner's, or everyone's who works in the room.
bool hours_belong(const core::WorkingHours& w, const std::string& resource) {
  const std::string practitioner = practitioner_of(resource);
  if (!practitioner.empty()) return w.practitioner.value == practitioner;
  return resource.rfind("room:", 0) == 0 && lower(w.location) == resource.substr(5);
}

std::vector<ShownDay> shown_days(const core::State& state, const std::string& resource, core::CivilDate first, int count) {
  std::vector<ShownDay> days;
  const core::BusinessCalendar calendar(state);
  const std::string practitioner = practitioner_of(resource);
  for (int i = 0; i < count; ++i) {
    ShownDay day{add_days(first, i), {}, {}};
    const char* weekday = kWeekdayNames[weekday_from_monday(day.date)];
    for (const auto& [id, w] : state.table<core::WorkingHours>()) {
      if (w.deleted || w.weekday != weekday || !hours_belong(w, resource)) continue;
      auto start = core::parse_clock_time(w.start), end = core::parse_clock_time(w.end);
      if (start && end) day.hours.push_back({*start, *end});
    }
    if (const std::string* holiday = calendar.holiday(day.date)) day.closed = "Clinic closed: " + *holiday;
    for (const auto& [id, u] : state.table<core::Unavailability>())
      if (!u.deleted && !practitioner.empty() && u.practitioner.value == practitioner && u.from_date && u.to_date &&
          *u.from_date <= day.date && day.date <= *u.to_date)
        day.closed = "Away" + (u.reason.empty() ? std::string() : ": " + u.reason);
    days.push_back(std::move(day));
  }
  return days;
}

// The live appointments of the resource that start on the shown days (clinic time), with lanes.
std::vector<CalendarBlock> shown_blocks(const core::State& state, const std::string& resource, core::CivilDate first,
                                        int count) {
  std::vector<CalendarBlock> blocks;
  const auto& by_start = state.appointments_of_party(resource);
  const core::TimeZone* clinic = core::scheduling_settings(state).time_zone;
  const core::Minutes from = core::wall_time(first, 0), to = from + count * kDay;
  // The index is by each appointment's own wall time: look a day either side for other zones.
  for (auto it = by_start.lower_bound(from - kDay); it != by_start.end() && it->first < to + kDay; ++it) {
    const core::Appointment* a = it->second;
    auto wall = clinic_wall(*a, state, clinic);
    if (!wall || wall->first < from || wall->first >= to) continue;
    CalendarBlock b;
    b.id = a->id.value;
    b.day = static_cast<int>((wall->first - from) / kDay);
    const int start = core::minute_of_day(wall->first);
    b.span = {start, static_cast<int>(std::min<core::Minutes>(start + (wall->second - wall->first), kDay))};
    b.span.end = std::max(b.span.end, b.span.start + 5);  // a zero-length record still shows
    b.start = a->start, b.end = a->end, b.time_zone = a->time_zone;
    b.patient_id = a->patient.value;
    b.patient = name_of_patient(state, a->patient);
    b.practitioner = name_of_practitioner(state, a->practitioner);
    b.location = a->location, b.type = a->type, b.status = a->status, b.reason = a->reason;
    b.series = a->series, b.recurrence = a->recurrence;
    blocks.push_back(std::move(b));
  }
  for (int day = 0; day < count; ++day) {
    std::vector<std::size_t> of_day;
    std::vector<DaySpan> spans;
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (blocks[i].day == day) of_day.push_back(i), spans.push_back(blocks[i].span);
    const std::vector<Lane> lanes = assign_lanes(spans);
    for (std::size_t k = 0; k < of_day.size(); ++k) blocks[of_day[k]].lane = lanes[k];
  }
  return blocks;
}

}  // namespace

CalendarCache& calendar_cache(ViewContext& ctx) {
  if (!ctx.ui.calendar.cache) ctx.ui.calendar.cache = std::make_shared<CalendarCache>();
  return *ctx.ui.calendar.cache;
}

const std::vector<CalendarResource>& calendar_resources(ViewContext& ctx) {
  CalendarCache& cache = calendar_cache(ctx);
  if (cache.resources_version == ctx.ui.data_version) return cache.resources;
  const core::State& state = ctx.session.state();
  cache.resources.clear();
  for (const auto& [id, p] : state.table<core::Practitioner>())
    if (!p.deleted) cache.resources.push_back({core::practitioner_party(id.value), p.name.empty() ? id.value : p.name});
  std::sort(cache.resources.begin(), cache.resources.end(),
            [](const CalendarResource& a, const CalendarResource& b) { return lower(a.label) < lower(b.label); });
  // The index is ordered by key, so the rooms are one contiguous run.
  for (auto it = state.appointments_by_party.lower_bound("room:");
       it != state.appointments_by_party.end() && it->first.rfind("room:", 0) == 0; ++it) {
    if (it->second.empty()) continue;
    cache.resources.push_back({it->first, "Room: " + it->second.begin()->second->location});
  }
  cache.resources_version = ctx.ui.data_version;
  return cache.resources;
}

std::string shown_resource(ViewContext& ctx) {
  const auto& resources = calendar_resources(ctx);
  for (const CalendarResource& r : resources)
    if (r.key == ctx.ui.calendar.resource) return r.key;
  return resources.empty() ? "" : resources.front().key;
}

std::string resource_label(ViewContext& ctx, const std::string& key) {
  for (const CalendarResource& r : calendar_resources(ctx))
    if (r.key == key) return r.label;
  return "";
}

std::string practitioner_of(const std::string& resource) {
  const std::string prefix = core::practitioner_party("");
  return resource.rfind(prefix, 0) == 0 ? resource.substr(prefix.size()) : "";
}

const CalendarCache& calendar_days(ViewContext& ctx, core::CivilDate first, int count) {
  CalendarCache& cache = calendar_cache(ctx);
  const std::string resource = shown_resource(ctx);
  const std::string key = std::to_string(ctx.ui.data_version) + "|" + resource + "|" + core::format_civil_date(first) +
                          "|" + std::to_string(count);
  if (cache.key == key) return cache;
  const core::State& state = ctx.session.state();
  cache.days = shown_days(state, resource, first, count);
  cache.blocks = shown_blocks(state, resource, first, count);
  std::vector<DaySpan> spans;
  for (const ShownDay& day : cache.days) spans.insert(spans.end(), day.hours.begin(), day.hours.end());
  for (const CalendarBlock& b : cache.blocks) spans.push_back(b.span);
  cache.hours = visible_hours(spans);
  cache.key = key;
  return cache;
}

std::string clinic_zone_name(const core::State& state) {
  const core::TimeZone* zone = core::scheduling_settings(state).time_zone;
  return zone ? std::string(zone->name()) : "";
}

core::Minutes clinic_now(const core::Session& session) {
  const core::Minutes utc = session.clock().now_ms() / 60000;
  if (const core::TimeZone* zone = core::scheduling_settings(session.state()).time_zone) return zone->to_wall(utc);
  const std::time_t now = static_cast<std::time_t>(utc * 60);
  std::tm local{};
  localtime_r(&now, &local);
  return utc + local.tm_gmtoff / 60;
}

int slot_step(const core::State& state) { return std::max(5, core::scheduling_settings(state).slot_minutes); }

unsigned type_colour(const std::string& type) {
  if (type == "office_visit") return IM_COL32(59, 130, 196, 255);   // blue
  if (type == "follow_up") return IM_COL32(46, 150, 100, 255);      // green
  if (type == "home_visit") return IM_COL32(214, 128, 38, 255);     // orange
  if (type == "telehealth") return IM_COL32(128, 90, 190, 255);     // violet
  if (type == "procedure") return IM_COL32(196, 70, 80, 255);       // red
  if (type == "lab") return IM_COL32(30, 150, 160, 255);            // teal
  return IM_COL32(120, 128, 140, 255);                              // grey: other or not set
}

std::string span_text(const DaySpan& span) {
  return core::format_clock_time(span.start) + "-" + core::format_clock_time(span.end);
}

}  // namespace ui
