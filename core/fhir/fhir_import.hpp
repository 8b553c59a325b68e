// FHIR R4 import: files in, one all-or-nothing commit out. Each resource becomes a Liaison record
// (Patient, Practitioner, Organization, Encounter, Condition, AllergyIntolerance, Medication*,
// Observation, CarePlan, Goal, Immunization, Procedure, RelatedPerson, Communication, ...) and a
// FhirResource that remembers where it went, so importing the same data again updates instead of
// duplicating. Types Liaison has no place for are kept whole for export and counted. Any problem
// in any file (bad JSON, wrong type, bad date, hostile input, a record Liaison refuses) stops the
// import with a message naming the file, the entry and the JSON path, and nothing is written.
// No file I/O here: callers pass each file's name and bytes.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace core {
class Session;
}

namespace core::fhir {

struct FhirFile {
  std::string name;   // shown in messages, e.g. "patient.json"
  std::string bytes;  // the file's content, UTF-8 JSON or NDJSON
};

struct TypeCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t skipped = 0;  // could not be mapped (reason listed); kept for export
  std::size_t kept = 0;     // a type Liaison has no place for; kept for export
  bool operator==(const TypeCounts&) const = default;
};

struct ImportSummary {
  std::size_t files = 0;
  std::size_t resources = 0;
  std::map<std::string, TypeCounts> by_type;  // by FHIR resource type
  std::vector<std::string> unresolved;  // references kept as text, each with where it was
  std::vector<std::string> skipped;     // resources not mapped, each with why
  bool written = false;
};

// Called while resources are mapped: resources done so far, out of total.
using ImportProgress = std::function<void(std::size_t done, std::size_t total)>;

struct ImportOptions {
  bool dry_run = false;  // map and report, write nothing (Liaison's own checks are not run)
  ImportProgress progress;
};

// Imports the files, in the order given (load shared hospitals and practitioners first), as one
// commit: undo takes the whole import back.
Result<ImportSummary> import_fhir(Session& session, const std::vector<FhirFile>& files, const ImportOptions& options = {});

// The same import a piece at a time, so an interface can draw between pieces (the browser has no
// threads): each step() reads one file, or plans up to `budget` resources; finish() does what is
// left and commits it all as one change, as import_fhir does. The session must not change between
// the first step and finish(): the interface keeps the coordinator on the import meanwhile.
class ImportJob {
 public:
  ImportJob(Session& session, std::vector<FhirFile> files, ImportOptions options = {});
  ~ImportJob();
  ImportJob(const ImportJob&) = delete;
  ImportJob& operator=(const ImportJob&) = delete;

  // One piece of work; false once nothing is left before finish() (all planned, or a problem).
  bool step(std::size_t budget = 200);
  // How far it is, from 0 to 1, and what it is doing, e.g. "Reading labs.json".
  double progress() const;
  std::string stage() const;
  // The summary, or the first problem (file, entry and JSON path named); nothing is written on a
  // problem or in a dry run. Call once.
  Result<ImportSummary> finish();

 private:
  struct Work;
  std::unique_ptr<Work> work_;
};

// The summary in lines of plain words, as the command line and the UI show it.
std::vector<std::string> describe(const ImportSummary& summary);

}  // namespace core::fhir
