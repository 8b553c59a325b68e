// The Calendar screen: one practitioner's or one room's day or week as an hour grid over the
// working hours, each appointment a block coloured by type with its status marked (proposed
// dashed and light, cancelled and no-show faded and struck through) and its series tagged.
// Hovering a block tells who, what and why; a click edits it (the core refuses a double booking
// and the form says which); dragging moves it; right-click offers cancelling it or the rest of its
// series. A click on free working time, or on a slot in the "Find free slots" panel, opens a
// filled-in booking. Keys (when no text field has the keyboard): Left/Right a day or week back or
// on, T today, D day view, W week view.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "calendar_data.hpp"
#include "core/scheduling/appointment_time.hpp"
#include "core/state.hpp"
#include "ui/record_text.hpp"

namespace ui {
namespace {

constexpr ImU32 kBlockText = IM_COL32(24, 30, 40, 255);
constexpr ImU32 kNowLine = IM_COL32(205, 45, 45, 255);
constexpr float kHourHeightInFonts = 4.0f;  // a quarter hour is one text line high

struct Grid {
  ImVec2 origin;  // the top-left of the first day's column, at the first shown hour
  float column = 0, per_minute = 0;
  DaySpan hours;
  int days = 1;
  float height() const { return static_cast<float>(hours.end - hours.start) * per_minute; }
  float y(int minute) const { return origin.y + static_cast<float>(minute - hours.start) * per_minute; }
  float x(int day) const { return origin.x + static_cast<float>(day) * column; }
};

ImU32 with_alpha(ImU32 colour, float alpha) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  c.w *= alpha;
  return ImGui::ColorConvertFloat4ToU32(c);
}

// The colour mixed toward white: 0 keeps it, 1 is white.
ImU32 lighter(ImU32 colour, float amount, float alpha = 1.0f) {
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(colour);
  c = {c.x + (1 - c.x) * amount, c.y + (1 - c.y) * amount, c.z + (1 - c.z) * amount, alpha};
  return ImGui::ColorConvertFloat4ToU32(c);
}

void dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour) {
  const float dash = ImGui::GetFontSize() * 0.35f;
  for (float x = a.x; x < b.x; x += dash * 2) {
    dl->AddLine({x, a.y}, {std::min(x + dash, b.x), a.y}, colour, 1.5f);
    dl->AddLine({x, b.y}, {std::min(x + dash, b.x), b.y}, colour, 1.5f);
  }
  for (float y = a.y; y < b.y; y += dash * 2) {
    dl->AddLine({a.x, y}, {a.x, std::min(y + dash, b.y)}, colour, 1.5f);
    dl->AddLine({b.x, y}, {b.x, std::min(y + dash, b.y)}, colour, 1.5f);
  }
}

bool faded(const std::string& status) { return status == "cancelled" || status == "no_show"; }

// Puts the next item on this line when `width` more fits, else on the next line.
void same_line_if_fits(float width) {
  const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float button_width(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; }

void go_to(CalendarState& cal, core::CivilDate day) {
  cal.day = day;
}

void handle_keys(ViewContext& ctx, core::CivilDate day, core::CivilDate today) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows | ImGuiFocusedFlags_NoPopupHierarchy)) return;
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || ImGui::IsAnyItemActive()) return;
  CalendarState& cal = ctx.ui.calendar;
  if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) go_to(cal, step_day(day, cal.week, -1));
  if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) go_to(cal, step_day(day, cal.week, +1));
  if (ImGui::IsKeyPressed(ImGuiKey_T, false)) go_to(cal, today);
  if (ImGui::IsKeyPressed(ImGuiKey_D, false)) cal.week = false;
  if (ImGui::IsKeyPressed(ImGuiKey_W, false)) cal.week = true;
}

std::string period_heading(core::CivilDate first, bool week) {
  if (!week) return day_heading(first, true);
  const core::CivilDate last = add_days(first, 6);
  return day_heading(first, false) + " to " + day_heading(last, false) + " " + std::to_string(int(last.year()));
}

