// How each FHIR resource type becomes a Liaison record; see fhir_map.hpp. This file holds the
// table from resource type to mapper, the helpers the mappers share (fhir_map_helpers.hpp) and
// the last step of every mapping: fitting the values to Liaison's schema. Values Liaison would
// refuse (a phone number with letters, an NPI with a wrong check digit, text too long) are left
// out or shortened rather than failing the import; the original stays in the FHIR data.
#include "fhir_map.hpp"

#include <algorithm>
#include <map>

#include "core/fhir/fhir_map_helpers.hpp"

namespace core::fhir {
namespace detail {

std::string pick(const std::string& code, std::initializer_list<std::pair<const char*, const char*>> table) {
  for (const auto& [from, to] : table)
    if (code == from) return to;
  return "";
}

void set(Mapped& m, const char* field, const std::string& value, std::size_t max_bytes) {
  if (!value.empty()) m.fields[field] = clip(value, max_bytes);
}

void link(Mapped& m, const char* field, const Target& target) {
  if (target.valid()) m.links.push_back({field, target});
}

// The patient a clinical resource is about (subject or patient); unmapped without one.
bool link_patient(Context& ctx, Mapped& m, const Node& reference) {
  m.patient = ctx.record_of(reference, EntityType::Patient);
  if (!m.patient.valid()) {
    m.skip = reference.present() ? "its patient is not in this import or in Liaison" : "it names no patient";
    return false;
  }
  link(m, "patient", m.patient);
  return true;
}

Mapped start(EntityType type) {
  Mapped m;
  m.mapped = true;
  m.type = type;
  return m;
}

std::vector<std::string> phones_of(const Node& telecom) {
  std::vector<std::string> out;
  for (const Node& t : telecom.list())
    if (t["system"].text() == "phone" || t["system"].text() == "sms") out.push_back(t["value"].text());
  return out;
}

std::string email_of(const Node& telecom) {
  for (const Node& t : telecom.list())
    if (t["system"].text() == "email") return t["value"].text();
  return "";
}

std::string address_line(const Node& address) {
  std::string out;
  for (const Node& l : address["line"].list()) out += (out.empty() ? "" : ", ") + l.text();
  return out;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : separator) + p;
  return out;
}

// The record's notes: `lines` already gathered, then the resource's annotations (`note`), one a line.
void set_notes(Mapped& m, const Node& resource, std::vector<std::string> lines) {
  for (const Node& n : resource["note"].list()) lines.push_back(n["text"].text());
  set(m, "notes", joined(lines, "\n"), 20000);
}

}  // namespace detail

namespace {

using nlohmann::json;

// Values Liaison would refuse are left out (lists keep their good items); a required field
// still missing makes the resource unmapped, with the reason.
void fit_to_schema(Mapped& m) {
  visit_entity(m.type, [&]<class T>() {
    const Schema<T>& schema = T::schema();
    json fitted = json::object();
    for (const auto& [name, value] : m.fields.items()) {
      const FieldSpec<T>* spec = schema.field(name);
      if (!spec || is_empty_value(value)) continue;
      if (spec->kind == FieldKind::TextList && value.is_array()) {
        json good = json::array();
        for (const json& item : value) {
          Checked c = spec->check(json::array({item}));
          if (c.problem.empty() && c.value.is_array()) good.push_back(c.value[0]);
        }
        if (!good.empty()) fitted[name] = good;
        continue;
      }
      // Canonical as Liaison stores it (trimmed text, numbers), so a second import compares equal.
      Checked c = spec->check(value);
      if (c.problem.empty() && !c.value.is_null()) fitted[name] = c.value;
    }
    m.fields = fitted;
    for (const FieldSpec<T>& spec : schema.fields) {
      if (!spec.required || fitted.contains(spec.name) || m.fills.valid()) continue;
      bool linked = std::any_of(m.links.begin(), m.links.end(), [&](const auto& l) { return l.first == spec.name; });
      if (!linked && m.skip.empty()) m.skip = "it has no " + spec.label + ", which Liaison requires";
    }
  });
}

using Mapper = Mapped (*)(Context&, const Node&);

// Each FHIR type Liaison maps, and its mapper. Location and Medication are not here: they stay
// FHIR data, kept for export, and lend their names to what refers to them.
const std::map<std::string, Mapper>& mappers() {
  static const std::map<std::string, Mapper> table = {
      {"Patient", detail::patient},
      {"Practitioner", detail::practitioner},
      {"PractitionerRole", detail::practitioner_role},
      {"Organization", detail::organization},
      {"RelatedPerson", detail::related_person},
      {"Condition", detail::condition},
      {"AllergyIntolerance", detail::allergy},
      {"MedicationRequest", [](Context& ctx, const Node& r) { return detail::medication(ctx, r, true); }},
      {"MedicationStatement", [](Context& ctx, const Node& r) { return detail::medication(ctx, r, false); }},
      {"Procedure", detail::procedure},
      {"Immunization", detail::immunization},
      {"FamilyMemberHistory", detail::family_history},
      {"CarePlan", detail::care_plan},
      {"CareTeam", detail::care_team},
      {"Goal", detail::goal},
      {"Encounter", detail::encounter},
      {"Observation", detail::observation},
      {"Appointment", detail::appointment},
      {"Communication", detail::communication},
      {"Coverage", detail::coverage},
      {"ServiceRequest", detail::referral},
      {"Task", detail::task},
  };
  return table;
}

}  // namespace

Mapped map_resource(Context& ctx, const std::string& type, const Node& r) {
  auto mapper = mappers().find(type);
  if (mapper == mappers().end()) return Mapped{};
  Mapped m = mapper->second(ctx, r);
  if (!m.skip.empty()) return m;
  if (m.records.empty()) {
    fit_to_schema(m);
    return m;
  }
  // Several records: those Liaison would refuse are left out; none left makes the resource unmapped.
  std::vector<Mapped> fitted;
  for (Mapped& record : m.records) {
    fit_to_schema(record);
    if (record.skip.empty()) fitted.push_back(std::move(record));
    else if (m.skip.empty()) m.skip = record.skip;
  }
  m.records = std::move(fitted);
  if (!m.records.empty()) m.skip.clear();
  return m;
}

}  // namespace core::fhir
