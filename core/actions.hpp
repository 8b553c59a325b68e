// Everything a coordinator can do to the data, as plain values. Views emit these; only
// Session::commit turns them into Changes.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/model/entity_type.hpp"

namespace core {

struct CreateRecord {
  EntityType type;
  nlohmann::json fields;  // field name -> value, as typed (validation makes them canonical)
};

struct UpdateRecord {
  EntityType type;
  std::string id;
  nlohmann::json fields;  // only the fields to change; null or "" clears an optional field
};

struct DeleteRecord {  // leaves a tombstone; undo brings the record back
  EntityType type;
  std::string id;
};

struct UndoLast {};  // undoes this session's most recent commit that is not yet undone

// Several creates and updates saved together or not at all, and undone together: a recurring
// series, a visit completed with its follow-up. Each step is checked against the data with the
// steps before it applied.
struct ActionGroup {
  struct Step {
    std::variant<CreateRecord, UpdateRecord> action;
    std::string label;  // names the step in an error, e.g. "Occurrence 3 (2027-01-12 09:00)"
    // Fields that take the id of the record an earlier create step of this group makes, by that
    // step's index: {"reconciliation", 0} links a discrepancy to the reconciliation of step 0.
    // Update steps take them too.
    std::vector<std::pair<std::string, std::size_t>> ids_from_steps = {};
  };
  std::vector<Step> steps;
};

using Action = std::variant<CreateRecord, UpdateRecord, DeleteRecord, UndoLast, ActionGroup>;

}  // namespace core
