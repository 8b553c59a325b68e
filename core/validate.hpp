// Checks the field values of a create or update against the entity's schema and rules, and
// returns them in canonical form (trimmed text, normalised numbers, null for cleared fields).
// Every problem is reported at once, one message per field, in words a coordinator understands.
#pragma once
#include <nlohmann/json.hpp>

#include <string>

#include "core/civil_date.hpp"
#include "core/model/entity_type.hpp"
#include "core/result.hpp"

namespace core {

struct State;

// `id` is the record's id: new for a create, existing for an update. On an update only the fields
// whose value actually changes are returned.
Result<nlohmann::json> validate_fields(EntityType type, const std::string& id, bool is_new,
                                       const nlohmann::json& fields, const State& state, CivilDate today);

}  // namespace core
