// Writing the clinical history as FHIR R4: Condition, Procedure (or Immunization, when it came
// in as one), AllergyIntolerance, MedicationStatement or MedicationRequest, FamilyMemberHistory,
// Observation (measurements and social factors) and Communication (notes). Each writer is the
// inverse of its importer (fhir_map.cpp), so importing an export gives the same records back.
#include "core/fhir/fhir_write.hpp"

namespace core::fhir {
namespace {

const char* const kObservationCategoryUrl = "http://terminology.hl7.org/CodeSystem/observation-category";

// The resource, its subject (or patient) reference under `subject_key`; null without a patient.
json start(const Writer& w, const char* type, const char* subject_key, const Id<Patient>& patient) {
  json subject = w.ref(patient);
  if (subject.is_null()) return nullptr;
  return json{{"resourceType", type}, {subject_key, subject}};
}

void put_notes(json& r, const std::string& notes) {
  if (!notes.empty()) r["note"] = json::array({{{"text", notes}}});
}

// A code of `table` ({liaison value, FHIR code}) for `value`, or `fallback`.
std::string code_for(const std::string& value, std::initializer_list<std::pair<const char*, const char*>> table,
                     const char* fallback) {
  for (const auto& [from, to] : table)
    if (value == from) return to;
  return fallback;
}

}  // namespace

json write(const Writer& w, const Condition& c) {
  json r = start(w, "Condition", "subject", c.patient);
  if (r.is_null()) return r;
  // Condition clinical status (https://terminology.hl7.org/CodeSystem-condition-clinical.html).
  const std::string status = c.status.empty() ? "active" : c.status;
  r["clinicalStatus"] = codeable("", "http://terminology.hl7.org/CodeSystem/condition-clinical", status);
  json code = codeable(c.name, c.icd10.empty() ? "" : kIcd10Url, c.icd10);
  put(r, "code", code);
  put(r, "onsetDateTime", fhir_date(c.onset_date));
  put(r, "abatementDateTime", fhir_date(c.resolution_date));
  put_notes(r, c.notes);
  add_liaison_fields(w, r, c, {"name", "icd10", "status", "onset_date", "resolution_date", "notes"});
  return r;
}

json write(const Writer& w, const Procedure& p) {
  const std::string prefix = "Immunization: ";
  if (w.type_of(EntityType::Procedure, p.id.value) == "Immunization") {
    json r = start(w, "Immunization", "patient", p.patient);
    if (r.is_null()) return r;
    r["status"] = p.outcome == "not done" ? "not-done" : "completed";
    const std::string& name = p.name;
    std::string vaccine = name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
    r["vaccineCode"] = codeable(vaccine);
    // occurrence[x] is required: an unknown date is said in words.
    if (p.date) r["occurrenceDateTime"] = fhir_date(p.date);
    else r["occurrenceString"] = "unknown";
    if (json actor = w.ref(p.performer); !actor.is_null()) r["performer"] = json::array({{{"actor", actor}}});
    put_notes(r, p.notes);
    add_liaison_fields(w, r, p, {"name", "date", "performer", "notes", p.outcome == "not done" ? "outcome" : ""});
    return r;
  }
  json r = start(w, "Procedure", "subject", p.patient);
  if (r.is_null()) return r;
  r["status"] = "completed";
  put(r, "code", codeable(p.name));
  put(r, "performedDateTime", fhir_date(p.date));
  if (json actor = w.ref(p.performer); !actor.is_null()) r["performer"] = json::array({{{"actor", actor}}});
  put(r, "outcome", codeable(p.outcome));
  put_notes(r, p.notes);
  add_liaison_fields(w, r, p, {"name", "date", "performer", "outcome", "notes"});
  return r;
}

json write(const Writer& w, const Allergy& a) {
  json r = start(w, "AllergyIntolerance", "patient", a.patient);
  if (r.is_null()) return r;
  // A refuted allergy has no clinical status (invariant ait-2); any other is taken as active.
  if (a.verification != "refuted")
    r["clinicalStatus"] = codeable("", "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active");
  if (!a.verification.empty())
    r["verificationStatus"] =
        codeable("", "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", a.verification);
  put(r, "type", a.kind);
  put(r, "code", codeable(a.substance));
  put(r, "recordedDate", fhir_date(a.recorded_date));
  if (!a.reaction.empty()) {
    json reaction{{"manifestation", json::array({codeable(a.reaction)})}};
    put(reaction, "severity", a.severity);
    r["reaction"] = json::array({reaction});
  } else if (a.severity == "severe") {
    r["criticality"] = "high";
  }
  add_liaison_fields(w, r, a, {"substance", "reaction", "verification", "kind", "recorded_date",
                               a.reaction.empty() && a.severity != "severe" ? "" : "severity"});
  return r;
}

json write(const Writer& w, const Medication& m) {
  const bool request = w.type_of(EntityType::Medication, m.id.value) == "MedicationRequest";
  json r = start(w, request ? "MedicationRequest" : "MedicationStatement", "subject", m.patient);
  if (r.is_null()) return r;
  // MedicationRequest and MedicationStatement status codes (both required bindings).
  r["status"] = code_for(m.status, {{"stopped", "stopped"}, {"on_hold", "on-hold"}}, "active");
  if (request) r["intent"] = "order";
  r["medicationCodeableConcept"] = codeable(m.name.empty() ? "unknown medication" : m.name);
  json dosage = json::object();
  put(dosage, "text", m.dose);
  if (!m.frequency.empty()) dosage["timing"] = {{"code", codeable(m.frequency)}};
  put(dosage, "route", codeable(m.route));
  if (!dosage.empty()) r[request ? "dosageInstruction" : "dosage"] = json::array({dosage});
  if (request) {
    put(r, "requester", w.ref(m.prescriber));
    put(r, "authoredOn", fhir_date(m.start_date));
    if (m.stop_date) r["dispenseRequest"] = {{"validityPeriod", {{"end", fhir_date(m.stop_date)}}}};
  } else if (m.stop_date) {
    json period = json::object();
    put(period, "start", fhir_date(m.start_date));
    period["end"] = fhir_date(m.stop_date);
    r["effectivePeriod"] = period;
  } else {
    put(r, "effectiveDateTime", fhir_date(m.start_date));
  }
  if (!m.indication.empty()) r["reasonCode"] = json::array({codeable(m.indication)});
  put_notes(r, m.notes);
  add_liaison_fields(w, r, m, {"name", "dose", "route", "frequency", "start_date", "status", "indication", "notes",
                               request ? "prescriber" : "", request ? "" : "stop_date"});
  return r;
}

json write(const Writer& w, const FamilyHistory& f) {
  json r = start(w, "FamilyMemberHistory", "patient", f.patient);
  if (r.is_null()) return r;
  r["status"] = "completed";
  // v3 RoleCode family members; an aunt or uncle has no code of its own (EXT: extended family).
  std::string code = code_for(f.relative, {{"mother", "MTH"}, {"father", "FTH"}, {"sibling", "SIB"}, {"child", "CHILD"},
                                           {"grandparent", "GRPRN"}, {"aunt_uncle", "EXT"}},
                              "FAMMEMB");
  r["relationship"] = codeable("", kRoleCodeUrl, code);
  if (f.deceased) r["deceasedBoolean"] = true;
  if (!f.condition.empty()) {
    json condition{{"code", codeable(f.condition)}};
    if (f.age_at_onset)
      condition["onsetAge"] = {{"value", *f.age_at_onset}, {"unit", "a"}, {"system", "http://unitsofmeasure.org"}, {"code", "a"}};
    r["condition"] = json::array({condition});
  }
  put_notes(r, f.notes);
  add_liaison_fields(w, r, f, {"condition", "deceased", "notes", f.condition.empty() ? "" : "age_at_onset",
                               f.relative == "grandparent" || f.relative == "aunt_uncle" ? "" : "relative"});
  return r;
}

json write(const Writer& w, const SocialFactor& s) {
  json r = start(w, "Observation", "subject", s.patient);
  if (r.is_null()) return r;
  r["status"] = "final";
  r["category"] = json::array({codeable("", kObservationCategoryUrl, "social-history")});
  r["code"] = codeable(s.category.empty() ? "social factor" : s.category);
  put(r, "effectiveDateTime", fhir_date(s.recorded_date));
  put(r, "valueString", s.value);
  // Every field as a Liaison extension too: they tell an import it is a social factor, not a
  // measurement (fhir_liaison_fields.cpp).
  add_liaison_fields(w, r, s, {});
  return r;
}

json write(const Writer& w, const Measurement& m) {
  json r = start(w, "Observation", "subject", m.patient);
  if (r.is_null()) return r;
  r["status"] = "final";
  r["code"] = codeable(m.type.empty() ? "measurement" : m.type);
  put(r, "effectiveDateTime", w.date_time(m.taken_at));
  if (m.value) {
    json quantity{{"value", *m.value}};
    put(quantity, "unit", m.unit);
    r["valueQuantity"] = quantity;
  } else {
    put(r, "valueString", m.result);
  }
  add_liaison_fields(w, r, m, {"type", "taken_at", "value", "unit", m.value ? "" : "result"});
  return r;
}

json write(const Writer& w, const Note& n) {
  json r = start(w, "Communication", "subject", n.patient);
  if (r.is_null()) return r;
  r["status"] = "completed";
  if (!n.with_whom.empty()) {
    json party{{"display", n.with_whom}};
    if (n.direction == "inbound") r["sender"] = party;
    else r["recipient"] = json::array({party});
  }
  put(r, "sent", w.date_time(n.at));
  if (!n.text.empty()) r["payload"] = json::array({{{"contentString", n.text}}});
  add_liaison_fields(w, r, n, {"with_whom", "at", "text", n.kind == "message" ? "kind" : ""});
  return r;
}

}  // namespace core::fhir
