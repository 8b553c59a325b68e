// FHIR people and places as Liaison records: Patient, Practitioner, PractitionerRole (filling in
// its Practitioner), Organization and RelatedPerson. A Location is kept for export and lends its
// name to the appointments and encounters that point to it. See fhir_map_helpers.hpp.
#include <algorithm>
#include <cctype>
#include <utility>

#include "core/fhir/fhir_map_helpers.hpp"

namespace core::fhir::detail {
namespace {
using nlohmann::json;
const char* const kNpiSystem = "http://hl7.org/fhir/sid/us-npi";
}  // namespace

Mapped patient(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Patient);
  Node official(nullptr, "");
  Node usual(nullptr, "");
  for (const Node& n : r["name"].list()) {
    std::string use = n["use"].text();
    if (!official.present() && (use == "official" || use.empty())) official = n;
    if (!usual.present() && (use == "usual" || use == "nickname")) usual = n;
  }
  if (!official.present()) official = r["name"].first();
  std::vector<std::string> given;
  for (const Node& g : official["given"].list()) given.push_back(g.text());
  set(m, "given_name", joined(given, " "), 100);
  set(m, "family_name", official["family"].text(), 100);
  if (usual.present() && usual.json() != official.json()) set(m, "preferred_name", usual["given"].first().text(), 100);
  std::string birth = read_date(r["birthDate"]);
  set(m, "birth_date", birth);
  if (!birth.empty() && birth < "1900-01-01") m.skip = "its date of birth is before 1900, which Liaison does not accept";
  set(m, "sex", pick(r["gender"].text(), {{"female", "female"}, {"male", "male"}, {"other", "other"}, {"unknown", "unknown"}}));
  json others = json::array();
  for (const Node& i : r["identifier"].list()) {
    std::string value = i["value"].text();
    if (value.empty()) continue;
    if (concept_code(i["type"]) == "MR" && !m.fields.contains("mrn")) set(m, "mrn", value, 100);
    else if (others.size() < 20) others.push_back(clip(i["system"].text() + "|" + value, 100));
  }
  if (!others.empty()) m.fields["identifiers"] = others;
  json phones = json::array();
  for (const std::string& p : phones_of(r["telecom"])) phones.push_back(p);
  if (!phones.empty()) m.fields["phones"] = phones;
  set(m, "email", email_of(r["telecom"]));
  Node address = r["address"].first();
  set(m, "address_line", address_line(address));
  set(m, "city", address["city"].text(), 100);
  set(m, "region", address["state"].text(), 100);
  set(m, "postal_code", address["postalCode"].text(), 20);
  set(m, "country", address["country"].text(), 100);
  Node language(nullptr, "");
  for (const Node& c : r["communication"].list())
    if (!language.present() || c["preferred"].flag().value_or(false)) language = c["language"];
  set(m, "language", concept_text(language), 60);
  for (const Node& e : r["extension"].list()) {
    std::string url = e["url"].text();
    if (url == "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired")
      m.fields["interpreter_needed"] = e["valueBoolean"].flag().value_or(false);
    if (url == "http://hl7.org/fhir/us/core/StructureDefinition/us-core-interpreter-needed") {
      // v2-0136 yes/no: "Y" means an interpreter is needed.
      std::string code = e["valueCoding"]["code"].text();
      if (code.empty()) code = concept_code(e["valueCodeableConcept"]);
      m.fields["interpreter_needed"] = code == "Y";
    }
  }
  std::string deceased = read_date(r["deceasedDateTime"]);
  if (!deceased.empty() && deceased >= birth) {
    m.fields["status"] = "deceased";
    m.fields["deceased_date"] = deceased;
  } else if (r["deceasedBoolean"].flag().value_or(false) || !deceased.empty()) {
    m.fields["status"] = "deceased";
  } else if (!r["active"].flag().value_or(true)) {
    m.fields["status"] = "inactive";
  }
  link(m, "primary_care_provider", ctx.record_of(r["generalPractitioner"].first(), EntityType::Practitioner));
  return m;
}

Mapped practitioner(Context&, const Node& r) {
  Mapped m = start(EntityType::Practitioner);
  Node name = r["name"].first();
  std::vector<std::string> prefix;
  for (const Node& p : name["prefix"].list()) prefix.push_back(p.text());
  std::string full = name_text(name);
  if (name["text"].text().empty() && !prefix.empty()) full = joined(prefix, " ") + " " + full;
  set(m, "name", full);
  std::vector<std::string> suffix;
  for (const Node& s : name["suffix"].list()) suffix.push_back(s.text());
  set(m, "credentials", joined(suffix, ", "), 100);
  for (const Node& i : r["identifier"].list())
    if (i["system"].text() == kNpiSystem) set(m, "npi", i["value"].text());
  json phones = json::array();
  for (const std::string& p : phones_of(r["telecom"])) phones.push_back(p);
  if (!phones.empty()) m.fields["phones"] = phones;
  set(m, "email", email_of(r["telecom"]));
  return m;
}

