// How each FHIR resource type becomes a Liaison record; see fhir_map.hpp. Values Liaison would
// refuse (a phone number with letters, an NPI with a wrong check digit, text too long) are left
// out or shortened rather than failing the import; the original stays in the FHIR data.
#include "fhir_map.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace core::fhir {
namespace {

using nlohmann::json;

const char* const kIcd10System = "http://hl7.org/fhir/sid/icd-10-cm";
const char* const kNpiSystem = "http://hl7.org/fhir/sid/us-npi";

// One of `options` by the FHIR code, through `table` ({fhir code, liaison value}); "" if none.
std::string pick(const std::string& code, std::initializer_list<std::pair<const char*, const char*>> table) {
  for (const auto& [from, to] : table)
    if (code == from) return to;
  return "";
}

void set(Mapped& m, const char* field, const std::string& value, std::size_t max_bytes = 200) {
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

std::string joined(const std::vector<std::string>& parts, const char* separator = "; ") {
  std::string out;
  for (const std::string& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : separator) + p;
  return out;
}

// The record's notes: `lines` already gathered, then the resource's annotations (`note`), one a line.
void set_notes(Mapped& m, const Node& resource, std::vector<std::string> lines = {}) {
  for (const Node& n : resource["note"].list()) lines.push_back(n["text"].text());
  set(m, "notes", joined(lines, "\n"), 20000);
}

// ---- people and organizations ----

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

// ---- clinical history ----

Mapped condition(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Condition);
  if (!link_patient(ctx, m, r["subject"])) return m;
  set(m, "name", concept_text(r["code"]));
  set(m, "icd10", concept_code(r["code"], kIcd10System));
  std::string status = pick(concept_code(r["clinicalStatus"]), {{"active", "active"}, {"recurrence", "active"},
                                                                 {"relapse", "active"}, {"inactive", "inactive"},
                                                                 {"remission", "inactive"}, {"resolved", "resolved"}});
  std::string abatement = read_date(r["abatementDateTime"]);
  if (abatement.empty()) abatement = read_date(r["abatementPeriod"]["start"]);
  if (status.empty()) status = abatement.empty() ? "active" : "resolved";
  m.fields["status"] = status;
  std::string onset = read_date(r["onsetDateTime"]);
  if (onset.empty()) onset = read_date(r["onsetPeriod"]["start"]);
  set(m, "onset_date", onset);
  if (status != "active" && !abatement.empty() && (onset.empty() || abatement >= onset))
    m.fields["resolution_date"] = abatement;
  set_notes(m, r);
  return m;
}

Mapped allergy(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Allergy);
  if (!link_patient(ctx, m, r["patient"])) return m;
  std::string substance = concept_text(r["code"]);
  Node reaction = r["reaction"].first();
  if (substance.empty()) substance = concept_text(reaction["substance"]);
  set(m, "substance", substance);
  std::vector<std::string> manifestations;
  for (const Node& x : r["reaction"].list())
    for (const Node& mf : x["manifestation"].list()) manifestations.push_back(concept_text(mf));
  set(m, "reaction", joined(manifestations, ", "));
  std::string severity = reaction["severity"].text();
  if (severity.empty()) severity = pick(r["criticality"].text(), {{"high", "severe"}});
  set(m, "severity", pick(severity, {{"mild", "mild"}, {"moderate", "moderate"}, {"severe", "severe"}}));
  set(m, "verification", pick(concept_code(r["verificationStatus"]),
                              {{"unconfirmed", "unconfirmed"}, {"confirmed", "confirmed"}, {"refuted", "refuted"}}));
  if (concept_code(r["verificationStatus"]) == "entered-in-error") m.skip = "it was entered in error";
  set(m, "kind", pick(r["type"].text(), {{"allergy", "allergy"}, {"intolerance", "intolerance"}}));
  set(m, "recorded_date", read_date(r["recordedDate"]));
  return m;
}

