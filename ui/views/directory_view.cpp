// The care team directory: the practitioners and organizations the clinic works with, filtered as
// the coordinator types (name, role, specialty, organization, phone), with a click to edit and the
// entry points to add one. Only the rows in view are drawn, so a directory of thousands stays quick.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cctype>

#include "ui/record_text.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Every live practitioner and organization, by name; rebuilt when the data changes.
const std::vector<DirectoryRow>& rows(ViewContext& ctx) {
  DirectoryState& directory = ctx.ui.directory;
  if (directory.version == ctx.ui.data_version) return directory.rows;
  const core::State& state = ctx.session.state();
  directory.rows.clear();
  for (const auto& [id, p] : state.table<core::Practitioner>()) {
    if (p.deleted) continue;
    std::string kind = choice_text(p.role);
    if (!p.specialty.empty()) kind += (kind.empty() ? "" : ", ") + p.specialty;
    directory.rows.push_back({core::EntityType::Practitioner, id.value, p.name + (p.credentials.empty() ? "" : ", " + p.credentials),
                              kind, p.organization.value.empty() ? "" : record_title(state, core::EntityType::Organization, p.organization.value),
                              p.phones.empty() ? "" : p.phones.front()});
  }
  for (const auto& [id, o] : state.table<core::Organization>())
    if (!o.deleted) directory.rows.push_back({core::EntityType::Organization, id.value, o.name, choice_text(o.kind), o.city, o.phone});
  std::sort(directory.rows.begin(), directory.rows.end(), [](const DirectoryRow& a, const DirectoryRow& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
  directory.version = ctx.ui.data_version;
  directory.filtered_for = "\x01";
  return directory.rows;
}

// The rows matching what is typed (every word somewhere in the row) and the kind chosen.
const std::vector<const DirectoryRow*>& shown(ViewContext& ctx) {
  DirectoryState& directory = ctx.ui.directory;
  const std::vector<DirectoryRow>& all = rows(ctx);
  const std::string key = directory.query + "|" + std::to_string(directory.show);
  if (directory.filtered_for == key) return directory.filtered;
  std::vector<std::string> words;
  std::string word;
  for (char c : lower(directory.query) + " ") {
    if (c != ' ') word += c;
    else if (!word.empty()) words.push_back(std::exchange(word, {}));
  }
  directory.filtered.clear();
  for (const DirectoryRow& row : all) {
    if (directory.show == 1 && row.type != core::EntityType::Practitioner) continue;
    if (directory.show == 2 && row.type != core::EntityType::Organization) continue;
    const std::string text = lower(row.name + " " + row.kind + " " + row.organization + " " + row.phone);
    if (std::all_of(words.begin(), words.end(), [&](const std::string& w) { return text.find(w) != std::string::npos; }))
      directory.filtered.push_back(&row);
  }
  directory.filtered_for = key;
  return directory.filtered;
}

}  // namespace

void draw_directory(ViewContext& ctx) {
  DirectoryState& directory = ctx.ui.directory;
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted("Care team directory");
  ImGui::PopFont();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputTextWithHint("##directory-search", "name, role, specialty, place or phone", &directory.query);
  ctx.hook.track("directory:search", directory.query);
  ImGui::SameLine();
  ImGui::RadioButton("Everyone", &directory.show, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Practitioners", &directory.show, 1);
  ImGui::SameLine();
  ImGui::RadioButton("Organizations", &directory.show, 2);
  if (ImGui::Button("Add practitioner")) open_record_form(ctx, core::EntityType::Practitioner, "practitioner", "", "");
  ctx.hook.track("Add practitioner");
  ImGui::SameLine();
  if (ImGui::Button("Add organization")) open_record_form(ctx, core::EntityType::Organization, "organization", "", "");
  ctx.hook.track("Add organization");

  const std::vector<const DirectoryRow*>& found = shown(ctx);
  ImGui::SameLine();
  ImGui::TextDisabled("%zu shown", found.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("directory", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Role or kind", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn("Organization or city", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Phone", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(found.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const DirectoryRow& row = *found[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(row.id.c_str());
      const bool practitioner = row.type == core::EntityType::Practitioner;
      if (ImGui::Selectable(row.name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
        open_record_form(ctx, row.type, practitioner ? "practitioner" : "organization", row.id, "");
      ctx.hook.track("directory:" + row.name);
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.kind.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.organization.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.phone.c_str());
    }
  }
  ImGui::EndTable();
}

}  // namespace ui
