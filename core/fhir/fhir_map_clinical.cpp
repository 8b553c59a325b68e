// FHIR clinical history and observations as Liaison records: Condition, AllergyIntolerance,
// MedicationRequest/Statement, Procedure, Immunization, FamilyMemberHistory, Encounter and
// Observation. See fhir_map_helpers.hpp.
#include <algorithm>
#include <cctype>
#include <utility>

#include "core/fhir/fhir_map_helpers.hpp"

namespace core::fhir::detail {
namespace {
using nlohmann::json;
const char* const kIcd10System = "http://hl7.org/fhir/sid/icd-10-cm";
}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace core::fhir::detail