void draw_toolbar(ViewContext& ctx, core::CivilDate day, core::CivilDate today) {
  CalendarState& cal = ctx.ui.calendar;
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Calendar");
  ImGui::PopFont();
  ImGui::SameLine();
  if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) go_to(cal, step_day(day, cal.week, -1));
  ImGui::SetItemTooltip(cal.week ? "Previous week (Left)" : "Previous day (Left)");
  ctx.hook.track("cal:previous");
  ImGui::SameLine();
  if (ImGui::Button("Today")) go_to(cal, today);
  ImGui::SetItemTooltip("Back to today (T)");
  ctx.hook.track("cal:today");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) go_to(cal, step_day(day, cal.week, +1));
  ImGui::SetItemTooltip(cal.week ? "Next week (Right)" : "Next day (Right)");
  ctx.hook.track("cal:next");
  const std::string heading = period_heading(first_shown_day(day, cal.week), cal.week);
  same_line_if_fits(ImGui::CalcTextSize(heading.c_str()).x);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(heading.c_str());
  ctx.hook.track("cal:heading", heading);

  same_line_if_fits(button_width("Day") + button_width("Week"));
  for (bool week : {false, true}) {
    const char* label = week ? "Week" : "Day";
    if (week) ImGui::SameLine(0, 0);
    const bool on = cal.week == week;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label)) cal.week = week;
    if (on) ImGui::PopStyleColor();
    ImGui::SetItemTooltip(week ? "Show the week (W)" : "Show one day (D)");
    ctx.hook.track(week ? "cal:week" : "cal:day");
  }
  const float combo_width = ImGui::GetFontSize() * 14;
  same_line_if_fits(combo_width);
  const std::string resource = shown_resource(ctx);
  ImGui::SetNextItemWidth(combo_width);
  if (ImGui::BeginCombo("##resource", resource.empty() ? "No practitioners yet" : resource_label(ctx, resource).c_str())) {
    for (const CalendarResource& r : calendar_resources(ctx))
      if (ImGui::Selectable((r.label + "##" + r.key).c_str(), r.key == resource)) cal.resource = r.key;
    ImGui::EndCombo();
  }
  ImGui::SetItemTooltip("Whose calendar: a practitioner, or a room");
  ctx.hook.track("cal:resource");
  same_line_if_fits(button_width("Find free slots") + ImGui::GetFrameHeight());
  ImGui::Checkbox("Find free slots", &cal.show_slots);
  ctx.hook.track("cal:slots-toggle");
}

// The day headings above the grid; in the week view a click opens that day.
void draw_day_headings(ViewContext& ctx, const Grid& grid, const CalendarCache& data, core::CivilDate today) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float height = ImGui::GetTextLineHeightWithSpacing();
  for (int d = 0; d < grid.days; ++d) {
    const ShownDay& day = data.days[static_cast<std::size_t>(d)];
    std::string text = day_heading(day.date, grid.days == 1);
    if (ImGui::CalcTextSize(text.c_str()).x > grid.column - 4)
      text = day_heading(day.date, false).substr(0, grid.column > ImGui::GetFontSize() * 3.5f ? 6 : 3);
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const ImVec2 at{grid.x(d) + (grid.column - width) / 2, start.y};
    const bool is_today = day.date == today;
    dl->AddText(is_today ? ctx.fonts.bold : nullptr, 0.0f, at,
                is_today ? ImGui::GetColorU32(accent_colour()) : ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    if (grid.days == 1) continue;
    ImGui::SetCursorScreenPos({grid.x(d), start.y});
    ImGui::PushID(d);
    if (ImGui::InvisibleButton("##heading", {std::max(grid.column, 1.0f), height})) {
      ctx.ui.calendar.day = day.date;
      ctx.ui.calendar.week = false;
    }
    ImGui::PopID();
    ImGui::SetItemTooltip("Show %s", day_heading(day.date, true).c_str());
    ctx.hook.track("cal:day:" + core::format_civil_date(day.date));
  }
  ImGui::SetCursorScreenPos(start);
  ImGui::Dummy({1, height});
}