// MedicationRequest and MedicationStatement.
Mapped medication(Context& ctx, const Node& r, bool request) {
  Mapped m = start(EntityType::Medication);
  if (!link_patient(ctx, m, r["subject"])) return m;
  std::string name = concept_text(r["medicationCodeableConcept"]);
  if (name.empty() && r["medicationReference"].present()) name = ctx.display_of(r["medicationReference"]);
  set(m, "name", name);
  Node dosage = r[request ? "dosageInstruction" : "dosage"].first();
  std::string dose = quantity_text(dosage["doseAndRate"].first()["doseQuantity"]);
  set(m, "dose", dose.empty() ? dosage["text"].text() : dose, 100);
  std::string route = concept_text(dosage["route"]);
  std::string lower = route;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* known : {"oral", "topical", "inhaled", "injection", "intravenous", "subcutaneous", "transdermal"})
    if (lower.find(known) != std::string::npos) {
      m.fields["route"] = known;
      break;
    }
  if (!m.fields.contains("route") && !route.empty()) m.fields["route"] = "other";
  Node repeat = dosage["timing"]["repeat"];
  std::string frequency = concept_text(dosage["timing"]["code"]);
  if (frequency.empty() && repeat["frequency"].number()) {
    char buffer[80];
    std::snprintf(buffer, sizeof buffer, "%g times every %g %s", *repeat["frequency"].number(),
                  repeat["period"].number().value_or(1), repeat["periodUnit"].text().c_str());
    frequency = buffer;
  }
  set(m, "frequency", frequency, 100);
  if (r["requester"].present()) link(m, "prescriber", ctx.record_of(r["requester"], EntityType::Practitioner));
  std::string start_date = request ? read_date(r["authoredOn"]) : read_date(r["effectiveDateTime"]);
  if (start_date.empty()) start_date = read_date(r["effectivePeriod"]["start"]);
  if (start_date.empty() && request) start_date = read_date(r["dispenseRequest"]["validityPeriod"]["start"]);
  set(m, "start_date", start_date);
  std::string stop = read_date(r["effectivePeriod"]["end"]);
  if (!stop.empty() && (start_date.empty() || stop >= start_date)) m.fields["stop_date"] = stop;
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  std::string liaison_status = pick(status, {{"on-hold", "on_hold"}, {"stopped", "stopped"}, {"completed", "stopped"},
                                            {"cancelled", "stopped"}, {"not-taken", "stopped"}});
  m.fields["status"] = liaison_status.empty() ? "active" : liaison_status;
  std::vector<std::string> reasons;
  for (const Node& c : r["reasonCode"].list()) reasons.push_back(concept_text(c));
  for (const Node& ref : r["reasonReference"].list()) reasons.push_back(ctx.display_of(ref));
  set(m, "indication", joined(reasons, ", "));
  set_notes(m, r);
  return m;
}

Mapped procedure(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Procedure);
  if (!link_patient(ctx, m, r["subject"])) return m;
  set(m, "name", concept_text(r["code"]));
  std::string date = read_date(r["performedDateTime"]);
  if (date.empty()) date = read_date(r["performedPeriod"]["start"]);
  set(m, "date", date);
  link(m, "performer", ctx.record_of(r["performer"].first()["actor"], EntityType::Practitioner));
  set(m, "outcome", concept_text(r["outcome"]));
  set_notes(m, r);
  return m;
}

// Liaison keeps vaccinations given among the procedures.
Mapped immunization(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Procedure);
  if (!link_patient(ctx, m, r["patient"])) return m;
  std::string vaccine = concept_text(r["vaccineCode"]);
  set(m, "name", vaccine.empty() ? std::string() : "Immunization: " + vaccine);
  set(m, "date", read_date(r["occurrenceDateTime"]));
  link(m, "performer", ctx.record_of(r["performer"].first()["actor"], EntityType::Practitioner));
  if (r["status"].text() == "not-done") m.fields["outcome"] = "not done";
  if (r["status"].text() == "entered-in-error") m.skip = "it was entered in error";
  return m;
}

