// Shared by the FHIR round-trip tests: two stores compared record by record, where each record
// is named by the FHIR "Type/id" export gives it (the same in both stores when the round trip
// works) and each link to another record is replaced by that record's name, since the second
// store's Liaison ids differ from the first's.
#pragma once
#include <algorithm>
#include <map>
#include <type_traits>
#include <string>
#include <vector>

#include "core/fhir/fhir_export.hpp"
#include "core/state.hpp"

namespace fhir_test {

using nlohmann::json;

// entity name -> record name -> its fields with links replaced.
using RecordsByName = std::map<std::string, std::map<std::string, json>>;

inline RecordsByName records_by_name(const core::State& state) {
  core::fhir::ExportIds ids(state);
  RecordsByName out;
  core::for_each_entity([&]<class T>() {
    if constexpr (!std::is_same_v<T, core::FhirResource>) {
      for (const auto& [id, record] : state.template table<T>()) {
        if (record.deleted) continue;
        std::string name = ids.reference(T::kType, id.value);
        if (name.empty()) name = "not exported: " + id.value;
        json fields = core::record_fields(state, T::kType, id.value);
        for (const auto& spec : T::schema().fields)
          if (spec.refers_to && fields.contains(spec.name))
            fields[spec.name] = ids.reference(*spec.refers_to, fields[spec.name].template get<std::string>());
        out[core::entity_name(T::kType)][name] = fields;
      }
    }
  });
  return out;
}

// The FHIR resources kept whole (Liaison has no record for them), as JSON text, sorted.
inline std::vector<std::string> kept_resources(const core::State& state) {
  std::vector<std::string> out;
  for (const auto& [id, r] : state.table<core::FhirResource>())
    if (!r.deleted && r.record_type.empty()) out.push_back(json::parse(r.kept_json).dump());
  std::sort(out.begin(), out.end());
  return out;
}

// What differs, one line each: a count per entity type, a record missing, a field not the same.
inline std::vector<std::string> differences(const RecordsByName& a, const RecordsByName& b) {
  std::vector<std::string> out;
  for (const auto& [entity, records] : a) {
    auto other = b.find(entity);
    const std::size_t count_b = other == b.end() ? 0 : other->second.size();
    if (records.size() != count_b)
      out.push_back(entity + ": " + std::to_string(records.size()) + " records before, " + std::to_string(count_b) + " after");
    for (const auto& [name, fields] : records) {
      if (other == b.end() || !other->second.count(name)) {
        out.push_back(entity + " " + name + ": missing after the round trip");
        continue;
      }
      const json& after = other->second.at(name);
      for (const auto& [field, value] : fields.items())
        if (after.value(field, json()) != value)
          out.push_back(entity + " " + name + " " + field + ": " + value.dump() + " became " + after.value(field, json()).dump());
      for (const auto& [field, value] : after.items())
        if (!fields.contains(field)) out.push_back(entity + " " + name + " " + field + ": null became " + value.dump());
    }
  }
  for (const auto& [entity, records] : b)
    if (!a.count(entity)) out.push_back(entity + ": 0 records before, " + std::to_string(records.size()) + " after");
  return out;
}

}  // namespace fhir_test