// Columns, working hours (white) against the rest (shaded), closed days, hour lines and labels.
void draw_background(const Grid& grid, const CalendarCache& data, float gutter, core::CivilDate today, core::Minutes now) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 off_hours = ImGui::GetColorU32(ImGuiCol_TableHeaderBg);
  const ImU32 working = ImGui::GetColorU32(ImGuiCol_WindowBg);
  const ImU32 line = ImGui::GetColorU32(ImGuiCol_TableBorderLight);
  const ImU32 strong_line = ImGui::GetColorU32(ImGuiCol_TableBorderStrong);
  const float bottom = grid.origin.y + grid.height();
  for (int d = 0; d < grid.days; ++d) {
    const ShownDay& day = data.days[static_cast<std::size_t>(d)];
    const float x0 = grid.x(d), x1 = x0 + grid.column;
    dl->AddRectFilled({x0, grid.origin.y}, {x1, bottom}, off_hours);
    if (day.closed.empty())
      for (const DaySpan& h : day.hours)
        dl->AddRectFilled({x0, grid.y(std::max(h.start, grid.hours.start))}, {x1, grid.y(std::min(h.end, grid.hours.end))},
                          working);
    if (day.date == today) dl->AddRectFilled({x0, grid.origin.y}, {x1, bottom}, with_alpha(ImGui::GetColorU32(accent_colour()), 0.05f));
    dl->AddLine({x0, grid.origin.y}, {x0, bottom}, strong_line);
  }
  dl->AddLine({grid.x(grid.days), grid.origin.y}, {grid.x(grid.days), bottom}, strong_line);
  for (int m = grid.hours.start; m <= grid.hours.end; m += 30) {
    const bool hour = m % 60 == 0;
    dl->AddLine({grid.origin.x - (hour ? gutter * 0.15f : 0), grid.y(m)}, {grid.x(grid.days), grid.y(m)},
                hour ? strong_line : line);
    if (hour && m < grid.hours.end)
      dl->AddText({grid.origin.x - gutter + ImGui::GetStyle().ItemSpacing.x * 0.5f, grid.y(m) + 2},
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), core::format_clock_time(m).c_str());
  }
  for (int d = 0; d < grid.days; ++d) {
    const ShownDay& day = data.days[static_cast<std::size_t>(d)];
    if (!day.closed.empty()) {
      const ImVec4 clip{grid.x(d) + 4, grid.origin.y, grid.x(d + 1) - 4, bottom};
      dl->AddText(nullptr, 0.0f, {clip.x, grid.origin.y + 4}, ImGui::GetColorU32(ImGuiCol_TextDisabled), day.closed.c_str(),
                  nullptr, grid.column - 8, &clip);
    }
    const int minute = core::minute_of_day(now);
    if (day.date == today && minute >= grid.hours.start && minute <= grid.hours.end) {
      dl->AddLine({grid.x(d), grid.y(minute)}, {grid.x(d + 1), grid.y(minute)}, kNowLine, 2.0f);
      dl->AddCircleFilled({grid.x(d), grid.y(minute)}, 4.0f, kNowLine);
    }
  }
}

ImRect block_rect(const Grid& grid, const CalendarBlock& b) {
  const float usable = grid.column * 0.9f;  // leave a strip on the right free to click for a new booking
  const float lane_width = usable / static_cast<float>(b.lane.count);
  const float x0 = grid.x(b.day) + 2 + lane_width * static_cast<float>(b.lane.index);
  return {{x0, grid.y(b.span.start) + 1}, {x0 + lane_width - 3, std::max(grid.y(b.span.end) - 1, grid.y(b.span.start) + 4)}};
}

