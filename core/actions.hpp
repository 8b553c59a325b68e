// Everything a coordinator can do to the data, as plain values. Views emit these; only
// Session::commit turns them into Changes.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <variant>

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

using Action = std::variant<CreateRecord, UpdateRecord, DeleteRecord, UndoLast>;

}  // namespace core
