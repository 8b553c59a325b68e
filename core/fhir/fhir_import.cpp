// FHIR R4 import: read the files, plan one ActionGroup (fhir_import_plan.hpp), commit it; see
// fhir_import.hpp. import_fhir is an ImportJob run to its end.
#include "fhir_import.hpp"

#include <optional>
#include <utility>

#include "core/fhir/fhir_import_plan.hpp"
#include "core/session.hpp"

namespace core::fhir {

struct ImportJob::Work {
  Work(Session& s, std::vector<FhirFile> f, ImportOptions o) : session(s), files(std::move(f)), options(std::move(o)) {}

  Session& session;
  std::vector<FhirFile> files;
  ImportOptions options;
  std::size_t files_read = 0;
  std::vector<Item> items;
  ImportSummary summary;
  std::unique_ptr<Planner> planner;  // made once every file is read
  std::optional<Error> failed;
  bool finished = false;

  // The resources of one file, appended to `items`.
  Status read(const FhirFile& file) {
    auto entries = read_fhir_file(file.name, file.bytes);
    if (!entries) return entries.error();
    for (InputEntry& e : entries.value()) {
      Item item;
      item.type = e.resource["resourceType"].get<std::string>();
      if (auto id = e.resource.find("id"); id != e.resource.end()) {
        if (!id->is_string())
          return Error{ErrorCode::Invalid, problem_at(e.file, e.where, item.type, "/id", "expected text"), {}};
        item.fhir_id = id->get<std::string>();
      }
      if (item.fhir_id.empty()) item.fhir_id = e.full_url;
      if (item.fhir_id.empty()) item.fhir_id = e.file + " " + e.where;
      item.fhir_id = clip(item.fhir_id, 300);
      item.identifiers = identifiers_of(e.resource);
      item.order = plan_rank(item.type);
      item.in = std::move(e);
      items.push_back(std::move(item));
    }
    return Ok{};
  }

  bool has_more() const { return !failed && !finished && (!planner || !planner->done()); }
};

ImportJob::ImportJob(Session& session, std::vector<FhirFile> files, ImportOptions options)
    : work_(std::make_unique<Work>(session, std::move(files), std::move(options))) {
  work_->summary.files = work_->files.size();
}

ImportJob::~ImportJob() = default;

bool ImportJob::step(std::size_t budget) {
  Work& w = *work_;
  if (!w.has_more()) return false;
  if (w.files_read < w.files.size()) {
    FhirFile& file = w.files[w.files_read++];
    if (auto s = w.read(file); !s) w.failed = s.error();
    file.bytes = std::string();  // parsed: the text is no longer needed
    return w.has_more();
  }
  if (!w.planner) {
    w.summary.resources = w.items.size();
    w.planner = std::make_unique<Planner>(w.session.state(), w.items, w.summary);
    return w.has_more();
  }
  const std::size_t before = w.planner->planned();
  if (auto s = w.planner->plan_some(budget == 0 ? 1 : budget); !s) w.failed = s.error();
  const std::size_t done = w.planner->planned(), total = w.items.size();
  if (w.options.progress && done > before && (done == total || done / 100 != before / 100)) w.options.progress(done, total);
  return w.has_more();
}

// Reading counts for the first fifth, planning for the rest; the commit itself is one moment.
double ImportJob::progress() const {
  const Work& w = *work_;
  if (w.finished) return 1.0;
  if (!w.planner) return w.files.empty() ? 0.2 : 0.2 * static_cast<double>(w.files_read) / static_cast<double>(w.files.size());
  return w.items.empty() ? 1.0 : 0.2 + 0.8 * static_cast<double>(w.planner->planned()) / static_cast<double>(w.items.size());
}

std::string ImportJob::stage() const {
  const Work& w = *work_;
  if (w.failed) return "Stopped";
  if (w.finished) return "Done";
  if (w.files_read < w.files.size()) return "Reading " + w.files[w.files_read].name;
  if (!w.planner || !w.planner->done())
    return "Matching resources (" + std::to_string(w.planner ? w.planner->planned() : 0) + " of " + std::to_string(w.items.size()) + ")";
  return w.options.dry_run ? "Ready to report" : "Saving";
}

Result<ImportSummary> ImportJob::finish() {
  Work& w = *work_;
  while (step(100)) {
  }
  if (w.failed) return *w.failed;
  if (w.finished) return Error{ErrorCode::Invalid, "This import has already finished.", {}};
  w.finished = true;
  if (!w.planner) return w.summary;  // no resources at all
  w.planner->finish();
  if (w.options.dry_run) return w.summary;
  auto done = w.session.commit(w.planner->group);
  if (!done) {
    Error error = done.error();
    for (const FieldError& f : error.fields) error.message += " " + f.message;
    return error;
  }
  w.summary.written = !done.value().batch_id.empty();
  return w.summary;
}

Result<ImportSummary> import_fhir(Session& session, const std::vector<FhirFile>& files, const ImportOptions& options) {
  ImportJob job(session, files, options);
  return job.finish();
}

std::vector<std::string> describe(const ImportSummary& s) {
  std::vector<std::string> out;
  out.push_back(std::to_string(s.resources) + " resources in " + std::to_string(s.files) + " file" +
                (s.files == 1 ? "" : "s") + (s.written ? ", saved as one change (undo takes it all back)" : ", nothing written"));
  for (const auto& [type, c] : s.by_type) {
    std::string line = type + ":";
    auto part = [&](std::size_t n, const char* what) {
      if (n) line += " " + std::to_string(n) + " " + what + ",";
    };
    part(c.added, "added");
    part(c.updated, "updated");
    part(c.unchanged, "unchanged");
    part(c.skipped, "skipped (kept for export)");
    part(c.kept, "kept for export (Liaison has no place for them)");
    if (line.back() == ',') line.pop_back();
    out.push_back(line);
  }
  for (const std::string& s2 : s.skipped) out.push_back("skipped: " + s2);
  for (const std::string& u : s.unresolved) out.push_back("unresolved reference: " + u);
  return out;
}

}  // namespace core::fhir
