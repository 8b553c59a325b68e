// The import's plan of one resource: match it to what Liaison already holds (its FHIR identity,
// else the MRN or NPI), then add, update or leave the record, and remember the FHIR identity so
// importing it again updates instead of duplicating.
#include <algorithm>
#include <iterator>

#include "core/fhir/fhir_import_plan.hpp"
#include "core/fhir/fhir_liaison_fields.hpp"

namespace core::fhir {

using nlohmann::json;

// Resources are planned in this order so a record exists before another refers to it.
// Resources are planned in this order so a record exists before another refers to it.
int plan_rank(const std::string& type) {
  static const char* const kOrder[] = {"Organization", "Location", "Practitioner", "PractitionerRole", "Patient",
                                       "RelatedPerson", "Medication", "Encounter", "Condition", "CarePlan"};
  for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i)
    if (type == kOrder[i]) return i;
  return static_cast<int>(std::size(kOrder)) + (type == "Goal" ? 0 : 1);
}

std::vector<std::string> identifiers_of(const json& resource) {
  std::vector<std::string> out;
  auto list = resource.find("identifier");
  if (list == resource.end() || !list->is_array()) return out;
  for (const json& i : *list) {
    if (!i.is_object() || !i.contains("value") || !i["value"].is_string()) continue;
    std::string system = i.contains("system") && i["system"].is_string() ? i["system"].get<std::string>() : "";
    out.push_back(system + "|" + i["value"].get<std::string>());
  }
  return out;
}

Planner::Planner(const State& state, std::vector<Item>& items, ImportSummary& summary)
    : state_(state), items_(items), summary_(summary) {
  for (const auto& [id, r] : state.table<FhirResource>()) {
    if (r.deleted) continue;
    stored_[import_key(r.resource_type, r.fhir_id)] = &r;
    for (const std::string& ident : r.identifiers) stored_by_identifier_[import_key(r.resource_type, ident)] = &r;
    if (r.resource_type == "Patient" && !r.record_id.empty()) fhir_patient_of_[r.record_id] = &r;
  }
  for (const auto& [id, p] : state.table<Practitioner>())
    if (!p.deleted && !p.npi.empty()) practitioner_by_npi_[p.npi] = id.value;
  for (std::size_t i = 0; i < items_.size(); ++i) {
    Item& item = items_[i];
    if (!item.in.full_url.empty()) by_url_.emplace(item.in.full_url, i);
    if (!item.fhir_id.empty()) by_type_id_.emplace(item.type + "/" + item.fhir_id, i);
    if (std::string t = type_and_id(item.in.full_url); !t.empty()) by_type_id_.emplace(t, i);
    for (const std::string& ident : item.identifiers) by_identifier_.emplace(import_key(item.type, ident), i);
  }
  order_.resize(items_.size());
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
  std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return items_[a].order < items_[b].order; });
}

Status Planner::plan_some(std::size_t budget) {
  for (std::size_t end = std::min(order_.size(), next_ + budget); next_ < end; ++next_) {
    Item& item = items_[order_[next_]];
    current_ = &item;
    try {
      plan_item(item);
      if (item.type != "Bundle") check_references(Node(&item.in.resource, ""));
    } catch (const ReadError& e) {
      return Error{ErrorCode::Invalid, problem_at(item.in.file, item.in.where, item.type, e.path, e.message), {}};
    }
  }
  return Ok{};
}

void Planner::finish() {
  for (const std::string& text : unresolved_order_) {
    const Unresolved& u = unresolved_[text];
    summary_.unresolved.push_back(u.first + (u.count > 1 ? " (and " + std::to_string(u.count - 1) + " more places)" : ""));
  }
}

