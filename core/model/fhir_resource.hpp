// Where each imported FHIR resource went: its type and FHIR id, the Liaison record it became
// (none when Liaison has no place for it), the file it came from, and what export needs to write
// it again (the whole resource when it was not mapped; its extensions when it was). Re-importing
// the same data finds the record through here and updates it instead of adding a duplicate.
#pragma once
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/schema.hpp"

namespace core {

struct Patient;

struct FhirResource {
  static constexpr EntityType kType = EntityType::FhirResource;
  static const Schema<FhirResource>& schema();

  Id<FhirResource> id;
  bool deleted = false;
  std::string resource_type;  // e.g. "Observation"
  std::string fhir_id;        // the resource's id, or its fullUrl when it has none
  std::string record_type;    // the Liaison record it became (entity wire name), empty when not mapped
  std::string record_id;
  Id<Patient> patient;        // the patient it is about, when known
  std::vector<std::string> identifiers;  // business identifiers, "system|value"
  std::string source_file;
  std::string kept_json;      // the original resource (not mapped) or its extensions (mapped)
  bool operator==(const FhirResource&) const = default;
};

}  // namespace core