void draw_block(ViewContext& ctx, const CalendarBlock& b, const ImRect& r, bool hovered) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 base = type_colour(b.type);
  const bool proposed = b.status == "proposed";
  const float alpha = faded(b.status) ? 0.45f : 1.0f;
  const float rounding = ImGui::GetFontSize() * 0.2f;
  dl->AddRectFilled(r.Min, r.Max, lighter(base, proposed ? 0.88f : 0.72f, alpha), rounding);
  dl->AddRectFilled(r.Min, {r.Min.x + ImGui::GetFontSize() * 0.25f, r.Max.y}, with_alpha(base, alpha), rounding,
                    ImDrawFlags_RoundCornersLeft);
  if (proposed) dashed_rect(dl, r.Min, r.Max, base);
  else dl->AddRect(r.Min, r.Max, with_alpha(base, alpha * 0.7f), rounding);
  if (hovered) dl->AddRect(r.Min, r.Max, ImGui::GetColorU32(accent_colour()), rounding, 0, 2.0f);

  const float pad = ImGui::GetFontSize() * 0.2f;
  const ImVec2 text_min{r.Min.x + ImGui::GetFontSize() * 0.25f + pad, r.Min.y + 1};
  const ImVec4 clip{text_min.x, r.Min.y, r.Max.x - pad, r.Max.y};
  const ImU32 ink = with_alpha(kBlockText, faded(b.status) ? 0.75f : 1.0f);
  std::string status = b.status == "booked" || b.status.empty() ? "" : ", " + choice_text(b.status);
  const std::string lines[] = {core::format_clock_time(b.span.start) + " " + b.patient,
                               core::appointment_type_words(b.type) + status, b.reason};
  float y = text_min.y;
  const float line_height = ImGui::GetTextLineHeight();
  for (std::size_t i = 0; i < 3 && y < r.Max.y - line_height * 0.6f; ++i) {
    if (lines[i].empty()) continue;
    dl->AddText(i == 0 ? ctx.fonts.bold : nullptr, 0.0f, {text_min.x, y}, ink, lines[i].c_str(), nullptr, 0.0f, &clip);
    if (i == 0 && faded(b.status)) {
      const float width = std::min(ImGui::CalcTextSize(lines[i].c_str()).x, clip.z - text_min.x);
      dl->AddLine({text_min.x, y + line_height * 0.55f}, {text_min.x + width, y + line_height * 0.55f}, ink, 1.5f);
    }
    y += line_height;
  }
  if (b.series.empty()) return;
  const float tag_size = ImGui::GetFontSize() * 0.8f;
  const ImVec2 tag = ImGui::GetFont()->CalcTextSizeA(tag_size, FLT_MAX, 0.0f, "series");
  if (r.GetWidth() < tag.x * 2.5f || r.GetHeight() < tag.y + 2) return;
  const ImVec2 tag_min{r.Max.x - tag.x - pad * 3, r.Min.y + 2};
  dl->AddRectFilled(tag_min, {r.Max.x - pad, tag_min.y + tag.y}, with_alpha(base, alpha), rounding);
  dl->AddText(nullptr, tag_size, {tag_min.x + pad, tag_min.y}, IM_COL32(255, 255, 255, 255), "series");
}

void draw_block_tooltip(const CalendarBlock& b, const CalendarCache& data, const std::string& clinic_zone) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(b.patient.c_str());
  ImGui::Text("%s, %s", core::appointment_type_words(b.type).c_str(), choice_text(b.status).c_str());
  ImGui::Text("%s, %s", day_heading(data.days[static_cast<std::size_t>(b.day)].date, true).c_str(), span_text(b.span).c_str());
  if (!b.time_zone.empty() && b.time_zone != clinic_zone) ImGui::TextDisabled("Saved as %s to %s, %s", b.start.c_str(), b.end.substr(11).c_str(), b.time_zone.c_str());
  if (!b.practitioner.empty()) ImGui::Text("With %s", b.practitioner.c_str());
  if (!b.location.empty()) ImGui::Text("At %s", b.location.c_str());
  if (!b.reason.empty()) ImGui::Text("Reason: %s", b.reason.c_str());
  if (!b.series.empty())
    ImGui::Text("Part of a series%s", b.recurrence.empty() ? "" : (": " + b.recurrence).c_str());
  ImGui::TextDisabled("Click to edit, drag to move, right-click for more.");
  ImGui::EndTooltip();
}

