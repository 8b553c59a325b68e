// The "Add patient" form: a modal with the fields needed to register a patient. Submitting emits a
// CreateRecord action; the core validates it and App puts any field errors back here.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "view_context.hpp"

namespace ui {
namespace {

const core::FieldError* error_for(const AddPatientForm& form, const char* field) {
  for (const auto& e : form.errors)
    if (e.field == field) return &e;
  return nullptr;
}

// A label above a full-width input, and the field's error under it. Returns true on Enter.
bool field(ViewContext& ctx, const char* label, const char* required, const char* key, std::string& text,
           const char* hint) {
  AddPatientForm& form = ctx.ui.add_patient;
  ImGui::TextUnformatted(label);
  if (*required) {
    ImGui::SameLine(0, 4);
    ImGui::TextDisabled("%s", required);
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  const std::string id = std::string("##") + key;
  if (form.focus_first_field && std::string(key) == "given_name") {
    ImGui::SetKeyboardFocusHere();
    form.focus_first_field = false;
  }
  bool entered = ImGui::InputTextWithHint(id.c_str(), hint, &text, ImGuiInputTextFlags_EnterReturnsTrue);
  ctx.hook.track(label, text);
  if (ImGui::IsItemEdited())
    std::erase_if(form.errors, [&](const core::FieldError& e) { return e.field == key; });
  if (const core::FieldError* error = error_for(form, key)) {
    ImGui::PushStyleColor(ImGuiCol_Text, alert_colour());
    ImGui::TextWrapped("%s", error->message.c_str());
    ImGui::PopStyleColor();
    ctx.hook.track(std::string("error:") + key);
  }
  ImGui::Spacing();
  return entered;
}

}  // namespace

void draw_add_patient_form(ViewContext& ctx) {
  AddPatientForm& form = ctx.ui.add_patient;
  const char* title = "Add patient";
  if (form.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
  const ImVec2 centre = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, {0.5f, 0.5f});
  ImGui::SetNextWindowSize({ImGui::GetFontSize() * 26, 0});
  if (!ImGui::BeginPopupModal(title, &form.open, ImGuiWindowFlags_NoSavedSettings)) return;

  PatientDraft& d = form.draft;
  bool submit = false;
  submit |= field(ctx, "Given name", "required", "given_name", d.given_name, "e.g. Rosa");
  submit |= field(ctx, "Family name", "required", "family_name", d.family_name, "e.g. Delgado");
  submit |= field(ctx, "Date of birth", "required, YYYY-MM-DD", "birth_date", d.birth_date, "e.g. 1948-03-21");
  submit |= field(ctx, "MRN", "", "mrn", d.mrn, "Medical record number");
  submit |= field(ctx, "Phone", "", "phones", d.phone, "e.g. +1 555 010 2000");

  if (!form.failure.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, alert_colour());
    ImGui::TextWrapped("%s", form.failure.c_str());
    ImGui::PopStyleColor();
    ctx.hook.track("error:form");
  }
  ImGui::Separator();
  submit |= ImGui::Button("Save patient");
  ctx.hook.track("Save patient");
  ImGui::SameLine();
  bool cancel = ImGui::Button("Cancel");
  ctx.hook.track("Cancel");
  ImGui::SameLine();
  ImGui::TextDisabled("Enter saves, Esc cancels");

  if (submit) {
    nlohmann::json fields = {{"given_name", d.given_name}, {"family_name", d.family_name},
                             {"birth_date", d.birth_date}, {"mrn", d.mrn}, {"phones", nlohmann::json::array()}};
    if (!d.phone.empty()) fields["phones"].push_back(d.phone);
    ctx.outbox.push_back(core::CreateRecord{core::EntityType::Patient, std::move(fields)});
  }
  if (cancel || ImGui::IsKeyPressed(ImGuiKey_Escape)) form.open = false;
  if (!form.open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace ui
