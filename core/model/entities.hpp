// All entity definitions, and visit_entity(): calls f.template operator()<T>() for the C++ type
// of a runtime EntityType, so generic code (apply, validation, snapshots) is written once.
#pragma once
#include "core/model/care_management.hpp"
#include "core/model/care_plan.hpp"
#include "core/model/clinical_history.hpp"
#include "core/model/coverage.hpp"
#include "core/model/entity_type.hpp"
#include "core/model/fhir_resource.hpp"
#include "core/model/medication_review.hpp"
#include "core/model/patient.hpp"
#include "core/model/people.hpp"
#include "core/model/records.hpp"
#include "core/model/scheduling.hpp"
#include "core/model/visits.hpp"

namespace core {

template <class F>
decltype(auto) visit_entity(EntityType type, F&& f) {
  switch (type) {
#define LIAISON_VISIT_ENTRY(T, name) \
  case EntityType::T: return f.template operator()<T>();
    LIAISON_ENTITIES(LIAISON_VISIT_ENTRY)
#undef LIAISON_VISIT_ENTRY
  }
  return f.template operator()<Patient>();  // unreachable: every enumerator is listed above
}

// Calls f.template operator()<T>() for every entity type, in list order.
template <class F>
void for_each_entity(F&& f) {
#define LIAISON_EACH_ENTRY(T, name) f.template operator()<T>();
  LIAISON_ENTITIES(LIAISON_EACH_ENTRY)
#undef LIAISON_EACH_ENTRY
}

}  // namespace core
