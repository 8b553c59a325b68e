// Writing people and organizations as FHIR R4: Patient, RelatedPerson, Practitioner,
// Organization, and each care team member as a CareTeam of one participant. Each writer is the
// inverse of its importer (fhir_map.cpp), so importing an export gives the same records back.
#include "core/fhir/fhir_write.hpp"

namespace core::fhir {
namespace {

json telecom(const std::vector<std::string>& phones, const std::string& email, const std::string& fax = "") {
  json out = json::array();
  for (const std::string& p : phones) out.push_back({{"system", "phone"}, {"value", p}});
  if (!fax.empty()) out.push_back({{"system", "fax"}, {"value", fax}});
  if (!email.empty()) out.push_back({{"system", "email"}, {"value", email}});
  return out;
}

json address(const std::string& line, const std::string& city, const std::string& region,
             const std::string& postal_code, const std::string& country = "") {
  json a = json::object();
  if (!line.empty()) a["line"] = json::array({line});
  put(a, "city", city);
  put(a, "state", region);
  put(a, "postalCode", postal_code);
  put(a, "country", country);
  return a.empty() ? json() : json::array({a});
}

// "system|value" as an Identifier (a value alone when there is no '|').
json identifier(const std::string& text) {
  std::size_t bar = text.find('|');
  if (bar == std::string::npos) return {{"value", text}};
  json i{{"value", text.substr(bar + 1)}};
  if (bar > 0) i["system"] = text.substr(0, bar);
  return i;
}

// The MRN's system as it was imported (among the FhirResource's identifiers), else Liaison's.
std::string mrn_system(const Writer& w, const Patient& p) {
  const std::string suffix = "|" + p.mrn;
  if (const FhirResource* r = w.origin(EntityType::Patient, p.id.value))
    for (const std::string& i : r->identifiers)
      if (i.size() > suffix.size() && i.compare(i.size() - suffix.size(), suffix.size(), suffix) == 0)
        return i.substr(0, i.size() - suffix.size());
  return "urn:liaison:mrn";
}

}  // namespace

json write(const Writer& w, const Patient& p) {
  json r{{"resourceType", "Patient"}};
  json identifiers = json::array();
  if (!p.mrn.empty())
    identifiers.push_back({{"type", codeable("", "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")},
                           {"system", mrn_system(w, p)},
                           {"value", p.mrn}});
  for (const std::string& i : p.identifiers) identifiers.push_back(identifier(i));
  put(r, "identifier", identifiers);
  r["active"] = p.status != "inactive";
  json official{{"use", "official"}};
  put(official, "family", p.family_name);
  if (!p.given_name.empty()) official["given"] = json::array({p.given_name});
  json names = json::array({official});
  if (!p.preferred_name.empty()) names.push_back({{"use", "usual"}, {"given", json::array({p.preferred_name})}});
  r["name"] = names;
  put(r, "telecom", telecom(p.phones, p.email));
  put(r, "gender", p.sex);
  put(r, "birthDate", fhir_date(p.birth_date));
  if (p.status == "deceased") {
    if (p.deceased_date) r["deceasedDateTime"] = fhir_date(p.deceased_date);
    else r["deceasedBoolean"] = true;
  }
  put(r, "address", address(p.address_line, p.city, p.region, p.postal_code, p.country));
  if (!p.language.empty()) r["communication"] = json::array({{{"language", codeable(p.language)}, {"preferred", true}}});
  if (json gp = w.ref(p.primary_care_provider); !gp.is_null()) r["generalPractitioner"] = json::array({gp});
  r["extension"] = json::array({{{"url", "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"},
                                 {"valueBoolean", p.interpreter_needed}}});
  if (!p.gender_identity.empty())
    r["extension"].push_back({{"url", "http://hl7.org/fhir/StructureDefinition/patient-genderIdentity"},
                              {"valueCodeableConcept", codeable(p.gender_identity)}});
  add_liaison_fields(w, r, p,
                     {"given_name", "family_name", "preferred_name", "birth_date", "sex", "gender_identity", "mrn",
                      "identifiers", "phones", "email", "address_line", "city", "region", "postal_code", "country",
                      "language", "interpreter_needed", "primary_care_provider", "status", "deceased_date"});
  return r;
}

json write(const Writer& w, const RelatedPerson& p) {
  json r{{"resourceType", "RelatedPerson"}, {"patient", w.ref(p.patient)}};
  if (r["patient"].is_null()) return nullptr;
  // v3 RoleCode (https://terminology.hl7.org/CodeSystem-v3-RoleCode.html); "other" has no code.
  static const std::pair<const char*, const char*> kCodes[] = {{"spouse", "SPS"},  {"partner", "DOMPART"},
                                                               {"parent", "PRN"},  {"child", "CHILD"},
                                                               {"sibling", "SIB"}, {"friend", "FRND"},
                                                               {"other_relative", "FAMMEMB"}};
  json relationships = json::array();
  for (const auto& [value, code] : kCodes)
    if (p.relationship == value) relationships.push_back(codeable("", kRoleCodeUrl, code));
  if (p.emergency_contact)  // v2-0131 contact role: emergency contact
    relationships.push_back(codeable("", "http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"));
  put(r, "relationship", relationships);
  if (!p.name.empty()) r["name"] = json::array({{{"text", p.name}}});
  put(r, "telecom", telecom(p.phones, p.email));
  put(r, "address", address(p.address_line, "", "", ""));
  add_liaison_fields(w, r, p, {"name", "relationship", "phones", "email", "address_line", "emergency_contact"});
  return r;
}

json write(const Writer& w, const Practitioner& p) {
  json r{{"resourceType", "Practitioner"}};
  if (!p.npi.empty()) r["identifier"] = json::array({{{"system", kNpiUrl}, {"value", p.npi}}});
  json name = json::object();
  put(name, "text", p.name);
  if (!p.credentials.empty()) name["suffix"] = json::array({p.credentials});
  if (!name.empty()) r["name"] = json::array({name});
  put(r, "telecom", telecom(p.phones, p.email, p.fax));
  add_liaison_fields(w, r, p, {"name", "credentials", "npi", "phones", "email"});
  return r;
}

json write(const Writer& w, const Organization& o) {
  json r{{"resourceType", "Organization"}, {"active", true}};
  // Organization type codes (https://terminology.hl7.org/CodeSystem-organization-type.html).
  static const std::pair<const char*, const char*> kTypes[] = {
      {"clinic", "prov"}, {"hospital", "prov"}, {"specialist_practice", "prov"}, {"home_health", "prov"},
      {"lab", "prov"},    {"pharmacy", "prov"}, {"payer", "pay"},               {"community_service", "cg"},
      {"other", "other"}};
  for (const auto& [kind, code] : kTypes)
    if (o.kind == kind) r["type"] = json::array({codeable("", "http://terminology.hl7.org/CodeSystem/organization-type", code)});
  put(r, "name", o.name);
  put(r, "telecom", telecom(o.phone.empty() ? std::vector<std::string>{} : std::vector<std::string>{o.phone}, o.email, o.fax));
  put(r, "address", address(o.address_line, o.city, o.region, o.postal_code));
  // The kind goes out as a field too: the organization-type codes put clinics and hospitals together.
  add_liaison_fields(w, r, o, {"name", "phone", "email", "address_line", "city", "region", "postal_code"});
  return r;
}

json write(const Writer& w, const CareTeamMember& m) {
  json r{{"resourceType", "CareTeam"}, {"subject", w.ref(m.patient)}};
  if (r["subject"].is_null()) return nullptr;
  const bool ended = m.end_date.has_value();
  r["status"] = ended ? "inactive" : "active";
  json participant = json::object();
  if (!m.role.empty()) participant["role"] = json::array({codeable(m.role)});
  json member = !m.practitioner.empty() ? w.ref(m.practitioner) : w.ref(m.organization);
  put(participant, "member", member);
  if (!m.practitioner.empty() && !m.organization.empty()) put(participant, "onBehalfOf", w.ref(m.organization));
  json period = json::object();
  put(period, "start", fhir_date(m.start_date));
  put(period, "end", fhir_date(m.end_date));
  put(participant, "period", period);
  if (!participant.empty()) r["participant"] = json::array({participant});
  put(r, "period", period);
  // Every field as a Liaison extension too, so an import reads the member back whole.
  add_liaison_fields(w, r, m, {});
  return r;
}

}  // namespace core::fhir
