// A Change is the unit of history, audit and sync: who set which fields of which record, on which
// device, when. A Batch is the Changes of one commit; it is written, synced and applied whole.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "clock.hpp"
#include "ids.hpp"
#include "result.hpp"

namespace core {

enum class EntityType { Patient };
enum class ChangeOp { Set, Delete };  // Delete leaves a tombstone: clinical data is never erased

struct Change {
  ChangeId id;
  Hlc hlc;
  std::string author;  // the signed-in coordinator
  EntityType entity = EntityType::Patient;
  std::string entity_id;
  ChangeOp op = ChangeOp::Set;
  nlohmann::json fields = nlohmann::json::object();  // field name -> new value (Set only)
  bool operator==(const Change&) const = default;
};

struct Batch {
  std::vector<Change> changes;
  bool operator==(const Batch&) const = default;
  std::string id() const { return changes.empty() ? std::string() : changes.front().id.str(); }
};

nlohmann::json batch_to_json(const Batch& batch);
// Decodes what batch_to_json wrote; a missing or mistyped member is an error, never a crash.
Result<Batch> batch_from_json(const nlohmann::json& json);

}  // namespace core
