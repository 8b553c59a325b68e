// The schema of the record kept for each imported FHIR resource.
#include "fhir_resource.hpp"

#include "core/model/patient.hpp"

namespace core {

const Schema<FhirResource>& FhirResource::schema() {
  using F = FhirResource;
  // A whole resource can carry large attachments (base64 documents); 8 MB is far above any in
  // the fixtures and well below what one journal record may hold.
  constexpr std::size_t kMaxKeptJson = 8u << 20;
  static const Schema<F> schema{
      {
          field::text("resource_type", "FHIR resource type", &F::resource_type, true, 64),
          field::text("fhir_id", "FHIR id", &F::fhir_id, true, 300),
          field::text("record_type", "record type", &F::record_type, false, 64),
          field::text("record_id", "record", &F::record_id, false, 100),
          field::reference("patient", "patient", &F::patient),
          field::text_list("identifiers", "identifiers", &F::identifiers,
                           [](const json& v) { return check_text(v, "identifier", 300); }),
          field::text("source_file", "source file", &F::source_file, false, 300),
          field::text("kept_json", "kept FHIR data", &F::kept_json, false, kMaxKeptJson),
      },
      {}};
  return schema;
}

}  // namespace core
