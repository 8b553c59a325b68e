// The status bar (save state, storage, counts) and the warnings found when the data was opened.
#include <imgui.h>

#include "view_context.hpp"

namespace ui {
namespace {

struct SaveLabel {
  const char* text;
  ImVec4 colour;
};

SaveLabel save_label(ShellStatus::Save save) {
  switch (save) {
    case ShellStatus::Save::Saved: return {"Saved", {0.10f, 0.50f, 0.20f, 1.0f}};
    case ShellStatus::Save::Saving: return {"Saving\xE2\x80\xA6", {0.55f, 0.45f, 0.05f, 1.0f}};
    case ShellStatus::Save::Failed: return {"Not saved", {0.75f, 0.10f, 0.10f, 1.0f}};
    case ShellStatus::Save::NotKept: return {"Not kept", {0.75f, 0.10f, 0.10f, 1.0f}};
  }
  return {"?", {}};
}

}  // namespace

void draw_warnings(ViewContext& ctx) {
  auto show = [&](const std::string& text, ImVec4 bg, const char* label, bool dismissible) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
    const float height = ImGui::GetTextLineHeightWithSpacing() * 2.4f;
    ImGui::BeginChild(label, {0, height}, ImGuiChildFlags_Border);
    ImGui::TextWrapped("%s", text.c_str());
    ctx.hook.track(label);
    bool dismissed = dismissible && ImGui::SmallButton("Dismiss");
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return dismissed;
  };
  if (ctx.shell.save == ShellStatus::Save::NotKept)
    show(ctx.shell.save_detail, {1.0f, 0.86f, 0.86f, 1.0f}, "banner:not-kept", false);
  for (std::size_t i = 0; i < ctx.ui.warnings.size(); ++i) {
    if (show(ctx.ui.warnings[i], {1.0f, 0.95f, 0.80f, 1.0f}, ("banner:warning" + std::to_string(i)).c_str(), true)) {
      ctx.ui.warnings.erase(ctx.ui.warnings.begin() + static_cast<long>(i));
      break;
    }
  }
}

void draw_status_bar(ViewContext& ctx) {
  ImGui::Separator();
  SaveLabel save = save_label(ctx.shell.save);
  ImGui::TextColored(save.colour, "%s", save.text);
  ctx.hook.track(std::string("save:") + save.text);
  if (ctx.shell.save == ShellStatus::Save::Failed) {
    ImGui::SameLine();
    ImGui::TextColored(save.colour, "(%s)", ctx.shell.save_detail.c_str());
  }
  if (!ctx.shell.storage_note.empty()) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::TextDisabled("%s", ctx.shell.storage_note.c_str());
  }
  if (ctx.ui.tidying >= 0.0f) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::ProgressBar(ctx.ui.tidying, {ImGui::GetFontSize() * 12, ImGui::GetTextLineHeight()}, "Tidying saved data");
    ctx.hook.track("tidying");
    ImGui::SetItemTooltip("Folding recent changes into one file, so that opening stays quick. Work on as usual.");
  }
  if (!ctx.shell.online) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::TextDisabled("Offline");
  }
  if (!ctx.ui.notice.empty()) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::TextUnformatted(ctx.ui.notice.c_str());
    ctx.hook.track("notice");
  }
  const std::size_t count = live_patient_count(ctx);
  const std::string right = std::to_string(count) + (count == 1 ? " patient" : " patients");
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(right.c_str()).x);
  ImGui::TextDisabled("%s", right.c_str());
}

std::size_t live_patient_count(ViewContext& ctx) {
  auto& cached = ctx.ui.patient_count;
  if (cached.version != ctx.ui.data_version) {
    cached.live = 0;
    for (const auto& [id, p] : ctx.session.state().table<core::Patient>()) cached.live += !p.deleted;
    cached.version = ctx.ui.data_version;
  }
  return cached.live;
}

}  // namespace ui
