// How each FHIR resource type becomes a Liaison record (fhir_map*.cpp). The mappers read with
// Node (fhir_read.hpp) and ask the Context to resolve references; the importer turns what they
// return into steps of one ActionGroup.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/fhir/fhir_read.hpp"
#include "core/model/entities.hpp"
#include "core/state.hpp"

namespace core::fhir {

// A Liaison record: already stored (id), or made by an earlier create step of this import.
struct Target {
  std::string id;
  std::optional<std::size_t> step;
  bool valid() const { return !id.empty() || step.has_value(); }
};

struct Mapped {
  bool mapped = false;  // false: Liaison has no place for this type (kept for export)
  EntityType type = EntityType::Patient;
  nlohmann::json fields = nlohmann::json::object();
  std::vector<std::pair<std::string, Target>> links;  // fields holding another record's id
  Target patient;       // the patient the record belongs to
  std::string skip;     // why a mappable resource could not be mapped, in plain words
  // Set when the resource adds to a record made from another resource instead of making its own
  // (a PractitionerRole fills in its Practitioner's role, specialty and organization).
  Target fills;
  // A resource that becomes several records (a CareTeam: one CareTeamMember per participant);
  // each is matched on re-import by its patient, who and role. `fields` is then unused.
  std::vector<Mapped> records;
};

class Context {
 public:
  virtual ~Context() = default;
  // The record a Reference points to, if it became a record of type `wanted`; an unresolved
  // reference is reported and gives an invalid Target.
  virtual Target record_of(const Node& reference, EntityType wanted) = 0;
  // The resource a Reference points to (contained or in this import), or nullptr.
  virtual const nlohmann::json* resource_of(const Node& reference) = 0;
  // The reference's display, else the name or code text of the resource it points to.
  virtual std::string display_of(const Node& reference) = 0;
};

Mapped map_resource(Context& context, const std::string& type, const Node& resource);

}  // namespace core::fhir