void Planner::plan_item(Item& item) {
  TypeCounts& counts = summary_.by_type[item.type];
  const std::string label = problem_at(item.in.file, item.in.where, item.type, "", "");
  const std::string step_label = label.substr(0, label.size() - 2);  // without the ": "

  // The same resource twice in one import (shared hospitals and practitioners): the first wins.
  if (!item.fhir_id.empty()) {
    auto [it, fresh] = planned_.emplace(import_key(item.type, item.fhir_id), &item);
    if (!fresh) {
      item.record = it->second->record;
      item.record_type = it->second->record_type;
      ++counts.unchanged;
      return;
    }
  }
  const FhirResource* stored = nullptr;
  if (!item.fhir_id.empty())
    if (auto it = stored_.find(import_key(item.type, item.fhir_id)); it != stored_.end()) stored = it->second;
  // Business identifiers identify people and organizations; an Observation's identifier may be
  // shared by versions of a result, so other types are matched by their FHIR id only.
  const bool by_identifier = item.type == "Patient" || item.type == "Practitioner" || item.type == "Organization";
  for (std::size_t i = 0; by_identifier && !stored && i < item.identifiers.size(); ++i)
    if (auto it = stored_by_identifier_.find(import_key(item.type, item.identifiers[i])); it != stored_by_identifier_.end())
      stored = it->second;

  Mapped mapped = map_resource(*this, item.type, Node(&item.in.resource, ""));
  if (mapped.mapped && mapped.skip.empty() && mapped.fills.valid()) return plan_fill(item, mapped, stored, counts, step_label);
  read_liaison_fields(*this, Node(&item.in.resource, ""), mapped);  // what Liaison exported as extensions
  // The same patient (MRN with its system) or practitioner (NPI) twice in one import, under
  // different FHIR ids: the first one's record serves both.
  if (mapped.mapped && mapped.skip.empty() && !stored) {
    std::string business = business_key(item, mapped);
    if (!business.empty()) {
      auto [it, fresh] = planned_business_.emplace(business, &item);
      if (!fresh && it->second->record.valid()) {
        item.record = it->second->record;
        item.record_type = it->second->record_type;
        ++counts.unchanged;
        return;
      }
    }
  }
  std::string skip = mapped.skip;
  std::string existing;  // the Liaison record to update
  if (mapped.mapped && skip.empty()) {
    if (stored && !stored->record_id.empty()) {
      if (stored->record_type != entity_name(mapped.type)) skip = "it was imported before as another kind of record";
      else if (!state_.exists(mapped.type, stored->record_id)) skip = "its record was deleted in Liaison";
      else existing = stored->record_id;
    }
    if (existing.empty() && skip.empty()) existing = business_match(item, mapped);
    // Two resources of this import that are one record (the same NPI under two ids): the first
    // one's values stand, so importing again changes nothing.
    if (!existing.empty() && !planned_records_.insert(import_key(entity_name(mapped.type), existing)).second) {
      item.record = Target{existing, std::nullopt};
      item.record_type = mapped.type;
      ++counts.unchanged;
      return;
    }
    // An MRN another patient of this import or of Liaison already has stays among the identifiers.
    if (mapped.type == EntityType::Patient && mapped.fields.contains("mrn")) {
      const std::string mrn = mapped.fields["mrn"].get<std::string>();
      const Patient* holder = state_.patient_with_mrn(mrn);
      if ((holder && holder->id.value != existing) || !planned_mrns_.insert(mrn).second) mapped.fields.erase("mrn");
    }
    if (mapped.type == EntityType::Appointment) skip = appointment_problem(mapped, existing);
  }
  if (mapped.mapped && skip.empty() && !mapped.records.empty()) {
    plan_members(item, mapped, stored, counts, step_label);
    return;
  }
  json identity = {{"resource_type", item.type},
                   {"fhir_id", item.fhir_id},
                   {"source_file", clip(item.in.file, 300)},
                   {"identifiers", identifiers_for_store(item.identifiers)}};
  ActionGroup::Step identity_step{UpdateRecord{}, step_label};
  if (!mapped.mapped || !skip.empty()) {
    identity["kept_json"] = item.in.resource.dump();
    identity["record_type"] = nullptr;
    identity["record_id"] = nullptr;
    if (!mapped.mapped) ++counts.kept;
    else {
      ++counts.skipped;
      summary_.skipped.push_back(step_label + ": " + skip);
    }
  } else {
    json extensions = item.in.resource.value("extension", json());
    identity["kept_json"] = extensions.is_array() ? json(json{{"extension", extensions}}.dump()) : json(nullptr);
    identity["record_type"] = entity_name(mapped.type);
    ActionGroup::Step step{UpdateRecord{}, step_label};
    json fields = mapped.fields;
    for (const auto& [field, target] : mapped.links) {
      if (target.step) step.ids_from_steps.push_back({field, *target.step});
      else fields[field] = target.id;
    }
    item.record_type = mapped.type;
    if (!existing.empty()) {
      step.action = UpdateRecord{mapped.type, existing, fields};
      if (changes(mapped.type, existing, fields, step.ids_from_steps)) ++counts.updated;
      else ++counts.unchanged;
      item.record = Target{existing, std::nullopt};
      identity["record_id"] = existing;
    } else {
      step.action = CreateRecord{mapped.type, fields};
      ++counts.added;
      item.record = Target{"", group.steps.size()};
      identity_step.ids_from_steps.push_back({"record_id", group.steps.size()});
    }
    group.steps.push_back(std::move(step));
    if (mapped.patient.valid()) {
      if (mapped.patient.step) identity_step.ids_from_steps.push_back({"patient", *mapped.patient.step});
      else identity["patient"] = mapped.patient.id;
    }
    if (mapped.type == EntityType::Patient) {
      if (item.record.step) identity_step.ids_from_steps.push_back({"patient", *item.record.step});
      else identity["patient"] = item.record.id;
    }
  }
  if (stored) identity.erase("source_file");  // the file it first came from stays
  if (stored) identity_step.action = UpdateRecord{EntityType::FhirResource, stored->id.value, identity};
  else identity_step.action = CreateRecord{EntityType::FhirResource, identity};
  group.steps.push_back(std::move(identity_step));
}

