// What the per-entity FHIR writers share (fhir_write_people.cpp, fhir_write_clinical.cpp,
// fhir_write_plans.cpp): references to other exported records, FHIR dates and times, small
// builders for CodeableConcepts, and the Liaison fields FHIR has no element for, written as
// extensions ("urn:liaison:field:<entity>.<field>") so an export never drops data silently.
// Each writer returns the resource without its id (the driver, fhir_export.cpp, adds it), or
// null when the record is not written.
#pragma once
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/fhir/fhir_export.hpp"
#include "core/model/entities.hpp"
#include "core/state.hpp"
#include "core/time_zone.hpp"

namespace core::fhir {

using nlohmann::json;

inline constexpr const char* kLiaisonFieldUrl = "urn:liaison:field:";
inline constexpr const char* kIcd10Url = "http://hl7.org/fhir/sid/icd-10-cm";
inline constexpr const char* kNpiUrl = "http://hl7.org/fhir/sid/us-npi";
inline constexpr const char* kRoleCodeUrl = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

class Writer {
 public:
  Writer(const State& state, const ExportIds& ids);

  const State& state;
  const ExportIds& ids;

  // {"reference": "Type/id"} to an exported record, else null.
  json ref(EntityType type, const std::string& id) const;
  template <class T>
  json ref(const Id<T>& id) const { return id.empty() ? json() : ref(T::kType, id.value); }
  // The FHIR type this record is written as ("" when not written).
  std::string type_of(EntityType type, const std::string& id) const;
  // "YYYY-MM-DDTHH:MM" wall time -> FHIR dateTime with the offset of `zone` (the clinic's when
  // null, UTC when the clinic has none); "" when empty or not a wall time.
  std::string date_time(const std::string& wall, const TimeZone* zone = nullptr) const;
  // The FHIR resource the record was imported from (the first, when several), or nullptr.
  const FhirResource* origin(EntityType type, const std::string& id) const;

 private:
  const TimeZone* clinic_zone_ = nullptr;
  std::map<std::string, const FhirResource*> origins_;  // by entity name + record id
};

// "YYYY-MM-DD", or "" when unset.
std::string fhir_date(const std::optional<CivilDate>& date);
// A CodeableConcept with this text, and a coding when `code` is set; null when both are empty.
json codeable(const std::string& text, const std::string& system = "", const std::string& code = "",
             const std::string& display = "");
// Sets resource[key] = value unless the value is empty (null, "" or an empty list or object).
void put(json& resource, const char* key, json value);
// Lines of text (split at '\n').
std::vector<std::string> lines_of(const std::string& text);

// The record's set fields not in `written`, as Liaison extensions on the resource.
template <class T>
void add_liaison_fields(const Writer& w, json& resource, const T& record, std::initializer_list<std::string_view> written) {
  for (const FieldSpec<T>& spec : T::schema().fields) {
    bool done = false;
    for (std::string_view name : written) done = done || name == spec.name;
    if (done || spec.name == "patient") continue;
    json value = spec.get(record);
    if (value.is_null()) continue;
    const std::string url = std::string(kLiaisonFieldUrl) + entity_name(T::kType) + "." + spec.name;
    auto add = [&](const char* key, json v) { resource["extension"].push_back(json{{"url", url}, {key, std::move(v)}}); };
    switch (spec.kind) {
      case FieldKind::Date: add("valueDate", value); break;
      case FieldKind::Flag: add("valueBoolean", value); break;
      case FieldKind::Number: add("valueDecimal", value); break;
      case FieldKind::Count: add("valueInteger", value); break;
      case FieldKind::TextList:
        for (const json& item : value) add("valueString", item);
        break;
      case FieldKind::Reference:
        if (json r = w.ref(*spec.refers_to, value.get<std::string>()); !r.is_null()) add("valueReference", r);
        break;
      default: add("valueString", value.is_string() ? value : json(value.dump()));
    }
  }
}

// One writer per entity with a FHIR counterpart; any other kind of record is not written.
json write(const Writer& w, const Patient& r);
json write(const Writer& w, const RelatedPerson& r);
json write(const Writer& w, const Practitioner& r);
json write(const Writer& w, const Organization& r);
json write(const Writer& w, const CareTeamMember& r);
json write(const Writer& w, const Condition& r);
json write(const Writer& w, const Procedure& r);
json write(const Writer& w, const Allergy& r);
json write(const Writer& w, const Medication& r);
json write(const Writer& w, const FamilyHistory& r);
json write(const Writer& w, const SocialFactor& r);
json write(const Writer& w, const Measurement& r);
json write(const Writer& w, const Note& r);
json write(const Writer& w, const CarePlan& r);
json write(const Writer& w, const Goal& r);
json write(const Writer& w, const Task& r);
json write(const Writer& w, const Appointment& r);
json write(const Writer& w, const Encounter& r);
json write(const Writer& w, const Referral& r);
json write(const Writer& w, const Coverage& r);
template <class T>
json write(const Writer&, const T&) {
  return nullptr;
}

// The FHIR resource types a record of this kind may be written as, the default first; none when
// FHIR has no resource for it.
std::vector<std::string> fhir_types_of(EntityType type);

}  // namespace core::fhir
