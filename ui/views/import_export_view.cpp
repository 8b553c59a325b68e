// The Import & export screen. Import: the coordinator chooses FHIR R4 files (the browser's file
// picker; on the desktop a typed path or files dropped on the window), a dry run says what would be
// added, updated or skipped and why, and Import commits it all as one change. The work is done a
// few milliseconds per frame (core::fhir::ImportJob), so the interface keeps drawing and a progress
// bar moves even in the browser, which has no threads. A malformed file stops the import with the
// core's message naming the file, the entry and the JSON path, and nothing is changed. Export: one
// patient, the signed-in coordinator's caseload or everything, as a FHIR Bundle or NDJSON.
#include "import_export_view.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <memory>
#include <utility>

#include "core/civil_date.hpp"
#include "core/fhir/fhir_export.hpp"
#include "core/fhir/fhir_import.hpp"
#include "core/state.hpp"
#include "ui/frame_slice.hpp"
#include "ui/platform.hpp"
#include "view_context.hpp"

namespace ui {

struct ImportExportView {
  std::vector<PickedFile> files;  // chosen for the next import, in the order they are imported
  std::string typed_path;
  std::unique_ptr<core::fhir::ImportJob> job;  // the dry run or import under way
  bool job_dry_run = false;
  long job_data_version = 0;  // a change elsewhere while it runs stops it
  std::string summary_title;  // what the last dry run or import did
  std::vector<std::string> summary;
  std::string error;          // why the last one stopped; nothing was changed
  int format = 0;             // 0: FHIR Bundle (.json), 1: NDJSON
  std::string export_patient;  // a patient the chart asked to export
  std::unique_ptr<core::fhir::ExportJob> export_job;  // the export under way
  long export_data_version = 0;  // a change while it runs stops it
  std::string export_what;       // "Every record", "Ana Lima", ...
  std::string export_file;       // the file it will be saved as
  bool export_ndjson = false;
  std::string export_status;
};

namespace {

constexpr std::size_t kResourcesPerStep = 20;  // resources (or records) per step of a job
constexpr std::size_t kSummaryLinesInHook = 60;  // enough for a test, short enough to publish every frame

ImportExportView& view_of(ViewContext& ctx) {
  auto& state = ctx.ui.import_export;
  if (!state) state = std::make_shared<ImportExportView>();
  return *state;
}

std::string size_text(std::size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  if (bytes < (1u << 20)) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes >> 20) + "." + std::to_string((bytes % (1u << 20)) * 10 / (1u << 20)) + " MB";
}

// A file picked again under the same name replaces the one chosen before.
void add_file(ImportExportView& view, PickedFile file) {
  for (PickedFile& f : view.files)
    if (f.name == file.name) {
      f = std::move(file);
      return;
    }
  view.files.push_back(std::move(file));
}

void start(ViewContext& ctx, core::Session& session, ImportExportView& view, bool dry_run) {
  std::vector<core::fhir::FhirFile> files;
  for (const PickedFile& f : view.files) files.push_back({f.name, f.bytes});
  core::fhir::ImportOptions options;
  options.dry_run = dry_run;
  view.job = std::make_unique<core::fhir::ImportJob>(session, std::move(files), options);
  view.job_dry_run = dry_run;
  view.job_data_version = ctx.ui.data_version;
  view.summary.clear();
  view.summary_title.clear();
  view.error.clear();
}

// A slice of the import, then, once everything is planned, the summary (and the commit).
void continue_import(ViewContext& ctx, ImportExportView& view) {
  if (ctx.ui.data_version != view.job_data_version) {
    view.job.reset();
    view.error = "Liaison's records changed while the import was being prepared, so it stopped and nothing was "
                 "imported. Press the button again.";
    return;
  }
  if (work_one_frame([&] { return view.job->step(kResourcesPerStep); })) return;
  auto result = view.job->finish();
  view.job.reset();
  if (!result) {
    view.error = result.error().message + " Nothing was imported.";
    ctx.ui.notice = "The import stopped: nothing was changed.";
    return;
  }
  view.summary = core::fhir::describe(result.value());
  if (view.job_dry_run) {
    view.summary_title = "Dry run: this is what Import would do. Nothing has been changed yet.";
  } else {
    view.summary_title = "Imported. Ctrl+Z undoes the whole import.";
    view.files.clear();
    ++ctx.ui.data_version;
    ctx.ui.notice = "Imported " + std::to_string(result.value().resources) + " resources. Ctrl+Z undoes.";
  }
}

void draw_chosen_files(ViewContext& ctx, Platform& platform, ImportExportView& view, bool busy) {
  ImGui::BeginDisabled(busy);
  if (platform.has_file_picker()) {
    if (ImGui::Button("Choose files...") && !platform.pick_files(".json,.ndjson,application/json,application/fhir+json"))
      view.error = "The file picker could not be opened.";
    ctx.hook.track("import:choose");
  } else {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    const bool entered = ImGui::InputTextWithHint("##import-path", "path of a .json or .ndjson file", &view.typed_path,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ctx.hook.track("import:path", view.typed_path);
    ImGui::SameLine();
    if ((ImGui::Button("Add file") || entered) && !view.typed_path.empty()) {
      auto bytes = platform.read_user_file(view.typed_path);
      if (bytes) {
        const std::size_t slash = view.typed_path.find_last_of("/\\");
        add_file(view, {slash == std::string::npos ? view.typed_path : view.typed_path.substr(slash + 1), std::move(bytes.value())});
        view.typed_path.clear();
        view.error.clear();
      } else {
        view.error = bytes.error().message;
      }
    }
    ctx.hook.track("import:add-path");
    ImGui::TextDisabled("Files dropped on the window are added too.");
  }
  ImGui::EndDisabled();
  if (view.files.empty()) {
    ImGui::TextDisabled("No file chosen. Shared hospitals and practitioners first, then the patients' files.");
    return;
  }
  for (std::size_t i = 0; i < view.files.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::BeginDisabled(busy);
    const bool remove = ImGui::SmallButton("Remove");
    ctx.hook.track("import:remove:" + view.files[i].name);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Text("%zu. %s (%s)", i + 1, view.files[i].name.c_str(), size_text(view.files[i].bytes.size()).c_str());
    ctx.hook.track("import:file:" + view.files[i].name);
    ImGui::PopID();
    if (remove) {
      view.files.erase(view.files.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
}

void draw_import(ViewContext& ctx, core::Session& session, Platform& platform, ImportExportView& view) {
  ImGui::SeparatorText("Import FHIR R4 files");
  ImGui::TextDisabled("Bundles, single resources or NDJSON. One import is all or nothing.");
  for (PickedFile& file : platform.take_picked_files()) add_file(view, std::move(file));
  if (view.job) continue_import(ctx, view);
  ctx.ui.working = view.job != nullptr;
  const bool busy = view.job != nullptr;
  draw_chosen_files(ctx, platform, view, busy);

  ImGui::BeginDisabled(busy || view.files.empty());
  if (ImGui::Button("Dry run")) start(ctx, session, view, true);
  ctx.hook.track("import:dry-run");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("What would be added, updated and skipped; nothing is changed");
  ImGui::SameLine();
  if (ImGui::Button("Import")) start(ctx, session, view, false);
  ctx.hook.track("import:run");
  ImGui::EndDisabled();

  if (view.job) {
    const std::string stage = view.job->stage();
    ImGui::ProgressBar(static_cast<float>(view.job->progress()), {ImGui::GetFontSize() * 24, 0}, stage.c_str());
    ctx.hook.track("import:progress", stage);
  }
  if (!view.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, alert_colour());
    ImGui::TextWrapped("%s", view.error.c_str());
    ImGui::PopStyleColor();
    ctx.hook.track("import:error", view.error);
  }
  if (view.summary_title.empty()) return;
  ImGui::TextColored(good_colour(), "%s", view.summary_title.c_str());
  std::string hook_text = view.summary_title;
  for (std::size_t i = 0; i < view.summary.size() && i < kSummaryLinesInHook; ++i) hook_text += "\n" + view.summary[i];
  ctx.hook.track("import:summary", hook_text);
  // Long lists of skipped resources and unresolved references scroll; only the visible lines are drawn.
  const float height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::min<std::size_t>(view.summary.size(), 14) + 1);
  ImGui::BeginChild("import-summary", {0, height}, ImGuiChildFlags_Border, ImGuiWindowFlags_HorizontalScrollbar);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(view.summary.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) ImGui::TextUnformatted(view.summary[static_cast<std::size_t>(i)].c_str());
  ImGui::EndChild();
}

// "liaison-caseload-jane-doe" -> with the date and the format's extension.
std::string file_name(const std::string& stem, const core::Session& session, bool ndjson) {
  std::string name;
  for (char c : stem) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    name += plain ? static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) : '-';
  }
  return name + "-" + core::format_civil_date(session.clock().today()) + (ndjson ? ".ndjson" : ".json");
}

void start_export(ViewContext& ctx, ImportExportView& view, core::fhir::ExportRequest request, const std::string& what,
                  const std::string& stem) {
  const bool ndjson = view.format == 1;
  request.format = ndjson ? core::fhir::ExportFormat::Ndjson : core::fhir::ExportFormat::Bundle;
  view.export_job = std::make_unique<core::fhir::ExportJob>(ctx.session.state(), std::move(request));
  view.export_data_version = ctx.ui.data_version;
  view.export_what = what;
  view.export_file = file_name(stem, ctx.session, ndjson);
  view.export_ndjson = ndjson;
  view.export_status.clear();
}

// A slice of the export; once it is all written, the file is handed to the platform to save.
void continue_export(ViewContext& ctx, Platform& platform, ImportExportView& view) {
  if (ctx.ui.data_version != view.export_data_version) {
    view.export_job.reset();
    view.export_status = "Nothing was exported: the records changed while the export was being written. Press the button again.";
    ctx.ui.notice = view.export_status;
    return;
  }
  if (work_one_frame([&] { return view.export_job->step(kResourcesPerStep); })) return;
  auto out = view.export_job->finish();
  view.export_job.reset();
  if (!out) {
    view.export_status = "Nothing was exported: " + out.error().message;
  } else {
    auto saved = platform.save_export(view.export_file, view.export_ndjson ? "application/fhir+ndjson" : "application/fhir+json", out.value().text);
    const std::string counts = std::to_string(out.value().resources) + " resources, " + std::to_string(out.value().patients) +
                               (out.value().patients == 1 ? " patient" : " patients");
    view.export_status = saved ? view.export_what + " exported (" + counts + "). " + saved.value()
                               : "Nothing was exported: " + saved.error().message;
  }
  ctx.ui.notice = view.export_status;
}

void export_patient(ViewContext& ctx, ImportExportView& view, const std::string& id) {
  const core::Patient* p = ctx.session.state().find(core::Id<core::Patient>{id});
  if (!p) return;
  core::fhir::ExportRequest request;
  request.patient = id;
  start_export(ctx, view, request, p->display_name(), "liaison-patient-" + (p->mrn.empty() ? id : p->mrn));
}

void draw_export(ViewContext& ctx, Platform& platform, ImportExportView& view) {
  ImGui::SeparatorText("Export as FHIR R4");
  ImGui::RadioButton("FHIR Bundle (.json)", &view.format, 0);
  ctx.hook.track("export:bundle");
  ImGui::SameLine();
  ImGui::RadioButton("NDJSON, one resource a line (.ndjson)", &view.format, 1);
  ctx.hook.track("export:ndjson");

  if (view.export_job) continue_export(ctx, platform, view);
  const bool busy = view.export_job != nullptr;
  ctx.ui.working = ctx.ui.working || busy;
  if (!view.export_patient.empty() && !busy) export_patient(ctx, view, std::exchange(view.export_patient, {}));
  ImGui::BeginDisabled(busy);
  if (const core::Patient* open = ctx.session.state().find(core::Id<core::Patient>{ctx.ui.open_patient})) {
    if (ImGui::Button(("Export " + open->display_name()).c_str())) export_patient(ctx, view, open->id.value);
    ctx.hook.track("export:patient");
    ImGui::SameLine();
  }
  ImGui::BeginDisabled(ctx.ui.coordinator.empty());
  if (ImGui::Button("Export my caseload")) {
    core::fhir::ExportRequest request;
    request.coordinator = ctx.ui.coordinator;
    start_export(ctx, view, request, ctx.ui.coordinator + "'s caseload", "liaison-caseload-" + ctx.ui.coordinator);
  }
  ImGui::EndDisabled();
  ctx.hook.track("export:caseload");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(ctx.ui.coordinator.empty() ? "Sign in on the Settings screen first" : "The patients whose record names you");
  ImGui::SameLine();
  if (ImGui::Button("Export everything")) start_export(ctx, view, {}, "Every record", "liaison-all");
  ctx.hook.track("export:all");
  ImGui::EndDisabled();
  if (view.export_job) {
    const std::string stage = "Writing " + view.export_file;
    ImGui::ProgressBar(static_cast<float>(view.export_job->progress()), {ImGui::GetFontSize() * 24, 0}, stage.c_str());
    ctx.hook.track("export:progress", stage);
  }
  if (!view.export_status.empty()) {
    ImGui::TextWrapped("%s", view.export_status.c_str());
    ctx.hook.track("export:status", view.export_status);
  }
}

}  // namespace

void draw_import_export(ViewContext& ctx, core::Session& session, Platform& platform) {
  ImportExportView& view = view_of(ctx);
  draw_import(ctx, session, platform, view);
  ImGui::Spacing();
  draw_export(ctx, platform, view);
}

void export_patient_from_chart(ViewContext& ctx, const std::string& patient_id) {
  view_of(ctx).export_patient = patient_id;
  ctx.ui.screen = Screen::ImportExport;
}

}  // namespace ui