// "MR system|value" of a patient, "NPI value" of a practitioner, or "".
std::string Planner::business_key(const Item& item, const Mapped& mapped) {
  if (mapped.type == EntityType::Practitioner && mapped.fields.contains("npi"))
    return "NPI " + mapped.fields["npi"].get<std::string>();
  if (mapped.type == EntityType::Patient) {
    std::string mr = medical_record_number(item);
    if (!mr.empty()) return "MR " + mr;
  }
  return "";
}


// The "system|value" of the patient's identifier typed MR, or "".
std::string Planner::medical_record_number(const Item& item) {
  Node resource(&item.in.resource, "");
  for (const Node& i : resource["identifier"].list())
    if (concept_code(i["type"]) == "MR" && !i["value"].text().empty()) return i["system"].text() + "|" + i["value"].text();
  return "";
}

// A record already in Liaison with the same MRN (patients) or NPI (practitioners). A patient
// imported from FHIR matches only with the same MRN system: two hospitals may both have a "1234".
std::string Planner::business_match(const Item& item, const Mapped& mapped) {
  if (mapped.type == EntityType::Patient && mapped.fields.contains("mrn"))
    if (const Patient* p = state_.patient_with_mrn(mapped.fields["mrn"].get<std::string>())) {
      auto linked = fhir_patient_of_.find(p->id.value);
      if (linked == fhir_patient_of_.end()) return p->id.value;  // entered in Liaison by hand
      const auto& ids = linked->second->identifiers;
      if (std::find(ids.begin(), ids.end(), medical_record_number(item)) != ids.end()) return p->id.value;
    }
  if (mapped.type == EntityType::Practitioner && mapped.fields.contains("npi")) {
    auto it = practitioner_by_npi_.find(mapped.fields["npi"].get<std::string>());
    if (it != practitioner_by_npi_.end()) return it->second;
  }
  return "";
}

bool Planner::changes(EntityType type, const std::string& id, const json& fields,
                      const std::vector<std::pair<std::string, std::size_t>>& linked) const {
  if (!linked.empty()) return true;
  json now = record_fields(state_, type, id);
  for (const auto& [name, value] : fields.items())
    if (now.value(name, json()) != value) return true;
  return false;
}

json Planner::identifiers_for_store(const std::vector<std::string>& identifiers) {
  json out = json::array();
  for (const std::string& i : identifiers)
    if (out.size() < 20 && i.size() <= 300) out.push_back(i);
  return out.empty() ? json(nullptr) : out;
}

}  // namespace core::fhir
