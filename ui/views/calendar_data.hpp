// What the Calendar screen shows, worked out once per (data version, practitioner or room, days)
// rather than every frame: the appointment blocks in the clinic's wall clock with their lanes, each
// day's working hours and closures, the practitioners and rooms to choose from, and the free slots.
// Shared by calendar_view.cpp (the grid) and calendar_booking.cpp (the free-slot panel).
#pragma once
#include <string>
#include <vector>

#include "calendar_layout.hpp"
#include "core/scheduling/availability.hpp"
#include "view_context.hpp"

namespace ui {

struct CalendarBlock {
  std::string id;
  int day = 0;   // index among the shown days
  DaySpan span;  // in the clinic's wall clock, cut at midnight
  Lane lane;
  std::string start, end, time_zone;  // as saved, for the tooltip
  std::string patient_id, patient, practitioner, location, type, status, reason, series, recurrence;
};

struct ShownDay {
  core::CivilDate date;
  std::vector<DaySpan> hours;  // when the practitioner (or anyone in the room) works
  std::string closed;          // "Clinic closed: Thanksgiving", "Away: leave"; empty on an open day
};

struct CalendarResource {
  std::string key;    // "practitioner:<id>" or "room:<name in lower case>"
  std::string label;  // "Dr. Rosa Diaz", "Room: Room 4"
};

struct CalendarCache {
  std::string key;  // what `days`, `blocks` and `hours` were worked out for
  std::vector<ShownDay> days;
  std::vector<CalendarBlock> blocks;
  DaySpan hours;
  long resources_version = -1;
  std::vector<CalendarResource> resources;
  std::string slots_key;
  std::vector<core::FreeSlot> slots;
  std::string patients_key;
  std::vector<std::string> patient_matches;
};

CalendarCache& calendar_cache(ViewContext& ctx);
// The practitioners (by name) and the rooms found in appointments.
const std::vector<CalendarResource>& calendar_resources(ViewContext& ctx);
// The resource shown: the chosen one while it exists, else the first practitioner.
std::string shown_resource(ViewContext& ctx);
std::string resource_label(ViewContext& ctx, const std::string& key);
// The practitioner id of a "practitioner:<id>" key, else "".
std::string practitioner_of(const std::string& resource);
// The blocks and hours of `count` days from `first` for the shown resource.
const CalendarCache& calendar_days(ViewContext& ctx, core::CivilDate first, int count);
// The clinic's IANA zone name, "" when none is set.
std::string clinic_zone_name(const core::State& state);
// Now, as a wall time in the clinic's zone (the device's local time when the clinic has none).
core::Minutes clinic_now(const core::Session& session);
// The slot step of the clinic's settings (15 minutes unless set).
int slot_step(const core::State& state);

// Opens the appointment form for the patient being booked, with the practitioner (or room), start
// and end filled in; says what is missing instead when no patient is chosen.
void open_booking(ViewContext& ctx, const std::string& start, const std::string& end, const std::string& location);
// The free-slot side panel, and the question asked before cancelling.
void draw_free_slot_panel(ViewContext& ctx, core::CivilDate from);
void draw_cancel_question(ViewContext& ctx);

// Block colours, by appointment type.
unsigned type_colour(const std::string& type);
// "09:00-09:30"
std::string span_text(const DaySpan& span);

}  // namespace ui
