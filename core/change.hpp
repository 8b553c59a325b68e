// A Change is the unit of history, audit and sync: who set which fields of which record, on which
// device, when. Fields are set individually, so two devices that edited different fields of one
// record both keep their edits. Deleting sets the field "deleted" to true: a tombstone, never an
// erasure. A Batch is the Changes of one commit; it is written, synced and applied whole.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"
#include "core/result.hpp"

namespace core {

struct Change {
  ChangeId id;
  Hlc hlc;
  std::string author;  // the signed-in coordinator
  EntityType entity = EntityType::Patient;
  std::string entity_id;
  nlohmann::json fields = nlohmann::json::object();  // field name -> new value (null clears it)
  bool operator==(const Change&) const = default;
};

struct Batch {
  std::vector<Change> changes;
  bool operator==(const Batch&) const = default;
  std::string id() const { return changes.empty() ? std::string() : changes.front().id.str(); }
};

nlohmann::json change_to_json(const Change& change);
Result<Change> change_from_json(const nlohmann::json& json);
nlohmann::json batch_to_json(const Batch& batch);
// Decodes what batch_to_json wrote; a missing or mistyped member is an error, never a crash.
Result<Batch> batch_from_json(const nlohmann::json& json);

}  // namespace core
