// The Import & export screen (import_export_view.cpp): FHIR R4 files in, with a dry run, a progress
// bar and the summary of what was added, updated and skipped and why; one patient, the signed-in
// coordinator's caseload or everything out as a FHIR Bundle or NDJSON.
#pragma once
#include <string>

namespace core {
class Session;
}

namespace ui {

class Platform;
struct ViewContext;

// The screen. It commits an import itself (as one change, undone by Ctrl+Z like any other), so it
// is handed the session, and the platform for picking, reading and saving files.
void draw_import_export(ViewContext& ctx, core::Session& session, Platform& platform);

// "Export this patient" on the chart: opens this screen, which exports the patient at once.
void export_patient_from_chart(ViewContext& ctx, const std::string& patient_id);

}  // namespace ui
