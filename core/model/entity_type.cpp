#include "entity_type.hpp"

namespace core {
namespace {

struct Entry {
  EntityType type;
  std::string_view name;
};

constexpr Entry kEntries[] = {
#define LIAISON_NAME_ENTRY(type, name) {EntityType::type, name},
    LIAISON_ENTITIES(LIAISON_NAME_ENTRY)
#undef LIAISON_NAME_ENTRY
};

}  // namespace

const char* entity_name(EntityType type) {
  for (const Entry& e : kEntries)
    if (e.type == type) return e.name.data();
  return "?";
}

std::optional<EntityType> entity_from_name(std::string_view name) {
  for (const Entry& e : kEntries)
    if (e.name == name) return e.type;
  return std::nullopt;
}

}  // namespace core