// Where a block dragged by `delta` pixels would go: minutes later (or earlier) and days on.
std::pair<int, int> drag_shift(const Grid& grid, const CalendarBlock& b, ImVec2 delta, int step) {
  const int minutes = static_cast<int>(std::lround(delta.y / grid.per_minute / static_cast<float>(step))) * step;
  const int days = grid.days == 1 ? 0
                                   : std::clamp(static_cast<int>(std::lround(delta.x / grid.column)), -b.day,
                                                grid.days - 1 - b.day);
  return {minutes, days};
}

std::string shifted(const std::string& wall, int minutes) {
  auto parsed = core::parse_wall_time(wall);
  return parsed ? core::format_wall_time(*parsed + minutes) : wall;
}

// Moves the appointment by `minutes` of wall-clock time, unless that makes a double booking: then
// the status line names the clash and nothing changes (the core would refuse it too).
void move_appointment(ViewContext& ctx, const std::string& id, int minutes) {
  const core::State& state = ctx.session.state();
  const core::Appointment* a = state.find(core::Id<core::Appointment>{id});
  if (!a) return;
  core::Appointment moved = *a;
  moved.start = shifted(a->start, minutes);
  moved.end = shifted(a->end, minutes);
  const std::vector<core::Conflict> clashes = core::find_conflicts(moved, state);
  if (!clashes.empty()) {
    ctx.ui.notice = "Not moved: " + core::describe(clashes.front(), state);
    return;
  }
  ctx.outbox.push_back(core::UpdateRecord{core::EntityType::Appointment, id, {{"start", moved.start}, {"end", moved.end}}});
}

void draw_blocks(ViewContext& ctx, const Grid& grid, const CalendarCache& data) {
  CalendarState& cal = ctx.ui.calendar;
  const int step = slot_step(ctx.session.state());
  const std::string clinic_zone = clinic_zone_name(ctx.session.state());
  std::string menu_request;
  for (const CalendarBlock& b : data.blocks) {
    const ImRect r = block_rect(grid, b);
    ImGui::PushID(b.id.c_str());
    ImGui::SetCursorScreenPos(r.Min);
    const bool clicked = ImGui::InvisibleButton("##appointment", {std::max(r.GetWidth(), 1.0f), std::max(r.GetHeight(), 1.0f)});
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    const bool released = ImGui::IsItemDeactivated(), right_clicked = ImGui::IsItemClicked(ImGuiMouseButton_Right);
    ctx.hook.track("appt:" + b.patient + " " + core::format_clock_time(b.span.start));
    draw_block(ctx, b, r, hovered || active);
    const bool movable = !faded(b.status) && b.status != "completed";
    const ImVec2 delta = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
    const auto [minutes, days] = drag_shift(grid, b, delta, step);
    const int shift = minutes + days * 24 * 60;
    if (active && movable && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
      const ImVec2 offset{static_cast<float>(days) * grid.column, static_cast<float>(minutes) * grid.per_minute};
      dashed_rect(ImGui::GetWindowDrawList(), {r.Min.x + offset.x, r.Min.y + offset.y}, {r.Max.x + offset.x, r.Max.y + offset.y},
                  ImGui::GetColorU32(accent_colour()));
      ImGui::SetTooltip("Move to %s %s", day_heading(data.days[static_cast<std::size_t>(b.day + days)].date, false).c_str(),
                        span_text({b.span.start + minutes, b.span.end + minutes}).c_str());
    } else if (hovered && !active) {
      draw_block_tooltip(b, data, clinic_zone);
    }
    const bool dragged = delta.x != 0 || delta.y != 0;
    if (released && dragged && movable) {
      if (shift != 0) move_appointment(ctx, b.id, shift);
    } else if (clicked) {
      open_record_form(ctx, core::EntityType::Appointment, "appointment", b.id, b.patient_id);
    }
    if (right_clicked) menu_request = b.id;
  }
  if (!menu_request.empty()) {
    cal.menu_for = menu_request;
    ImGui::OpenPopup("appointment-menu");
  }
  if (!ImGui::BeginPopup("appointment-menu")) return;
  const core::Appointment* a = ctx.session.state().find(core::Id<core::Appointment>{cal.menu_for});
  if (a) {
    if (ImGui::MenuItem("Edit the appointment")) open_record_form(ctx, core::EntityType::Appointment, "appointment", a->id.value, a->patient.value);
    if (ImGui::MenuItem("Open the patient's chart")) {
      ctx.ui.open_patient = a->patient.value;
      ctx.ui.screen = Screen::Patients;
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Cancel this appointment...", nullptr, false, a->status != "cancelled")) {
      cal.confirm_cancel = a->id.value;
      cal.confirm_series = false;
    }
    ctx.hook.track("menu:Cancel this appointment");
    if (!a->series.empty() && ImGui::MenuItem("Cancel the rest of the series...")) {
      cal.confirm_cancel = a->id.value;
      cal.confirm_series = true;
    }
    if (!a->series.empty()) ctx.hook.track("menu:Cancel the rest of the series");
  }
  ImGui::EndPopup();
}

