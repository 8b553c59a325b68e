// The Today screen: the coordinator's prioritized worklist, grouped by kind, each item saying why it
// is there, with its action one click away (log the call, book the visit, open the record), and
// "Done" and "Snooze" on every item. Snoozing asks until when and why.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <ctime>
#include <map>

#include "core/worklist/item_kinds.hpp"
#include "ui/chart_sections.hpp"
#include "ui/record_text.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

// "YYYY-MM-DDTHH:MM" now, on this device's clock: when a call being logged happened.
std::string local_now() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[20];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M", &local);
  return text;
}

const std::vector<core::WorkItem>& worklist(ViewContext& ctx) {
  TodayState& today = ctx.ui.today;
  const core::CivilDate date = ctx.session.clock().today();
  const std::string coordinator = today.whole_clinic ? "" : ctx.ui.coordinator;
  const std::string key = coordinator + "|" + core::format_civil_date(date);
  if (today.version != ctx.ui.data_version || today.computed_for != key) {
    today.items = core::compute_worklist(ctx.session.state(), {coordinator, date});
    today.version = ctx.ui.data_version;
    today.computed_for = key;
  }
  return today.items;
}

// The action that deals with an item, as a button label, or nullptr when "Done" is the action.
const char* action_label(const core::WorkItem& item) {
  if (item.kind == "task_due") return nullptr;
  if (item.kind == "follow_up_unscheduled" || item.kind == "tcm_visit") return "Book visit";
  if (item.kind == "confirm_appointment" || item.kind == "no_show_outreach" || item.kind == "not_contacted" ||
      item.kind == "tcm_contact" || item.kind == "coverage_ending" || item.kind == "teach_back_failed")
    return "Log call";
  return "Open";
}

// What a record of this type is called in the chart's "Add ..." buttons, e.g. "hospital stay or visit".
std::string title_of(core::EntityType type) {
  for (const ChartTab& tab : chart_tabs())
    for (const ChartSection& section : tab.sections)
      if (section.type == type) return section.title;
  return core::entity_name(type);
}

void take_action(ViewContext& ctx, const core::WorkItem& item) {
  const std::string label = action_label(item);
  if (label == "Book visit") {
    open_record_form(ctx, core::EntityType::Appointment, "appointment", "", item.patient.value);
    ctx.ui.record_form.text["type"] = "follow-up";
  } else if (label == "Log call") {
    open_record_form(ctx, core::EntityType::Note, "call", "", item.patient.value);
    ctx.ui.record_form.text["kind"] = "call";
    ctx.ui.record_form.text["direction"] = "outbound";
    ctx.ui.record_form.text["at"] = local_now();
  } else {
    open_record_form(ctx, item.subject_type, title_of(item.subject_type), item.subject_id, item.patient.value);
  }
}

void open_snooze(TodayState& today, const core::WorkItem& item, core::CivilDate date) {
  today.snoozing = item.key;
  today.snooze_until = core::format_civil_date(core::CivilDate{date::sys_days(date) + date::days{1}});
  today.snooze_reason.clear();
  today.snooze_error.clear();
}

