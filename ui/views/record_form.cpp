// The generic add/edit form: one input per schema field, chosen by the field's kind, with the
// core's message under each field that was refused. Also the "Delete …?" confirmation.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "ui/record_text.hpp"
#include "view_context.hpp"

namespace ui {
namespace {

// While a medication is typed, the patient's allergies that it may touch (same drug, same class
// or a cross-reactive class), worked out again only when the name or the data changes.
const std::vector<core::AllergyWarning>& medication_warnings(ViewContext& ctx) {
  RecordForm& form = ctx.ui.record_form;
  const std::string& name = form.text["name"];
  if (form.warned_name != name || form.warned_version != ctx.ui.data_version) {
    form.warned_name = name;
    form.warned_version = ctx.ui.data_version;
    form.allergy_warnings.clear();
    if (ctx.allergy_table && !name.empty())
      form.allergy_warnings = core::allergy_warnings(*ctx.allergy_table, ctx.session.state(),
                                                     core::Id<core::Patient>{form.patient_id}, name);
  }
  return form.allergy_warnings;
}

// Returns whether there is a warning to heed.
bool draw_allergy_warnings(ViewContext& ctx) {
  if (ctx.ui.record_form.type != core::EntityType::Medication) return false;
  const auto& warnings = medication_warnings(ctx);
  for (const core::AllergyWarning& w : warnings) {
    ImGui::PushStyleColor(ImGuiCol_Text, alert_colour());
    ImGui::TextWrapped("Allergy warning%s: %s", w.severity.empty() ? "" : (" (" + w.severity + ")").c_str(),
                       w.sentence.c_str());
    ImGui::PopStyleColor();
    ctx.hook.track("allergy-warning");
    if (w.source.empty()) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("Source: %s", w.source.c_str());
    ImGui::PopStyleColor();
  }
  return !warnings.empty();
}

const char* hint_for(core::FieldKind kind) {
  switch (kind) {
    case core::FieldKind::Date: return "YYYY-MM-DD";
    case core::FieldKind::DateTime: return "YYYY-MM-DDTHH:MM";
    case core::FieldKind::Time: return "HH:MM";
    case core::FieldKind::TextList: return "separate several with commas";
    default: return "";
  }
}

// A picker of live records of the target type (limited to this patient's where they have one).
void reference_picker(ViewContext& ctx, core::EntityType target, const std::string& id_label, std::string& value) {
  const core::State& state = ctx.session.state();
  const std::string shown = value.empty() ? "(none)" : record_title(state, target, value);
  if (!ImGui::BeginCombo(id_label.c_str(), shown.c_str())) return;
  if (ImGui::Selectable("(none)", value.empty())) value.clear();
  core::visit_entity(target, [&]<class T>() {
    const auto* patient_field = T::schema().field("patient");
    for (const auto& [id, record] : state.table<T>()) {
      if (record.deleted) continue;
      if (patient_field && patient_field->get(record) != nlohmann::json(ctx.ui.record_form.patient_id)) continue;
      const std::string title = record_title(state, target, id.value) + "##" + id.value;
      if (ImGui::Selectable(title.c_str(), value == id.value)) value = id.value;
      ctx.hook.track("option:" + record_title(state, target, id.value));
    }
  });
  ImGui::EndCombo();
}

template <class T>
void draw_fields(ViewContext& ctx) {
  RecordForm& form = ctx.ui.record_form;
  for (const auto& spec : T::schema().fields) {
    if (spec.name == "patient") continue;  // fixed: the chart's patient
    ImGui::TextUnformatted(label_text(spec.label).c_str());
    if (spec.required) {
      ImGui::SameLine(0, 4);
      ImGui::TextDisabled("required");
    }
    const std::string id = "##" + spec.name;
    std::string& text = form.text[spec.name];
    ImGui::SetNextItemWidth(-FLT_MIN);
    switch (spec.kind) {
      case core::FieldKind::Flag: {
        bool& on = form.flags[spec.name];
        ImGui::Checkbox(("yes" + id).c_str(), &on);
        break;
      }
      case core::FieldKind::Choice:
        if (ImGui::BeginCombo(id.c_str(), text.empty() ? "(none)" : choice_text(text).c_str())) {
          if (ImGui::Selectable("(none)", text.empty())) text.clear();
          for (const auto& option : spec.options) {
            if (ImGui::Selectable(choice_text(option).c_str(), text == option)) text = option;
            ctx.hook.track("option:" + choice_text(option));
          }
          ImGui::EndCombo();
        }
        break;
      case core::FieldKind::Reference: reference_picker(ctx, *spec.refers_to, id, text); break;
      case core::FieldKind::LongText:
        ImGui::InputTextMultiline(id.c_str(), &text, {-FLT_MIN, ImGui::GetTextLineHeight() * 4});
        break;
      default: ImGui::InputTextWithHint(id.c_str(), hint_for(spec.kind), &text); break;
    }
    ctx.hook.track("field:" + spec.name, text);
    if (ImGui::IsItemEdited())
      std::erase_if(form.errors, [&](const core::FieldError& e) { return e.field == spec.name; });
    for (const auto& e : form.errors) {
      if (e.field != spec.name) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, alert_colour());
      ImGui::TextWrapped("%s", e.message.c_str());
      ImGui::PopStyleColor();
      ctx.hook.track("error:" + spec.name, e.message);
    }
  }
}

template <class T>
nlohmann::json collect_fields(const RecordForm& form) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& spec : T::schema().fields) {
    if (spec.name == "patient") continue;
    if (spec.kind == core::FieldKind::Flag) {
      auto it = form.flags.find(spec.name);
      fields[spec.name] = it != form.flags.end() && it->second;
    } else {
      auto it = form.text.find(spec.name);
      fields[spec.name] = input_value(spec.kind, it == form.text.end() ? "" : it->second);
    }
  }
  if (T::schema().field("patient") && form.id.empty()) fields["patient"] = form.patient_id;
  return fields;
}