Mapped family_history(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::FamilyHistory);
  if (!link_patient(ctx, m, r["patient"])) return m;
  std::string code = concept_code(r["relationship"]);
  std::string relative = pick(code, {{"MTH", "mother"}, {"NMTH", "mother"}, {"FTH", "father"}, {"NFTH", "father"},
                                     {"SIB", "sibling"}, {"BRO", "sibling"}, {"SIS", "sibling"}, {"NBRO", "sibling"},
                                     {"NSIS", "sibling"}, {"CHILD", "child"}, {"SON", "child"}, {"DAU", "child"},
                                     {"GRMTH", "grandparent"}, {"GRFTH", "grandparent"}, {"MGRMTH", "grandparent"},
                                     {"MGRFTH", "grandparent"}, {"PGRMTH", "grandparent"}, {"PGRFTH", "grandparent"},
                                     {"AUNT", "aunt_uncle"}, {"UNCLE", "aunt_uncle"}, {"MAUNT", "aunt_uncle"},
                                     {"PAUNT", "aunt_uncle"}, {"MUNCLE", "aunt_uncle"}, {"PUNCLE", "aunt_uncle"}});
  m.fields["relative"] = relative.empty() ? "other" : relative;
  std::vector<std::string> conditions;
  for (const Node& c : r["condition"].list()) conditions.push_back(concept_text(c["code"]));
  set(m, "condition", joined(conditions, ", "));
  if (auto onset = r["condition"].first()["onsetAge"]["value"].number(); onset && *onset >= 0 && *onset < 150)
    m.fields["age_at_onset"] = static_cast<long long>(*onset);
  if (r["deceasedBoolean"].flag().value_or(false) || r["deceasedAge"].present() || r["deceasedDate"].present())
    m.fields["deceased"] = true;
  set_notes(m, r);
  return m;
}

// ---- care plans ----

Mapped care_plan(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::CarePlan);
  if (!link_patient(ctx, m, r["subject"])) return m;
  std::string title = r["title"].text();
  if (title.empty()) {
    std::vector<std::string> categories;
    for (const Node& c : r["category"].list()) categories.push_back(concept_text(c));
    title = categories.empty() ? "" : categories.back();
  }
  if (title.empty()) title = r["description"].text();
  if (title.empty()) title = "Care plan";
  set(m, "title", title);
  json problems = json::array();
  for (const Node& a : r["addresses"].list()) {
    std::string p = ctx.display_of(a);
    if (!p.empty() && problems.size() < 20) problems.push_back(clip(p, 200));
  }
  if (!problems.empty()) m.fields["problems"] = problems;
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"draft", "draft"}, {"active", "active"}, {"on-hold", "active"},
                                 {"completed", "completed"}, {"revoked", "revoked"}}));
  set(m, "start_date", read_date(r["period"]["start"]));
  std::vector<std::string> notes;
  if (!r["description"].text().empty()) notes.push_back(r["description"].text());
  std::vector<std::string> activities;
  for (const Node& a : r["activity"].list()) {
    std::string what = concept_text(a["detail"]["code"]);
    if (what.empty()) what = a["detail"]["description"].text();
    if (what.empty() && a["reference"].present()) what = ctx.display_of(a["reference"]);
    activities.push_back(what);
  }
  if (!joined(activities).empty()) notes.push_back("Activities: " + joined(activities));
  set_notes(m, r, std::move(notes));
  return m;
}

Mapped goal(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Goal);
  if (!link_patient(ctx, m, r["subject"])) return m;
  set(m, "description", concept_text(r["description"]), 500);
  Node target = r["target"].first();
  set(m, "measure", concept_text(target["measure"]), 100);
  std::string wanted = quantity_text(target["detailQuantity"]);
  if (wanted.empty()) wanted = concept_text(target["detailCodeableConcept"]);
  if (wanted.empty()) wanted = target["detailString"].text();
  set(m, "target", wanted, 100);
  set(m, "due_date", read_date(target["dueDate"]));
  std::string achievement = concept_code(r["achievementStatus"]);
  std::string status = pick(r["lifecycleStatus"].text(), {{"proposed", "proposed"}, {"planned", "proposed"},
                                                          {"accepted", "active"}, {"active", "active"},
                                                          {"on-hold", "active"}, {"completed", "achieved"},
                                                          {"cancelled", "cancelled"}, {"rejected", "cancelled"}});
  if (achievement == "achieved") status = "achieved";
  if (achievement == "not-achieved") status = "not_achieved";
  if (r["lifecycleStatus"].text() == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", status);
  return m;
}

// ---- encounters and what is observed ----

