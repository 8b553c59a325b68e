// Reading Liaison's own fields back from their extensions; see fhir_liaison_fields.hpp.
#include "fhir_liaison_fields.hpp"

#include <algorithm>
#include <optional>

#include "core/fhir/fhir_write.hpp"

namespace core::fhir {

namespace {

// The kind of record the resource's Liaison extensions belong to, when another than the mapper
// chose and one this resource type is written for (a social factor goes out as an Observation,
// which the mapper reads as a measurement).
std::optional<EntityType> exported_as(const Node& resource, EntityType mapped) {
  const std::string type = resource["resourceType"].text();
  for (const Node& e : resource["extension"].list()) {
    const std::string url = e["url"].text();
    if (url.rfind(kLiaisonFieldUrl, 0) != 0) continue;
    const std::string rest = url.substr(std::string(kLiaisonFieldUrl).size());
    auto entity = entity_from_name(rest.substr(0, rest.find('.')));
    if (!entity || *entity == mapped) return std::nullopt;
    const auto types = fhir_types_of(*entity);
    if (std::find(types.begin(), types.end(), type) != types.end()) return entity;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

void read_liaison_fields(Context& ctx, const Node& resource, Mapped& m) {
  if (!m.mapped || !resource["extension"].present()) return;
  const bool rebuild = [&] {
    auto entity = exported_as(resource, m.type);
    return entity && m.patient.valid();
  }();
  if (rebuild) {
    auto entity = exported_as(resource, m.type);
    // Rebuilt from its extensions alone: the writer puts every field there for such records.
    Mapped rebuilt;
    rebuilt.mapped = true;
    rebuilt.type = *entity;
    rebuilt.patient = m.patient;
    rebuilt.links.push_back({"patient", m.patient});
    m = rebuilt;
  }
  if (!m.skip.empty()) return;
  const std::string prefix = std::string(kLiaisonFieldUrl) + entity_name(m.type) + ".";
  visit_entity(m.type, [&]<class T>() {
    const Schema<T>& schema = T::schema();
    std::map<std::string, json> lists;  // the items of each list field, in order
    for (const Node& e : resource["extension"].list()) {
      const std::string url = e["url"].text();
      if (url.rfind(prefix, 0) != 0) continue;
      const std::string name = url.substr(prefix.size());
      const FieldSpec<T>* spec = schema.field(name);
      if (!spec || name == "patient") continue;
      if (spec->kind == FieldKind::Reference) {
        Target target = ctx.record_of(e["valueReference"], *spec->refers_to);
        if (!target.valid()) continue;
        m.links.erase(std::remove_if(m.links.begin(), m.links.end(), [&](const auto& l) { return l.first == name; }),
                      m.links.end());
        m.fields.erase(name);
        m.links.push_back({name, target});
        continue;
      }
      json value;
      for (const char* key : {"valueString", "valueDate", "valueBoolean", "valueDecimal", "valueInteger"})
        if (const json* v = e[key].json()) value = *v;
      if (value.is_null()) continue;
      if (spec->kind == FieldKind::TextList) {
        lists[name].push_back(value);
        continue;
      }
      Checked c = spec->check(value);
      if (c.problem.empty() && !c.value.is_null()) m.fields[name] = c.value;
    }
    for (const auto& [name, items] : lists) {
      Checked c = schema.field(name)->check(items);
      if (c.problem.empty() && !c.value.is_null()) m.fields[name] = c.value;
    }
    // A rebuilt record has only what its extensions say: one missing what Liaison requires is
    // not mapped, as the mappers do.
    for (const FieldSpec<T>& spec : schema.fields) {
      if (!rebuild || !spec.required || m.fields.contains(spec.name)) continue;
      bool linked = std::any_of(m.links.begin(), m.links.end(), [&](const auto& l) { return l.first == spec.name; });
      if (!linked && m.skip.empty()) m.skip = "it has no " + spec.label + ", which Liaison requires";
    }
  });
}

}  // namespace core::fhir