Mapped organization(Context&, const Node& r) {
  Mapped m = start(EntityType::Organization);
  set(m, "name", r["name"].text());
  std::string type = concept_code(r["type"].first());
  set(m, "kind", pick(type, {{"prov", "clinic"}, {"pay", "payer"}, {"ins", "payer"}, {"cg", "community_service"}}));
  std::vector<std::string> phones = phones_of(r["telecom"]);
  if (!phones.empty()) set(m, "phone", phones.front());
  set(m, "email", email_of(r["telecom"]));
  Node address = r["address"].first();
  set(m, "address_line", address_line(address));
  set(m, "city", address["city"].text(), 100);
  set(m, "region", address["state"].text(), 100);
  set(m, "postal_code", address["postalCode"].text(), 20);
  return m;
}

Mapped related_person(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::RelatedPerson);
  if (!link_patient(ctx, m, r["patient"])) return m;
  set(m, "name", name_text(r["name"].first()));
  std::string code;
  for (const Node& rel : r["relationship"].list())
    if (code.empty()) code = concept_code(rel);
  std::string relationship = pick(code, {{"SPS", "spouse"}, {"HUSB", "spouse"}, {"WIFE", "spouse"}, {"DOMPART", "partner"},
                                         {"PRN", "parent"}, {"MTH", "parent"}, {"FTH", "parent"}, {"NMTH", "parent"},
                                         {"NFTH", "parent"}, {"CHILD", "child"}, {"DAU", "child"}, {"SON", "child"},
                                         {"SIB", "sibling"}, {"BRO", "sibling"}, {"SIS", "sibling"}, {"FRND", "friend"},
                                         {"NIECE", "other_relative"}, {"NEPHEW", "other_relative"}, {"AUNT", "other_relative"},
                                         {"UNCLE", "other_relative"}, {"GRMTH", "other_relative"}, {"GRFTH", "other_relative"},
                                         {"COUSN", "other_relative"}, {"FAMMEMB", "other_relative"}});
  m.fields["relationship"] = relationship.empty() ? "other" : relationship;
  for (const Node& rel : r["relationship"].list()) {
    std::string c = concept_code(rel);
    if (c == "C" || c == "EP") m.fields["emergency_contact"] = true;
  }
  json phones = json::array();
  for (const std::string& p : phones_of(r["telecom"])) phones.push_back(p);
  if (!phones.empty()) m.fields["phones"] = phones;
  set(m, "email", email_of(r["telecom"]));
  set(m, "address_line", address_line(r["address"].first()));
  return m;
}

// Liaison keeps one role per practitioner, on the Practitioner itself: a PractitionerRole fills in
// its practitioner's role, specialty and organization. Roles are read from the code's text and
// codes (http://terminology.hl7.org/CodeSystem/practitioner-role: doctor, nurse, pharmacist, ...).
Mapped practitioner_role(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Practitioner);
  m.fills = ctx.record_of(r["practitioner"], EntityType::Practitioner);
  if (!m.fills.valid()) {
    m.skip = r["practitioner"].present() ? "its practitioner is not in this import or in Liaison" : "it names no practitioner";
    return m;
  }
  if (r["active"].flag() == false) {
    m.skip = "the role is no longer active";
    return m;
  }
  std::string words;
  for (const Node& c : r["code"].list()) words += " " + concept_text(c) + " " + concept_code(c);
  std::transform(words.begin(), words.end(), words.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string role;
  for (const auto& [part, value] : {std::pair{"doctor", "physician"}, {"physician", "physician"}, {"nurse", "nurse"},
                                     {"pharmac", "pharmacist"}, {"social work", "social_worker"},
                                     {"therap", "therapist"}, {"home health", "home_health"}})
    if (role.empty() && words.find(part) != std::string::npos) role = value;
  if (role.empty() && !r["code"].list().empty()) role = "other";
  set(m, "role", role);
  set(m, "specialty", concept_text(r["specialty"].first()), 100);
  link(m, "organization", ctx.record_of(r["organization"], EntityType::Organization));
  return m;
}

}  // namespace core::fhir::detail
