// Booking from the Calendar screen: the "Find free slots" panel (for whom, how long, over which
// days, then the practitioner's earliest free slots, each one click from a filled-in appointment
// form), and the question asked before an appointment or the rest of its series is cancelled.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cctype>

#include "calendar_data.hpp"
#include "core/scheduling/appointment_time.hpp"
#include "core/scheduling/recurrence.hpp"
#include "core/state.hpp"
#include "ui/theme.hpp"

namespace ui {
namespace {

constexpr std::size_t kMaxSlots = 40;
constexpr std::size_t kMaxPatientMatches = 6;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The patient being booked: the one chosen here, else the open chart's.
std::string booking_patient(ViewContext& ctx) {
  const std::string& id = ctx.ui.calendar.patient.empty() ? ctx.ui.open_patient : ctx.ui.calendar.patient;
  return ctx.session.state().find(core::Id<core::Patient>{id}) ? id : "";
}

const std::vector<core::FreeSlot>& free_slots(ViewContext& ctx, const std::string& practitioner, core::CivilDate from) {
  CalendarCache& cache = calendar_cache(ctx);
  const CalendarState& cal = ctx.ui.calendar;
  const core::Minutes now = clinic_now(ctx.session);
  const std::string key = std::to_string(ctx.ui.data_version) + "|" + practitioner + "|" +
                          std::to_string(cal.slot_minutes) + "|" + core::format_civil_date(from) + "|" +
                          std::to_string(cal.search_days) + "|" + std::to_string(now / 5);
  if (cache.slots_key != key) {
    core::SlotQuery query;
    query.practitioner = core::Id<core::Practitioner>{practitioner};
    query.duration_minutes = cal.slot_minutes;
    query.from = from;
    query.to = add_days(from, cal.search_days - 1);
    query.not_before = now;
    query.max_results = kMaxSlots;
    cache.slots = core::next_free_slots(ctx.session.state(), query);
    cache.slots_key = key;
  }
  return cache.slots;
}

const std::vector<std::string>& patient_matches(ViewContext& ctx) {
  CalendarCache& cache = calendar_cache(ctx);
  const std::string query = lower(ctx.ui.calendar.patient_query);
  const std::string key = std::to_string(ctx.ui.data_version) + "|" + query;
  if (cache.patients_key == key) return cache.patient_matches;
  cache.patient_matches.clear();
  if (!query.empty())
    for (const core::Patient* p : ctx.session.state().patients_by_name()) {
      if (lower(p->display_name()).find(query) == std::string::npos && lower(p->mrn).find(query) == std::string::npos)
        continue;
      cache.patient_matches.push_back(p->id.value);
      if (cache.patient_matches.size() == kMaxPatientMatches) break;
    }
  cache.patients_key = key;
  return cache.patient_matches;
}

void draw_patient_choice(ViewContext& ctx) {
  CalendarState& cal = ctx.ui.calendar;
  const core::State& state = ctx.session.state();
  const std::string patient = booking_patient(ctx);
  ImGui::TextDisabled("For");
  if (!patient.empty()) {
    const core::Patient* p = state.find(core::Id<core::Patient>{patient});
    ImGui::TextWrapped("%s", p->display_name().c_str());
    if (!cal.patient.empty() || !ctx.ui.open_patient.empty()) {
      if (ImGui::SmallButton("Someone else")) {
        cal.patient.clear();
        cal.patient_query.clear();
        if (patient == ctx.ui.open_patient) cal.patient = "-";  // not the open chart's patient either
      }
      ctx.hook.track("cal:other-patient");
    }
    return;
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputTextWithHint("##find-patient", "name or MRN", &cal.patient_query);
  ctx.hook.track("cal:patient-search", cal.patient_query);
  for (const std::string& id : patient_matches(ctx)) {
    const core::Patient* p = state.find(core::Id<core::Patient>{id});
    if (!p) continue;
    const std::string label = p->display_name() + (p->mrn.empty() ? "" : "  " + p->mrn) + "##" + id;
    if (ImGui::Selectable(label.c_str())) {
      cal.patient = id;
      cal.message.clear();
    }
    ctx.hook.track("cal:patient:" + p->display_name());
  }
}

void draw_search_options(ViewContext& ctx) {
  CalendarState& cal = ctx.ui.calendar;
  ImGui::TextDisabled("How long");
  for (int minutes : {15, 30, 45, 60}) {
    const std::string label = std::to_string(minutes) + " min";
    const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x;
    if (minutes != 15 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <=
                             ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
      ImGui::SameLine();
    if (ImGui::RadioButton(label.c_str(), cal.slot_minutes == minutes)) cal.slot_minutes = minutes;
    ctx.hook.track("cal:duration:" + std::to_string(minutes));
  }
  ImGui::TextDisabled("Over");
  ImGui::SetNextItemWidth(-FLT_MIN);
  static const std::pair<int, const char*> kRanges[] = {{1, "that day"}, {7, "a week"}, {14, "two weeks"}, {28, "four weeks"}};
  const char* shown = "a week";
  for (const auto& [days, words] : kRanges)
    if (days == cal.search_days) shown = words;
  if (ImGui::BeginCombo("##range", shown)) {
    for (const auto& [days, words] : kRanges)
      if (ImGui::Selectable(words, days == cal.search_days)) cal.search_days = days;
    ImGui::EndCombo();
  }
  ctx.hook.track("cal:range");
}

}  // namespace

void open_booking(ViewContext& ctx, const std::string& start, const std::string& end, const std::string& location) {
  CalendarState& cal = ctx.ui.calendar;
  const std::string patient = booking_patient(ctx);
  if (patient.empty()) {
    cal.message = "Choose whom to book first: type the patient's name under \"For\".";
    cal.show_slots = true;
    ctx.ui.notice = cal.message;
    return;
  }
  cal.message.clear();
  const std::string resource = shown_resource(ctx);
  open_record_form(ctx, core::EntityType::Appointment, "appointment", "", patient);
  RecordForm& form = ctx.ui.record_form;
  form.text["practitioner"] = practitioner_of(resource);
  form.text["start"] = start;
  form.text["end"] = end;
  form.text["time_zone"] = clinic_zone_name(ctx.session.state());
  form.text["location"] = location.empty() && resource.rfind("room:", 0) == 0 ? resource_label(ctx, resource).substr(6) : location;
  form.text["type"] = "office_visit";
  form.text["status"] = "booked";
}

void draw_free_slot_panel(ViewContext& ctx, core::CivilDate from) {
  CalendarState& cal = ctx.ui.calendar;
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("Find free slots");
  ImGui::PopFont();
  const std::string practitioner = practitioner_of(shown_resource(ctx));
  if (practitioner.empty()) {
    ImGui::TextWrapped("Choose a practitioner above to see when they are free.");
    return;
  }
  draw_patient_choice(ctx);
  draw_search_options(ctx);
  if (!cal.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, alert_colour());
    ImGui::TextWrapped("%s", cal.message.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  const auto& slots = free_slots(ctx, practitioner, std::max(from, ctx.session.clock().today()));
  if (slots.empty()) ImGui::TextWrapped("No free time of that length in these days. Try a longer range.");
  ImGui::BeginChild("slots");
  std::string last_day;
  for (const core::FreeSlot& slot : slots) {
    const std::string day = slot.start.substr(0, 10);
    if (day != last_day) {
      if (auto date = core::parse_civil_date(day)) ImGui::SeparatorText(day_heading(*date, false).c_str());
      last_day = day;
    }
    const std::string label = slot.start.substr(11) + "-" + slot.end.substr(11) +
                              (slot.location.empty() ? "" : "  " + slot.location) + "##" + slot.start;
    if (ImGui::Selectable(label.c_str())) open_booking(ctx, slot.start, slot.end, slot.location);
    if (auto date = core::parse_civil_date(day))
      ImGui::SetItemTooltip("Book %s at %s", day_heading(*date, true).c_str(), slot.start.substr(11).c_str());
    ctx.hook.track("slot:" + slot.start);
  }
  ImGui::EndChild();
}

void draw_cancel_question(ViewContext& ctx) {
  CalendarState& cal = ctx.ui.calendar;
  if (cal.confirm_cancel.empty()) return;
  const core::State& state = ctx.session.state();
  const core::Appointment* a = state.find(core::Id<core::Appointment>{cal.confirm_cancel});
  if (!a) {
    cal.confirm_cancel.clear();
    return;
  }
  if (!ImGui::IsPopupOpen("###cal-cancel")) ImGui::OpenPopup("###cal-cancel");
  if (!ImGui::BeginPopupModal("Cancel?###cal-cancel", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  const core::Patient* p = state.find(a->patient);
  const std::string who = p ? p->display_name() : "the patient";
  const std::string when = a->start.substr(0, 10) + " " + a->start.substr(11);
  core::Action action = core::UpdateRecord{core::EntityType::Appointment, a->id.value, {{"status", "cancelled"}}};
  std::string problem;
  if (cal.confirm_series) {
    auto group = core::cancel_rest_of_series(state, a->id);
    if (group) {
      ImGui::Text("Cancel %zu appointment%s of %s's series, from %s on?", group.value().steps.size(),
                  group.value().steps.size() == 1 ? "" : "s", who.c_str(), when.c_str());
      if (!a->recurrence.empty()) ImGui::TextDisabled("The series: %s.", a->recurrence.c_str());
      action = std::move(group.value());
    } else {
      problem = group.error().message;
    }
  } else {
    ImGui::Text("Cancel %s's appointment on %s?", who.c_str(), when.c_str());
  }
  ImGui::TextDisabled("Their time becomes free for others. Ctrl+Z brings them back.");
  if (!problem.empty()) ImGui::TextColored(alert_colour(), "%s", problem.c_str());
  ImGui::BeginDisabled(!problem.empty());
  const bool yes = ImGui::Button(cal.confirm_series ? "Cancel them" : "Cancel it");
  ImGui::EndDisabled();
  ctx.hook.track("Confirm cancel");
  ImGui::SameLine();
  const bool no = ImGui::Button(cal.confirm_series ? "Keep them" : "Keep it") || ImGui::IsKeyPressed(ImGuiKey_Escape);
  ctx.hook.track("Keep appointments");
  if (yes) ctx.outbox.push_back(std::move(action));
  if (yes || no) {
    cal.confirm_cancel.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace ui
