// FHIR R4 export: one patient, a coordinator's caseload or the whole store, as a collection
// Bundle (one JSON document) or as NDJSON (one resource per line, as bulk export writes it).
// Every Liaison record with a FHIR counterpart is written (fhir_write_*.cpp), and every FHIR
// resource kept at import because Liaison has no place for it goes out unchanged. Ids are
// stable: a record imported from FHIR keeps its original id, any other record gets one derived
// from its Liaison id, and references between exported resources use them ("Patient/<id>").
// No file I/O here: the caller writes the text where it wants.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/model/entity_type.hpp"
#include "core/result.hpp"

namespace core {
struct State;
}

namespace core::fhir {

enum class ExportFormat { Bundle, Ndjson };

struct ExportRequest {
  std::string patient;      // one patient (Liaison id), with everything that belongs to them
  std::string coordinator;  // else the patients of this coordinator (core::in_caseload)
                            // both empty: the whole store
  ExportFormat format = ExportFormat::Bundle;
};

struct ExportResult {
  std::string text;  // the Bundle, or the NDJSON lines
  std::size_t resources = 0;
  std::size_t patients = 0;
  std::map<std::string, std::size_t> by_type;  // resources written, by FHIR resource type
};

// The FHIR resource type and id each record is exported as: the original ones when the record
// was imported (FhirResource), else the default type and an id derived from the Liaison id.
class ExportIds {
 public:
  explicit ExportIds(const State& state);
  // "Type/id", the same in every export of the same data; "" when the record is not exported
  // (deleted, or a kind of record FHIR has no resource for).
  std::string reference(EntityType type, const std::string& id) const;

 private:
  const State& state_;
  std::map<std::string, std::string> origin_;  // entity + record id -> "Type/id"
  std::map<std::string, std::string> taken_;   // "Type/id" of an origin -> its entity + record id
};

// Fails (ErrorCode::NotFound) for an unknown patient or a coordinator with no patients.
Result<ExportResult> export_fhir(const State& state, const ExportRequest& request);

// The same export a piece at a time, so that a large one shows its progress and never holds the
// screen still: each step writes up to `budget` records as resources, or up to `budget`
// resources as text. The state must not change while the job runs.
class ExportJob {
 public:
  ExportJob(const State& state, ExportRequest request);
  ~ExportJob();
  // Does the next piece; false once the export is complete (or the request was refused).
  bool step(std::size_t budget);
  double progress() const;  // 0 to 1
  // The export, or why there is none; does whatever is left first.
  Result<ExportResult> finish();

 private:
  struct Work;
  std::unique_ptr<Work> work_;
  std::optional<Error> failure_;
};

}  // namespace core::fhir