Mapped encounter(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Encounter);
  if (!link_patient(ctx, m, r["subject"])) return m;
  // The v3 ActCode encounter classes (https://terminology.hl7.org/ValueSet-v3-ActEncounterCode.html);
  // IMP, ACUTE and NONAC are hospital stays, which the transition-of-care rules read as inpatient.
  std::string cls = r["class"]["code"].text();
  std::string kind = pick(cls, {{"IMP", "inpatient"}, {"ACUTE", "inpatient"}, {"NONAC", "inpatient"},
                                {"EMER", "emergency"}, {"OBSENC", "observation"}, {"HH", "home_health"},
                                {"AMB", "outpatient"}, {"VR", "outpatient"}, {"FLD", "outpatient"},
                                {"PRENC", "outpatient"}, {"SS", "outpatient"}});
  std::string display = r["class"]["display"].text();
  if (kind.empty() && display.find("inpatient") != std::string::npos) kind = "inpatient";
  if (kind.empty()) kind = "outpatient";
  m.fields["kind"] = kind;
  std::string facility = ctx.display_of(r["serviceProvider"]);
  if (facility.empty()) facility = ctx.display_of(r["location"].first()["location"]);
  set(m, "facility", facility);
  std::string admitted = read_date(r["period"]["start"]);
  std::string discharged = read_date(r["period"]["end"]);
  set(m, "admission_date", admitted);
  if (!discharged.empty() && discharged >= admitted) m.fields["discharge_date"] = discharged;
  std::string priority = concept_code(r["priority"]);
  std::string admission_type = pick(priority, {{"EL", "elective"}, {"R", "elective"}, {"UR", "urgent"},
                                               {"EM", "emergency"}, {"S", "urgent"}, {"A", "urgent"}});
  set(m, "admission_type", admission_type);
  if (kind == "emergency" || admission_type == "emergency" || admission_type == "urgent") m.fields["acute"] = true;
  std::string disposition = concept_code(r["hospitalization"]["dischargeDisposition"]);
  // R4 discharge-disposition codes, https://terminology.hl7.org/CodeSystem-discharge-disposition.html
  set(m, "discharge_disposition", pick(disposition, {{"home", "home"}, {"alt-home", "home"}, {"other-hcf", "other"},
                                                     {"hosp", "hospice"}, {"long", "skilled_nursing"},
                                                     {"snf", "skilled_nursing"}, {"rehab", "rehab"},
                                                     {"aadvice", "against_medical_advice"}, {"exp", "died"},
                                                     {"psy", "other"}, {"oth", "other"}}));
  std::vector<std::string> notes;
  std::vector<std::string> types;
  for (const Node& t : r["type"].list()) types.push_back(concept_text(t));
  notes.push_back(joined(types, ", "));
  std::vector<std::string> reasons;
  for (const Node& c : r["reasonCode"].list()) reasons.push_back(concept_text(c));
  for (const Node& ref : r["reasonReference"].list()) reasons.push_back(ctx.display_of(ref));
  if (!joined(reasons).empty()) notes.push_back("Reason: " + joined(reasons, ", "));
  set(m, "notes", joined(notes, "\n"), 20000);
  return m;
}

std::string value_text(const Node& r) {
  if (r["valueCodeableConcept"].present()) return concept_text(r["valueCodeableConcept"]);
  if (r["valueString"].present()) return r["valueString"].text();
  if (auto b = r["valueBoolean"].flag()) return *b ? "yes" : "no";
  if (r["valueDateTime"].present()) return read_date_time(r["valueDateTime"]);
  if (r["valueRange"].present())
    return quantity_text(r["valueRange"]["low"]) + " to " + quantity_text(r["valueRange"]["high"]);
  if (r["valueRatio"].present())
    return quantity_text(r["valueRatio"]["numerator"]) + " / " + quantity_text(r["valueRatio"]["denominator"]);
  return "";
}

