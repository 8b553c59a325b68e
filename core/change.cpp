#include "change.hpp"

namespace core {
namespace {

using nlohmann::json;

Error malformed(const std::string& what) {
  return Error{ErrorCode::Corrupt, "malformed change record: " + what, {}};
}

}  // namespace

json change_to_json(const Change& c) {
  return json{{"device", c.id.device.value}, {"seq", c.id.seq},  {"hlc", {c.hlc.wall_ms, c.hlc.counter}},
              {"author", c.author}, {"entity", entity_name(c.entity)}, {"id", c.entity_id}, {"fields", c.fields}};
}

Result<Change> change_from_json(const json& j) {
  if (!j.is_object()) return malformed("a change is not an object");
  auto string_at = [&](const char* key) -> const std::string* {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  Change c;
  const std::string* device = string_at("device");
  const std::string* author = string_at("author");
  const std::string* entity = string_at("entity");
  const std::string* id = string_at("id");
  if (!device || device->empty() || !author || !entity || !id || id->empty())
    return malformed("device, author, entity and id must be non-empty strings");
  auto seq = j.find("seq");
  if (seq == j.end() || !seq->is_number_unsigned()) return malformed("seq must be a positive integer");
  auto hlc = j.find("hlc");
  if (hlc == j.end() || !hlc->is_array() || hlc->size() != 2 || !(*hlc)[0].is_number_integer() ||
      !(*hlc)[1].is_number_unsigned())
    return malformed("hlc must be [wall_ms, counter]");
  c.id = ChangeId{DeviceId{*device}, seq->get<std::uint64_t>()};
  c.hlc = Hlc{(*hlc)[0].get<std::int64_t>(), (*hlc)[1].get<std::uint32_t>()};
  c.author = *author;
  c.entity_id = *id;
  auto type = entity_from_name(*entity);
  if (!type) return malformed("unknown entity type '" + *entity + "'");
  c.entity = *type;
  auto fields = j.find("fields");
  if (fields == j.end() || !fields->is_object()) return malformed("a change needs a fields object");
  c.fields = *fields;
  return c;
}

json batch_to_json(const Batch& batch) {
  json changes = json::array();
  for (const Change& c : batch.changes) changes.push_back(change_to_json(c));
  return json{{"changes", std::move(changes)}};
}

Result<Batch> batch_from_json(const json& j) {
  if (!j.is_object() || !j.contains("changes") || !j["changes"].is_array() || j["changes"].empty())
    return malformed("a batch needs a non-empty changes array");
  Batch batch;
  for (const json& c : j["changes"]) {
    auto change = change_from_json(c);
    if (!change) return change.error();
    batch.changes.push_back(std::move(change.value()));
  }
  return batch;
}

}  // namespace core
