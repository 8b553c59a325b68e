// One section of the patient chart: the patient's records of one kind in a table (the field that
// names the record, then the first few fields of the schema, as columns), with Add, click-to-edit
// and Delete. For records that belong to no patient (clinic holidays, working hours), with no
// patient given: all of them. Only the rows in view are drawn.
#include <imgui.h>

#include "ui/record_text.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

constexpr int kColumns = 4;

// One record's row: its columns (the first opens the record when clicked), then Delete.
template <class T>
void draw_row(ViewContext& ctx, const char* title, const std::string& patient_id,
              const std::vector<const core::FieldSpec<T>*>& columns, const T& record) {
  const core::State& state = ctx.session.state();
  ImGui::TableNextRow();
  ImGui::PushID(record.id.value.c_str());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    ImGui::TableNextColumn();
    const nlohmann::json value = columns[i]->get(record);
    std::string text = columns[i]->kind == core::FieldKind::Reference && value.is_string()
                           ? record_title(state, *columns[i]->refers_to, value.get<std::string>())
                       : columns[i]->kind == core::FieldKind::Choice ? choice_text(value_text(value))
                                                                     : value_text(value);
    if (i == 0) {
      if (ImGui::Selectable((text + "##open").c_str(), false, ImGuiSelectableFlags_AllowOverlap))
        open_record_form(ctx, T::kType, title, record.id.value, patient_id);
      ctx.hook.track(std::string(title) + ":" + text);
    } else {
      ImGui::TextUnformatted(text.c_str());
    }
  }
  ImGui::TableNextColumn();
  if (ImGui::SmallButton("Delete"))
    ctx.ui.pending_delete = PendingDelete{T::kType, record.id.value,
                                          "this " + std::string(title) + " (" + record_title(state, T::kType, record.id.value) + ")"};
  ImGui::PopID();
}

template <class T>
void draw_table(ViewContext& ctx, const char* title, const std::string& patient_id) {
  const core::State& state = ctx.session.state();
  const auto& schema = T::schema();
  const auto* patient_field = schema.field("patient");
  // The field that names the record first (it opens the record when clicked), then the schema's
  // next few.
  std::vector<const core::FieldSpec<T>*> columns;
  for (const char* key : title_fields())
    if (const auto* spec = schema.field(key); spec && columns.empty()) columns.push_back(spec);
  for (const auto& spec : schema.fields)
    if (spec.name != "patient" && spec.kind != core::FieldKind::LongText && columns.size() < kColumns &&
        (columns.empty() || columns.front() != &spec))
      columns.push_back(&spec);
  std::vector<const T*> rows;
  if constexpr (core::PatientOwned<T>) {
    if (!patient_id.empty()) rows = state.records_of<T>(core::Id<core::Patient>{patient_id});  // live, in id order
  } else if (!patient_field && patient_id.empty()) {
    for (const auto& [id, record] : state.table<T>())
      if (!record.deleted) rows.push_back(&record);
  }

  ImGui::SeparatorText(label_text(title).c_str());
  const std::string add = "Add " + std::string(title);
  if (ImGui::SmallButton(add.c_str())) open_record_form(ctx, T::kType, title, "", patient_id);
  ctx.hook.track(add);
  if (rows.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("None recorded.");
    return;
  }
  const std::string table_id = std::string("table-") + title;
  if (!ImGui::BeginTable(table_id.c_str(), kColumns + 1, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
    return;
  for (const auto* c : columns) ImGui::TableSetupColumn(label_text(c->label).c_str());
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  // Only the rows in view are drawn: a clinic's working hours run to thousands of rows.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
      draw_row(ctx, title, patient_id, columns, *rows[static_cast<std::size_t>(row)]);
  ImGui::EndTable();
}

}  // namespace

void draw_record_table(ViewContext& ctx, core::EntityType type, const char* title, const std::string& patient_id) {
  core::visit_entity(type, [&]<class T>() { draw_table<T>(ctx, title, patient_id); });
}

}  // namespace ui