// One measurement per Observation; a panel's components (blood pressure) are written in the result.
Mapped observation(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Measurement);
  if (!link_patient(ctx, m, r["subject"])) return m;
  if (r["status"].text() == "entered-in-error") m.skip = "it was entered in error";
  set(m, "type", concept_text(r["code"]), 100);
  Node quantity = r["valueQuantity"];
  if (auto v = quantity["value"].number()) {
    m.fields["value"] = *v;
    std::string unit = quantity["unit"].text();
    set(m, "unit", unit.empty() ? quantity["code"].text() : unit, 40);
  } else if (auto i = r["valueInteger"].number()) {
    m.fields["value"] = *i;
  }
  std::string result = value_text(r);
  std::vector<std::string> parts;
  for (const Node& c : r["component"].list()) {
    std::string v = quantity_text(c["valueQuantity"]);
    if (v.empty()) v = value_text(c);
    parts.push_back(concept_text(c["code"]) + (v.empty() ? "" : " " + v));
  }
  if (result.empty()) result = joined(parts);
  if (result.empty() && !m.fields.contains("value")) {
    std::string absent = concept_text(r["dataAbsentReason"]);
    std::vector<std::string> members;
    for (const Node& h : r["hasMember"].list()) members.push_back(ctx.display_of(h));
    result = !absent.empty() ? "no value: " + absent : !joined(members).empty() ? "panel: " + joined(members) : "no value recorded";
  }
  set(m, "result", result);
  std::string taken = read_date_time(r["effectiveDateTime"]);
  if (taken.empty()) taken = read_date_time(r["effectivePeriod"]["start"]);
  if (taken.empty()) taken = read_date_time(r["effectiveInstant"]);
  if (taken.empty()) taken = read_date_time(r["issued"]);
  set(m, "taken_at", taken);
  return m;
}

Mapped communication(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Note);
  if (!link_patient(ctx, m, r["subject"])) return m;
  m.fields["kind"] = "message";
  std::vector<std::string> text;
  for (const Node& p : r["payload"].list()) {
    if (p["contentString"].present()) text.push_back(p["contentString"].text());
    else if (p["contentAttachment"].present()) text.push_back("Attachment: " + p["contentAttachment"]["title"].text());
    else if (p["contentReference"].present()) text.push_back("See " + ctx.display_of(p["contentReference"]));
  }
  std::string body = joined(text, "\n");
  if (body.empty()) body = concept_text(r["topic"]);
  if (body.empty()) body = concept_text(r["category"].first());
  set(m, "text", body, 20000);
  std::string sender = ctx.display_of(r["sender"]);
  std::vector<std::string> recipients;
  for (const Node& x : r["recipient"].list()) recipients.push_back(ctx.display_of(x));
  set(m, "with_whom", sender.empty() ? joined(recipients, ", ") : sender);
  std::string at = read_date_time(r["sent"]);
  if (at.empty()) at = read_date_time(r["received"]);
  set(m, "at", at);
  return m;
}

// ---- coverage, referrals and tasks ----

Mapped coverage(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Coverage);
  if (!link_patient(ctx, m, r["beneficiary"])) return m;
  link(m, "payer", ctx.record_of(r["payor"].first(), EntityType::Organization));
  std::string plan, group;
  for (const Node& c : r["class"].list()) {
    std::string kind = concept_code(c["type"]);
    std::string value = c["name"].text().empty() ? c["value"].text() : c["name"].text();
    if (kind == "plan" && plan.empty()) plan = value;
    if (kind == "group" && group.empty()) group = c["value"].text();
  }
  if (plan.empty()) plan = concept_text(r["type"]);
  if (plan.empty()) plan = ctx.display_of(r["payor"].first());
  set(m, "plan_name", plan);
  set(m, "group_number", group, 40);
  std::string member = r["subscriberId"].text();
  if (member.empty()) member = r["identifier"].first()["value"].text();
  set(m, "member_id", member, 100);
  std::string relationship = concept_code(r["relationship"]);
  set(m, "relationship_to_subscriber", pick(relationship, {{"self", "self"}, {"spouse", "spouse"}, {"child", "child"},
                                                           {"parent", "other"}, {"common", "spouse"},
                                                           {"injured", "other"}, {"other", "other"}}));
  std::string from = read_date(r["period"]["start"]), to = read_date(r["period"]["end"]);
  set(m, "start_date", from);
  if (!to.empty() && (from.empty() || to >= from)) m.fields["end_date"] = to;
  if (auto order = r["order"].number(); order && *order >= 1 && *order <= 3)
    m.fields["priority"] = *order == 1 ? "primary" : *order == 2 ? "secondary" : "tertiary";
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"active", "active"}, {"cancelled", "inactive"}, {"draft", "inactive"}}));
  return m;
}

