// The referrals and prior-authorizations boards: one column per stage, one card per record (who,
// what, since when), a click on the card to edit it and a button to move it to the next stage.
// Each column draws only the cards in view, so a clinic-wide board stays quick.
#include <imgui.h>

#include <functional>

#include "ui/record_text.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

struct Stage {
  const char* title;
  std::vector<std::string> statuses;  // the records' statuses shown in this column
  const char* next;                   // the status the column's button moves a card to, or nullptr
  const char* next_label;
};

const std::vector<Stage>& referral_stages() {
  static const std::vector<Stage> stages = {
      {"Draft", {"draft", ""}, "sent", "Mark sent"},
      {"Sent", {"sent"}, "scheduled", "Visit booked"},
      {"Scheduled", {"scheduled"}, "completed", "Report back"},
      {"Completed", {"completed"}, nullptr, nullptr},
      {"Cancelled or declined", {"cancelled", "declined"}, nullptr, nullptr},
  };
  return stages;
}

const std::vector<Stage>& authorization_stages() {
  static const std::vector<Stage> stages = {
      {"Needed", {"needed", ""}, "submitted", "Mark submitted"},
      {"Submitted", {"submitted", "requested", "pending"}, "approved", "Approved"},
      {"Approved", {"approved"}, nullptr, nullptr},
      {"Denied or appealed", {"denied", "appealed"}, "appealed", "Appeal"},
      {"Expired or cancelled", {"expired", "cancelled"}, nullptr, nullptr},
  };
  return stages;
}

struct Card {
  std::string id, title, detail;
};

template <class T>
std::vector<std::vector<Card>> cards(const core::State& state, const std::vector<Stage>& stages,
                                     const std::function<Card(const T&)>& describe) {
  std::vector<std::vector<Card>> columns(stages.size());
  for (const auto& [id, record] : state.table<T>()) {
    if (record.deleted) continue;
    for (std::size_t i = 0; i < stages.size(); ++i)
      for (const std::string& status : stages[i].statuses)
        if (record.status == status) columns[i].push_back(describe(record));
  }
  return columns;
}

Card referral_card(const core::State& state, const core::Referral& r) {
  std::string to = !r.to_practitioner.value.empty() ? record_title(state, core::EntityType::Practitioner, r.to_practitioner.value)
                   : !r.to_organization.value.empty() ? record_title(state, core::EntityType::Organization, r.to_organization.value)
                                                      : "";
  std::string detail = r.reason;
  if (!to.empty()) detail += (detail.empty() ? "To " : ", to ") + to;
  if (r.sent_date) detail += ", sent " + core::format_civil_date(*r.sent_date);
  if (r.urgency == "urgent") detail = "URGENT  " + detail;
  return {r.id.value, record_title(state, core::EntityType::Patient, r.patient.value), detail};
}

Card authorization_card(const core::State& state, const core::PriorAuthorization& a) {
  std::string detail = a.service;
  if (!a.service_code.empty()) detail += " (" + a.service_code + ")";
  if (a.valid_to) detail += ", valid to " + core::format_civil_date(*a.valid_to);
  if (a.units_approved) detail += ", " + std::to_string(a.units_used.value_or(0)) + "/" + std::to_string(*a.units_approved) + " units";
  return {a.id.value, record_title(state, core::EntityType::Patient, a.patient.value), detail};
}

void draw_board(ViewContext& ctx, core::EntityType type, const char* title, const std::vector<Stage>& stages,
                const std::vector<std::vector<Card>>& columns) {
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable(title, static_cast<int>(stages.size()), flags, ImGui::GetContentRegionAvail())) return;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const std::string header = std::string(stages[i].title) + " (" + std::to_string(columns[i].size()) + ")";
    ImGui::TableSetupColumn(header.c_str());
  }
  ImGui::TableHeadersRow();
  ImGui::TableNextRow();
  const float card_height = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetFrameHeightWithSpacing();
  for (std::size_t i = 0; i < stages.size(); ++i) {
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(i));
    ImGui::BeginChild("column", {0, 0});
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(columns[i].size()), card_height);
    while (clipper.Step()) {
      for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
        const Card& card = columns[i][static_cast<std::size_t>(k)];
        ImGui::PushID(card.id.c_str());
        if (ImGui::Selectable(card.title.c_str())) open_record_form(ctx, type, title, card.id, "");
        ctx.hook.track(std::string(title) + "-card:" + card.title);
        ImGui::TextDisabled("%s", card.detail.c_str());
        ImGui::SetItemTooltip("%s", card.detail.c_str());
        if (stages[i].next) {
          if (ImGui::SmallButton(stages[i].next_label))
            ctx.outbox.push_back(core::UpdateRecord{type, card.id, {{"status", stages[i].next}}});
        } else {
          ImGui::Dummy({0, ImGui::GetFrameHeight()});
        }
        ImGui::PopID();
      }
    }
    ImGui::EndChild();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

// The cards of both boards, as last built from the data.
struct BoardsCache {
  long version = -1;
  std::vector<std::vector<Card>> referrals, authorizations;
};

void draw_boards(ViewContext& ctx) {
  const core::State& state = ctx.session.state();
  if (!ctx.ui.boards) ctx.ui.boards = std::make_shared<BoardsCache>();
  BoardsCache& cache = *ctx.ui.boards;
  if (cache.version != ctx.ui.data_version) {
    cache.referrals = cards<core::Referral>(state, referral_stages(), [&](const core::Referral& r) { return referral_card(state, r); });
    cache.authorizations = cards<core::PriorAuthorization>(
        state, authorization_stages(), [&](const core::PriorAuthorization& a) { return authorization_card(state, a); });
    cache.version = ctx.ui.data_version;
  }
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("Referrals and authorizations");
  ImGui::PopFont();
  if (!ImGui::BeginTabBar("boards")) return;
  const bool referrals = ImGui::BeginTabItem("Referrals");
  ctx.hook.track("tab:Referrals");
  if (referrals) {
    draw_board(ctx, core::EntityType::Referral, "referral", referral_stages(), cache.referrals);
    ImGui::EndTabItem();
  }
  const bool authorizations = ImGui::BeginTabItem("Prior authorizations");
  ctx.hook.track("tab:Prior authorizations");
  if (authorizations) {
    draw_board(ctx, core::EntityType::PriorAuthorization, "prior authorization", authorization_stages(), cache.authorizations);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace ui