// The empty grid under the blocks: hovering shows the time a click would book.
void draw_booking_target(ViewContext& ctx, const Grid& grid, const CalendarCache& data) {
  CalendarState& cal = ctx.ui.calendar;
  ImGui::SetCursorScreenPos(grid.origin);
  const bool clicked = ImGui::InvisibleButton("##grid", {std::max(grid.column * static_cast<float>(grid.days), 1.0f),
                                                         std::max(grid.height(), 1.0f)});
  ctx.hook.track("cal:grid");
  if (!ImGui::IsItemHovered()) return;
  const ImVec2 mouse = ImGui::GetMousePos();
  const int d = std::clamp(static_cast<int>((mouse.x - grid.origin.x) / grid.column), 0, grid.days - 1);
  const ShownDay& day = data.days[static_cast<std::size_t>(d)];
  const int step = slot_step(ctx.session.state());
  const int start = minute_at(mouse.y, grid.origin.y, grid.per_minute, grid.hours, step, cal.slot_minutes);
  const bool room = practitioner_of(shown_resource(ctx)).empty();
  const bool bookable = day.closed.empty() && (room || inside_hours(day.hours, start, cal.slot_minutes));
  const DaySpan span{start, start + cal.slot_minutes};
  if (!bookable) {
    ImGui::SetTooltip("%s", day.closed.empty() ? "Outside working hours" : day.closed.c_str());
    return;
  }
  ImGui::GetWindowDrawList()->AddRectFilled({grid.x(d) + 2, grid.y(span.start)}, {grid.x(d + 1) - 2, grid.y(span.end)},
                                            with_alpha(ImGui::GetColorU32(accent_colour()), 0.18f), ImGui::GetFontSize() * 0.2f);
  ImGui::SetTooltip("Book %s on %s", span_text(span).c_str(), day_heading(day.date, false).c_str());
  if (clicked)
    open_booking(ctx, core::format_wall_time(core::wall_time(day.date, span.start)),
                 core::format_wall_time(core::wall_time(day.date, span.end)), "");
}

void draw_legend(ViewContext& ctx) {
  (void)ctx;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float swatch = ImGui::GetFontSize() * 0.9f;
  auto item = [&](const char* label, ImU32 colour, int style) {
    const float width = swatch + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    same_line_if_fits(width);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 a{p.x, p.y + (ImGui::GetTextLineHeight() - swatch) / 2}, b{a.x + swatch, a.y + swatch};
    if (style == 1) {  // proposed
      dl->AddRectFilled(a, b, lighter(colour, 0.88f));
      dashed_rect(dl, a, b, colour);
    } else {
      dl->AddRectFilled(a, b, style == 2 ? lighter(colour, 0.72f, 0.45f) : colour);
      if (style == 2) dl->AddLine({a.x, (a.y + b.y) / 2}, {b.x, (a.y + b.y) / 2}, kBlockText, 1.5f);
    }
    ImGui::Dummy({swatch, ImGui::GetTextLineHeight()});
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(label);
  };
  ImGui::TextDisabled("Types:");
  for (const char* type : {"office_visit", "follow_up", "home_visit", "telehealth", "procedure", "lab", ""})
    item(core::appointment_type_words(type).c_str(), type_colour(type), 0);
  same_line_if_fits(ImGui::CalcTextSize("Status:").x);
  ImGui::TextDisabled("Status:");
  item("proposed", type_colour("office_visit"), 1);
  item("cancelled or no-show", type_colour("office_visit"), 2);
}