// A ServiceRequest is what Liaison calls a referral: someone asked to see or do something.
Mapped referral(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Referral);
  if (!link_patient(ctx, m, r["subject"])) return m;
  for (const Node& performer : r["performer"].list()) {
    link(m, "to_practitioner", ctx.record_of(performer, EntityType::Practitioner));
    link(m, "to_organization", ctx.record_of(performer, EntityType::Organization));
  }
  std::vector<std::string> reason{concept_text(r["code"])};
  for (const Node& c : r["reasonCode"].list()) reason.push_back(concept_text(c));
  for (const Node& ref : r["reasonReference"].list()) reason.push_back(ctx.display_of(ref));
  set(m, "reason", joined(reason, ": "), 500);
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"draft", "draft"}, {"active", "sent"}, {"on-hold", "sent"}, {"revoked", "cancelled"},
                                 {"completed", "completed"}}));
  set(m, "sent_date", read_date(r["authoredOn"]));
  std::string priority = r["priority"].text();
  set(m, "urgency", priority.empty() ? "" : priority == "routine" ? "routine" : "urgent");
  return m;
}

Mapped task(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Task);
  if (r["for"].present()) {
    m.patient = ctx.record_of(r["for"], EntityType::Patient);
    link(m, "patient", m.patient);
  }
  std::string title = r["description"].text();
  if (title.empty()) title = concept_text(r["code"]);
  set(m, "title", title);
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"draft", "open"}, {"requested", "open"}, {"received", "open"}, {"accepted", "open"},
                                 {"ready", "open"}, {"on-hold", "open"}, {"in-progress", "in_progress"},
                                 {"completed", "done"}, {"cancelled", "cancelled"}, {"rejected", "cancelled"},
                                 {"failed", "cancelled"}}));
  set(m, "priority", pick(r["priority"].text(), {{"routine", "normal"}, {"urgent", "urgent"}, {"asap", "high"},
                                                 {"stat", "urgent"}}));
  set(m, "due_date", read_date(r["restriction"]["period"]["end"]));
  set(m, "owner", ctx.display_of(r["owner"]), 100);
  set_notes(m, r);
  return m;
}

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
      if (!spec.required || fitted.contains(spec.name)) continue;
      bool linked = std::any_of(m.links.begin(), m.links.end(), [&](const auto& l) { return l.first == spec.name; });
      if (!linked && m.skip.empty()) m.skip = "it has no " + spec.label + ", which Liaison requires";
    }
  });
}

}  // namespace

Mapped map_resource(Context& ctx, const std::string& type, const Node& r) {
  Mapped m;
  if (type == "Patient") m = patient(ctx, r);
  else if (type == "Practitioner") m = practitioner(ctx, r);
  else if (type == "Organization") m = organization(ctx, r);
  else if (type == "RelatedPerson") m = related_person(ctx, r);
  else if (type == "Condition") m = condition(ctx, r);
  else if (type == "AllergyIntolerance") m = allergy(ctx, r);
  else if (type == "MedicationRequest") m = medication(ctx, r, true);
  else if (type == "MedicationStatement") m = medication(ctx, r, false);
  else if (type == "Procedure") m = procedure(ctx, r);
  else if (type == "Immunization") m = immunization(ctx, r);
  else if (type == "FamilyMemberHistory") m = family_history(ctx, r);
  else if (type == "CarePlan") m = care_plan(ctx, r);
  else if (type == "Goal") m = goal(ctx, r);
  else if (type == "Encounter") m = encounter(ctx, r);
  else if (type == "Observation") m = observation(ctx, r);
  else if (type == "Communication") m = communication(ctx, r);
  else if (type == "Coverage") m = coverage(ctx, r);
  else if (type == "ServiceRequest") m = referral(ctx, r);
  else if (type == "Task") m = task(ctx, r);
  else return m;
  if (m.skip.empty()) fit_to_schema(m);
  return m;
}

}  // namespace core::fhir