// The snooze question, for the item whose "Snooze" was chosen: until when, and why.
void draw_snooze_popup(ViewContext& ctx, const std::vector<core::WorkItem>& items) {
  TodayState& today = ctx.ui.today;
  if (!today.snoozing.empty() && !ImGui::IsPopupOpen("Snooze###snooze")) ImGui::OpenPopup("Snooze###snooze");
  bool open = !today.snoozing.empty();
  if (!ImGui::BeginPopupModal("Snooze###snooze", &open, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const core::WorkItem* item = nullptr;
  for (const core::WorkItem& candidate : items)
    if (candidate.key == today.snoozing) item = &candidate;
  if (!open || !item) {
    today.snoozing.clear();
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::TextUnformatted(item->reason.c_str());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::InputText("until (YYYY-MM-DD)", &today.snooze_until);
  ctx.hook.track("snooze:until", today.snooze_until);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
  ImGui::InputTextWithHint("why", "e.g. patient travelling until then", &today.snooze_reason);
  ctx.hook.track("snooze:reason", today.snooze_reason);
  if (!today.snooze_error.empty()) ImGui::TextColored(alert_colour(), "%s", today.snooze_error.c_str());
  if (ImGui::Button("Snooze item") || ImGui::IsKeyPressed(ImGuiKey_Enter)) {
    const auto until = core::parse_civil_date(today.snooze_until);
    if (!until || *until <= ctx.session.clock().today()) {
      today.snooze_error = "Snooze until a date after today, written YYYY-MM-DD.";
    } else if (today.snooze_reason.empty()) {
      today.snooze_error = "Say why the item waits, so the next person knows.";
    } else {
      ctx.outbox.push_back(core::snooze_item(ctx.session.state(), *item, *until, today.snooze_reason));
      today.snoozing.clear();
      ImGui::CloseCurrentPopup();
    }
  }
  ctx.hook.track("Snooze item");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    today.snoozing.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

constexpr int kColumnsRoomy = 5;
constexpr float kRoomyEms = 55;  // the width, in font sizes, from which "what next" has a column

// One item as a table row: when, who, why, what next, and its buttons.
void draw_item(ViewContext& ctx, const core::WorkItem& item) {
  const core::State& state = ctx.session.state();
  ImGui::PushID(item.key.c_str());
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  if (item.overdue) ImGui::TextColored(alert_colour(), "Overdue");
  else ImGui::TextUnformatted(core::format_civil_date(item.due).c_str());
  ImGui::TableNextColumn();
  if (!item.patient.value.empty()) {
    const std::string name = record_title(state, core::EntityType::Patient, item.patient.value);
    if (ImGui::Selectable(name.c_str())) {
      ctx.ui.open_patient = item.patient.value;
      ctx.ui.screen = Screen::Patients;
    }
    ImGui::SetItemTooltip("Open the chart");
  }
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(item.reason.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\nNext: %s", item.reason.c_str(), item.next_action.c_str());
  ctx.hook.track("item:" + item.reason);
  if (ImGui::TableGetColumnCount() == kColumnsRoomy) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", item.next_action.c_str());
  }
  ImGui::TableNextColumn();
  if (const char* label = action_label(item)) {
    if (ImGui::SmallButton(label)) take_action(ctx, item);
    ctx.hook.track(std::string(label) + ":" + item.reason);
    ImGui::SameLine();
  }
  if (ImGui::SmallButton("Done")) ctx.outbox.push_back(core::mark_item_done(state, item));
  ctx.hook.track("Done:" + item.reason);
  ImGui::SameLine();
  if (ImGui::SmallButton("Snooze")) open_snooze(ctx.ui.today, item, ctx.session.clock().today());
  ctx.hook.track("Snooze:" + item.reason);
  ImGui::PopID();
}

// A kind's items in a table, drawing only the rows in view (a whole clinic can have thousands).
void draw_group(ViewContext& ctx, const std::vector<const core::WorkItem*>& rows) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  // Where the row is narrow (a tablet, a large font) "what next" is left to the tooltip of "why".
  const bool roomy = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * kRoomyEms;
  if (!ImGui::BeginTable("items", roomy ? kColumnsRoomy : kColumnsRoomy - 1, flags)) return;
  ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000-00-00").x);
  ImGui::TableSetupColumn("Patient", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  if (roomy) ImGui::TableSetupColumn("Next", ImGuiTableColumnFlags_WidthStretch, 1.3f);
  ImGui::TableSetupColumn("Actions", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) draw_item(ctx, *rows[static_cast<std::size_t>(row)]);
  ImGui::EndTable();
}

void draw_filters(ViewContext& ctx, const std::map<std::string, int>& counts) {
  TodayState& today = ctx.ui.today;
  int scope = today.whole_clinic ? 1 : 0;
  const std::string mine = ctx.ui.coordinator.empty() ? "Mine (choose who you are in Settings)" : "Mine";
  if (ImGui::RadioButton(mine.c_str(), &scope, 0)) today.whole_clinic = false;
  ctx.hook.track("today:mine");
  ImGui::SameLine();
  if (ImGui::RadioButton("Whole clinic", &scope, 1)) today.whole_clinic = true;
  ctx.hook.track("today:clinic");
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  std::string shown = "Every kind";
  for (const core::ItemKind& kind : core::item_kinds())
    if (today.kind == kind.name) shown = kind.title;
  if (ImGui::BeginCombo("##kind", shown.c_str())) {
    if (ImGui::Selectable("Every kind", today.kind.empty())) today.kind.clear();
    for (const core::ItemKind& kind : core::item_kinds()) {
      const auto found = counts.find(kind.name);
      if (found == counts.end()) continue;
      const std::string label = std::string(kind.title) + " (" + std::to_string(found->second) + ")";
      if (ImGui::Selectable(label.c_str(), today.kind == kind.name)) today.kind = kind.name;
    }
    ImGui::EndCombo();
  }
  ctx.hook.track("today:kind");
}

}  // namespace

void draw_today(ViewContext& ctx) {
  // "Mine" needs to know who is signed in; with nobody chosen yet the clinic's list is shown.
  if (ctx.ui.coordinator.empty()) ctx.ui.today.whole_clinic = true;
  const std::vector<core::WorkItem>& items = worklist(ctx);
  std::map<std::string, int> counts;
  int overdue = 0;
  for (const core::WorkItem& item : items) {
    ++counts[item.kind];
    overdue += item.overdue ? 1 : 0;
  }
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("Today");
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s   %zu items, %d overdue", core::format_civil_date(ctx.session.clock().today()).c_str(),
                      items.size(), overdue);
  draw_filters(ctx, counts);
  ImGui::BeginChild("worklist");
  if (items.empty()) ImGui::TextDisabled("Nothing is due. New work appears here as it falls due.");
  for (const core::ItemKind& kind : core::item_kinds()) {
    const auto found = counts.find(kind.name);
    if (found == counts.end() || (!ctx.ui.today.kind.empty() && ctx.ui.today.kind != kind.name)) continue;
    const std::string header = std::string(kind.title) + " (" + std::to_string(found->second) + ")###" + kind.name;
    const bool open = ImGui::CollapsingHeader(header.c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ctx.hook.track(std::string("group:") + kind.title);
    if (!open) continue;
    std::vector<const core::WorkItem*> rows;
    for (const core::WorkItem& item : items)
      if (item.kind == kind.name) rows.push_back(&item);
    ImGui::PushID(kind.name);
    draw_group(ctx, rows);
    ImGui::PopID();
  }
  ImGui::EndChild();
  draw_snooze_popup(ctx, items);
}

}  // namespace ui