// Moves the current window up when it has grown past the bottom of the screen (an allergy
// warning appears under the fields while typing), so the buttons stay in view.
void keep_inside_viewport() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const ImVec2 pos = ImGui::GetWindowPos();
  const float overflow = pos.y + ImGui::GetWindowHeight() - (viewport->WorkPos.y + viewport->WorkSize.y);
  if (overflow > 0) ImGui::SetWindowPos({pos.x, std::max(viewport->WorkPos.y, pos.y - overflow)});
}

}  // namespace

void open_record_form(ViewContext& ctx, core::EntityType type, const std::string& title, const std::string& id,
                      const std::string& patient_id) {
  RecordForm form;
  form.open = true;
  form.type = type;
  form.title = title;
  form.id = id;
  form.patient_id = patient_id;
  if (!id.empty()) {
    const nlohmann::json stored = core::record_fields(ctx.session.state(), type, id);  // outlives the loop
    for (const auto& [name, value] : stored.items()) {
      if (value.is_boolean()) form.flags[name] = value.get<bool>();
      else form.text[name] = value_text(value);
    }
  }
  ctx.ui.record_form = std::move(form);
}

void draw_record_form(ViewContext& ctx) {
  RecordForm& form = ctx.ui.record_form;
  const std::string popup = (form.id.empty() ? "Add " : "Edit ") + form.title + "###record-form";
  if (form.open && !ImGui::IsPopupOpen("###record-form")) ImGui::OpenPopup("###record-form");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, {0.5f, 0.5f});
  ImGui::SetNextWindowSize({ImGui::GetFontSize() * 30, 0});
  ImGui::SetNextWindowSizeConstraints({0, 0}, {FLT_MAX, ImGui::GetMainViewport()->WorkSize.y * 0.9f});
  if (!ImGui::BeginPopupModal(popup.c_str(), &form.open, ImGuiWindowFlags_NoSavedSettings)) return;
  // The fields scroll; what is below them (warnings, buttons) stays in view however long the
  // form, using the height it took in the last frame.
  const float footer = std::max(form.footer_height, ImGui::GetFrameHeightWithSpacing() * 2);
  ImGui::SetNextWindowSizeConstraints({0, 0}, {FLT_MAX, ImGui::GetMainViewport()->WorkSize.y * 0.9f - footer -
                                                            ImGui::GetFrameHeight() - 2 * ImGui::GetStyle().WindowPadding.y});
  ImGui::BeginChild("fields", {0, 0}, ImGuiChildFlags_AutoResizeY);
  core::visit_entity(form.type, [&]<class T>() { draw_fields<T>(ctx); });
  ImGui::EndChild();
  const float footer_top = ImGui::GetCursorPosY();
  if (!form.failure.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, alert_colour());
    ImGui::TextWrapped("%s", form.failure.c_str());
    ImGui::PopStyleColor();
    ctx.hook.track("error:form", form.failure);
  }
  ImGui::Separator();
  const bool warned = draw_allergy_warnings(ctx);
  bool save = ImGui::Button(warned ? "Save anyway###save" : "Save###save");
  ctx.hook.track("Save");
  ImGui::SameLine();
  bool cancel = ImGui::Button("Cancel");
  ctx.hook.track("Cancel");
  if (save || (ImGui::IsKeyPressed(ImGuiKey_Enter) && ImGui::GetIO().KeyCtrl)) {
    nlohmann::json fields = core::visit_entity(form.type, [&]<class T>() { return collect_fields<T>(form); });
    if (form.id.empty()) ctx.outbox.push_back(core::CreateRecord{form.type, std::move(fields)});
    else ctx.outbox.push_back(core::UpdateRecord{form.type, form.id, std::move(fields)});
  }
  form.footer_height = ImGui::GetCursorPosY() - footer_top;
  keep_inside_viewport();
  if (cancel || ImGui::IsKeyPressed(ImGuiKey_Escape)) form.open = false;
  if (!form.open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void draw_delete_question(ViewContext& ctx) {
  if (!ctx.ui.pending_delete) return;
  if (!ImGui::IsPopupOpen("Delete?")) ImGui::OpenPopup("Delete?");
  if (!ImGui::BeginPopupModal("Delete?", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings))
    return;
  const PendingDelete& d = *ctx.ui.pending_delete;
  ImGui::Text("Delete %s?", d.title.c_str());
  ImGui::TextDisabled("It stays in the history, and Ctrl+Z brings it back.");
  bool yes = ImGui::Button("Delete");
  ctx.hook.track("Confirm delete");
  ImGui::SameLine();
  bool no = ImGui::Button("Keep it") || ImGui::IsKeyPressed(ImGuiKey_Escape);
  if (yes) ctx.outbox.push_back(core::DeleteRecord{d.type, d.id});
  if (yes || no) {
    ctx.ui.pending_delete.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace ui
