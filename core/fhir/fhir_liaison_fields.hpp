// The Liaison fields FHIR has no element for travel as extensions (fhir_write.hpp writes them,
// "urn:liaison:field:<entity>.<field>"); on import they are read back into the record the
// resource maps to, so importing an export gives the same records. Each value is checked as
// Liaison checks the field; a value Liaison would refuse is left out, as the mappers do.
#pragma once
#include "core/fhir/fhir_map.hpp"

namespace core::fhir {

void read_liaison_fields(Context& context, const Node& resource, Mapped& mapped);

}  // namespace core::fhir