void draw_grid(ViewContext& ctx, core::CivilDate first, int count, core::CivilDate today) {
  const CalendarCache& data = calendar_days(ctx, first, count);
  const float gutter = ImGui::CalcTextSize("00:00").x + ImGui::GetStyle().ItemSpacing.x * 1.5f;
  const float width = ImGui::GetContentRegionAvail().x - gutter - ImGui::GetStyle().ScrollbarSize;
  Grid grid;
  grid.days = count;
  grid.hours = data.hours;
  grid.column = std::max(width / static_cast<float>(count), ImGui::GetFontSize() * 2);
  grid.origin = {ImGui::GetCursorScreenPos().x + gutter, 0};
  draw_day_headings(ctx, grid, data, today);

  const float legend_height = ImGui::GetTextLineHeightWithSpacing() * (width < ImGui::GetFontSize() * 45 ? 3.2f : 1.6f);
  ImGui::BeginChild("calendar-grid", {0, -legend_height}, ImGuiChildFlags_None);
  const float minutes = static_cast<float>(grid.hours.end - grid.hours.start);
  const float fit = (ImGui::GetContentRegionAvail().y - ImGui::GetFontSize()) / minutes;
  grid.per_minute = std::max(fit, ImGui::GetFontSize() * kHourHeightInFonts / 60.0f);
  grid.origin = {ImGui::GetCursorScreenPos().x + gutter, ImGui::GetCursorScreenPos().y + ImGui::GetFontSize() * 0.5f};
  draw_background(grid, data, gutter, today, clinic_now(ctx.session));
  draw_blocks(ctx, grid, data);
  draw_booking_target(ctx, grid, data);
  ImGui::SetCursorScreenPos({grid.origin.x - gutter, grid.origin.y + grid.height()});
  ImGui::Dummy({1, ImGui::GetFontSize() * 0.5f});
  if (data.blocks.empty() && !data.days.empty())
    ImGui::GetWindowDrawList()->AddText({grid.origin.x + 8, grid.origin.y + grid.height() * 0.02f + ImGui::GetFontSize() * 1.5f},
                                        ImGui::GetColorU32(ImGuiCol_TextDisabled), "No appointments in these days.");
  ImGui::EndChild();
  draw_legend(ctx);
}

}  // namespace

void draw_calendar(ViewContext& ctx) {
  CalendarState& cal = ctx.ui.calendar;
  const core::CivilDate today = ctx.session.clock().today();
  handle_keys(ctx, cal.day.value_or(today), today);
  draw_toolbar(ctx, cal.day.value_or(today), today);
  const core::CivilDate day = cal.day.value_or(today);
  const core::CivilDate first = first_shown_day(day, cal.week);
  if (calendar_resources(ctx).empty()) {
    ImGui::TextWrapped("No practitioners yet. Add them in the Care team directory, with their working hours, to book here.");
    return;
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const float panel = cal.show_slots ? std::min(ImGui::GetFontSize() * 16, avail * 0.4f) : 0.0f;
  ImGui::BeginChild("calendar-main", {avail - panel - (panel > 0 ? ImGui::GetStyle().ItemSpacing.x : 0), 0});
  draw_grid(ctx, first, shown_day_count(cal.week), today);
  ImGui::EndChild();
  if (cal.show_slots) {
    ImGui::SameLine();
    ImGui::BeginChild("calendar-slots", {0, 0}, ImGuiChildFlags_Border);
    draw_free_slot_panel(ctx, first);
    ImGui::EndChild();
  }
  draw_cancel_question(ctx);
}

}  // namespace ui
