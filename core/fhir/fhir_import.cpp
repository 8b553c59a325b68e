// FHIR R4 import: resolve references, map each resource, plan one ActionGroup; see fhir_import.hpp.
#include "fhir_import.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "core/fhir/fhir_input.hpp"
#include "core/fhir/fhir_liaison_fields.hpp"
#include "core/fhir/fhir_map.hpp"
#include "core/scheduling/appointment_time.hpp"
#include "core/session.hpp"

namespace core::fhir {
namespace {

using nlohmann::json;

// Resources are planned in this order so a record exists before another refers to it.
int rank(const std::string& type) {
  static const char* const kOrder[] = {"Organization", "Location", "Practitioner", "PractitionerRole", "Patient",
                                       "RelatedPerson", "Medication", "Encounter", "Condition", "CarePlan"};
  for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i)
    if (type == kOrder[i]) return i;
  return static_cast<int>(std::size(kOrder)) + (type == "Goal" ? 0 : 1);
}

std::string key(const std::string& a, const std::string& b) { return a + "\x1f" + b; }

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// "http://x/fhir/Patient/7/_history/2" -> "Patient/7"; "Patient/7" stays; anything else -> "".
std::string type_and_id(std::string reference) {
  if (auto h = reference.find("/_history/"); h != std::string::npos) reference.resize(h);
  std::size_t slash = reference.rfind('/');
  if (slash == std::string::npos || slash == 0) return "";
  std::size_t before = reference.rfind('/', slash - 1);
  std::string type = reference.substr(before == std::string::npos ? 0 : before + 1, slash - (before == std::string::npos ? 0 : before + 1));
  if (!is_r4_resource_type(type)) return "";
  return type + "/" + reference.substr(slash + 1);
}

struct Item {
  InputEntry in;
  std::string type;
  std::string fhir_id;
  std::vector<std::string> identifiers;  // "system|value"
  int order = 0;
  Target record;                 // the Liaison record it became, once planned
  EntityType record_type = EntityType::Patient;
};

class Planner final : public Context {
 public:
  Planner(const State& state, std::vector<Item>& items, ImportSummary& summary)
      : state_(state), items_(items), summary_(summary) {
    for (const auto& [id, r] : state.table<FhirResource>()) {
      if (r.deleted) continue;
      stored_[key(r.resource_type, r.fhir_id)] = &r;
      for (const std::string& ident : r.identifiers) stored_by_identifier_[key(r.resource_type, ident)] = &r;
      if (r.resource_type == "Patient" && !r.record_id.empty()) fhir_patient_of_[r.record_id] = &r;
    }
    for (const auto& [id, p] : state.table<Practitioner>())
      if (!p.deleted && !p.npi.empty()) practitioner_by_npi_[p.npi] = id.value;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      Item& item = items_[i];
      if (!item.in.full_url.empty()) by_url_.emplace(item.in.full_url, i);
      if (!item.fhir_id.empty()) by_type_id_.emplace(item.type + "/" + item.fhir_id, i);
      if (std::string t = type_and_id(item.in.full_url); !t.empty()) by_type_id_.emplace(t, i);
      for (const std::string& ident : item.identifiers) by_identifier_.emplace(key(item.type, ident), i);
    }
  }

  ActionGroup group;

  Status plan(const ImportProgress& progress) {
    std::vector<std::size_t> order(items_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return items_[a].order < items_[b].order; });
    std::size_t done = 0;
    for (std::size_t i : order) {
      current_ = &items_[i];
      try {
        plan_item(items_[i]);
        if (items_[i].type != "Bundle") check_references(Node(&items_[i].in.resource, ""));
      } catch (const ReadError& e) {
        const Item& item = items_[i];
        return Error{ErrorCode::Invalid, problem_at(item.in.file, item.in.where, item.type, e.path, e.message), {}};
      }
      ++done;
      if (progress && (done % 100 == 0 || done == items_.size())) progress(done, items_.size());
    }
    for (const std::string& text : unresolved_order_) {
      const Unresolved& u = unresolved_[text];
      summary_.unresolved.push_back(u.first + (u.count > 1 ? " (and " + std::to_string(u.count - 1) + " more places)" : ""));
    }
    return Ok{};
  }

  // ---- Context ----
  Target record_of(const Node& reference, EntityType wanted) override {
    Resolved r = resolve(reference);
    if (r.item && r.item->record.valid() && r.item->record_type == wanted) return r.item->record;
    if (r.stored && r.stored->record_type == entity_name(wanted) && state_.exists(wanted, r.stored->record_id))
      return Target{r.stored->record_id, std::nullopt};
    if (!r.found.empty() && r.found != entity_name(wanted)) return {};
    if (!r.id.empty() && state_.exists(wanted, r.id)) return Target{r.id, std::nullopt};
    return {};
  }

  const json* resource_of(const Node& reference) override {
    Resolved r = resolve(reference);
    if (r.contained) return r.contained;
    if (r.item) return &r.item->in.resource;
    if (r.stored && r.stored->record_type.empty()) return kept_resource(*r.stored);  // a Location, a Medication
    return nullptr;
  }

  std::string display_of(const Node& reference) override {
    std::string display = reference["display"].text();
    if (!display.empty()) return display;
    const json* target = resource_of(reference);
    if (!target) return "";
    Node node(target, "");
    std::string text = concept_text(node["code"]);
    if (text.empty()) text = node["name"].json() && node["name"].json()->is_string() ? node["name"].text() : name_text(node["name"].first());
    return text;
  }

 private:
  struct Resolved {
    const Item* item = nullptr;
    const FhirResource* stored = nullptr;
    const json* contained = nullptr;
    std::string id;     // a Liaison record id, for a conditional reference met by MRN or NPI
    std::string found;  // the Liaison record type behind `id`
  };

  Resolved resolve(const Node& reference) {
    Resolved out;
    const std::string text = reference["reference"].text();
    if (text.empty()) return out;
    const std::string where = reference.path() + "/reference";
    if (text[0] == '#') {
      for (const Node& c : Node(&current_->in.resource, "")["contained"].list())
        if ("#" + c["id"].text() == text) {
          out.contained = c.json();
          return out;
        }
      return unresolved(out, where, text);
    }
    if (auto q = text.find('?'); q != std::string::npos) return conditional(text.substr(0, q), text.substr(q + 1), where, text);
    if (auto it = by_url_.find(text); it != by_url_.end()) {
      out.item = &items_[it->second];
      return out;
    }
    std::string t = type_and_id(text);
    if (!t.empty()) {
      if (auto it = by_type_id_.find(t); it != by_type_id_.end()) {
        out.item = &items_[it->second];
        return out;
      }
      std::size_t slash = t.find('/');
      if (auto it = stored_.find(key(t.substr(0, slash), t.substr(slash + 1))); it != stored_.end()) {
        out.stored = it->second;
        return out;
      }
    }
    return unresolved(out, where, text);
  }

  // Type?identifier=system|value, met first in this import, then in what is already stored.
  Resolved conditional(const std::string& type, const std::string& query, const std::string& where, const std::string& text) {
    Resolved out;
    const std::string prefix = "identifier=";
    if (query.rfind(prefix, 0) != 0) return unresolved(out, where, text);
    std::string ident = url_decode(query.substr(prefix.size()));
    if (auto it = by_identifier_.find(key(type, ident)); it != by_identifier_.end()) {
      out.item = &items_[it->second];
      return out;
    }
    if (auto it = stored_by_identifier_.find(key(type, ident)); it != stored_by_identifier_.end()) {
      out.stored = it->second;
      return out;
    }
    std::string value = ident.substr(ident.find('|') == std::string::npos ? 0 : ident.find('|') + 1);
    if (type == "Practitioner" && practitioner_by_npi_.count(value)) {
      out.id = practitioner_by_npi_[value];
      out.found = entity_name(EntityType::Practitioner);
      return out;
    }
    if (type == "Patient")
      if (const Patient* p = state_.patient_with_mrn(value)) {
        out.id = p->id.value;
        out.found = entity_name(EntityType::Patient);
        return out;
      }
    return unresolved(out, where, text);
  }

  // Reported once per reference text, with the first place it was met and how many others.
  Resolved unresolved(Resolved out, const std::string& path, const std::string& text) {
    if (!reported_.insert(current_->in.file + " " + current_->in.where + " " + path).second) return out;
    auto [it, fresh] = unresolved_.emplace(text, Unresolved{});
    if (fresh) {
      it->second.first = problem_at(current_->in.file, current_->in.where, current_->type, path,
                                    clip(text, 200) + " was not found in this import or in Liaison (kept as text)");
      unresolved_order_.push_back(text);
    }
    ++it->second.count;
    return out;
  }

  // Every Reference in the resource, mapped or not, so the summary lists all that lead nowhere.
  void check_references(const Node& node) {
    const json* j = node.json();
    if (!j) return;
    if (j->is_object()) {
      if (auto r = j->find("reference"); r != j->end() && r->is_string()) resolve(node);
      for (const auto& [name, value] : j->items())
        if (value.is_object() || value.is_array()) check_references(node[name.c_str()]);
    } else if (j->is_array()) {
      for (const Node& element : node.list()) check_references(element);
    }
  }

  void plan_item(Item& item) {
    TypeCounts& counts = summary_.by_type[item.type];
    const std::string label = problem_at(item.in.file, item.in.where, item.type, "", "");
    const std::string step_label = label.substr(0, label.size() - 2);  // without the ": "

    // The same resource twice in one import (shared hospitals and practitioners): the first wins.
    if (!item.fhir_id.empty()) {
      auto [it, fresh] = planned_.emplace(key(item.type, item.fhir_id), &item);
      if (!fresh) {
        item.record = it->second->record;
        item.record_type = it->second->record_type;
        ++counts.unchanged;
        return;
      }
    }
    const FhirResource* stored = nullptr;
    if (!item.fhir_id.empty())
      if (auto it = stored_.find(key(item.type, item.fhir_id)); it != stored_.end()) stored = it->second;
    // Business identifiers identify people and organizations; an Observation's identifier may be
    // shared by versions of a result, so other types are matched by their FHIR id only.
    const bool by_identifier = item.type == "Patient" || item.type == "Practitioner" || item.type == "Organization";
    for (std::size_t i = 0; by_identifier && !stored && i < item.identifiers.size(); ++i)
      if (auto it = stored_by_identifier_.find(key(item.type, item.identifiers[i])); it != stored_by_identifier_.end())
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
      if (!existing.empty() && !planned_records_.insert(key(entity_name(mapped.type), existing)).second) {
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

  // ---- a PractitionerRole: fills in its practitioner ----

  // The practitioner gets the role's values: in its create step when it is new in this import,
  // else as an update. The PractitionerRole stays FHIR data, kept whole for export. Liaison keeps
  // one role per practitioner: a second role for the same one in an import is listed as skipped.
  void plan_fill(Item& item, const Mapped& mapped, const FhirResource* stored, TypeCounts& counts, const std::string& label) {
    const Target& practitioner = mapped.fills;
    item.record = practitioner;  // a reference to the role leads to its practitioner
    item.record_type = EntityType::Practitioner;
    std::string skip;
    if (!filled_.insert(target_key(practitioner)).second) {
      skip = "its practitioner already has a role from this import (Liaison keeps one role per practitioner)";
      ++counts.skipped;
      summary_.skipped.push_back(label + ": " + skip);
    } else if (fill(practitioner, mapped, label)) {
      ++counts.updated;
    } else {
      ++counts.unchanged;
    }
    json identity = {{"resource_type", item.type},        {"fhir_id", item.fhir_id},
                     {"source_file", clip(item.in.file, 300)}, {"identifiers", identifiers_for_store(item.identifiers)},
                     {"kept_json", item.in.resource.dump()}, {"record_type", nullptr},
                     {"record_id", nullptr}};
    if (stored) {
      identity.erase("source_file");
      group.steps.push_back({UpdateRecord{EntityType::FhirResource, stored->id.value, identity}, label});
    } else {
      group.steps.push_back({CreateRecord{EntityType::FhirResource, identity}, label});
    }
  }

  // True when the practitioner's values change.
  bool fill(const Target& practitioner, const Mapped& mapped, const std::string& label) {
    if (practitioner.step) {
      if (auto* create = std::get_if<CreateRecord>(&group.steps[*practitioner.step].action)) {
        for (const auto& [name, value] : mapped.fields.items()) create->fields[name] = value;
        for (const auto& [field, target] : mapped.links) {
          if (target.step) group.steps[*practitioner.step].ids_from_steps.push_back({field, *target.step});
          else create->fields[field] = target.id;
        }
        return true;
      }
      return false;
    }
    ActionGroup::Step step{UpdateRecord{}, label};
    json fields = mapped.fields;
    for (const auto& [field, target] : mapped.links) {
      if (target.step) step.ids_from_steps.push_back({field, *target.step});
      else fields[field] = target.id;
    }
    if (!changes(EntityType::Practitioner, practitioner.id, fields, step.ids_from_steps)) return false;
    step.action = UpdateRecord{EntityType::Practitioner, practitioner.id, fields};
    group.steps.push_back(std::move(step));
    return true;
  }

  // ---- a CareTeam: one CareTeamMember per participant ----

  // Each member is matched by patient, practitioner, organization and role, among the care team
  // already in Liaison (entered by hand too) and the members planned earlier in this import, so a
  // second import and a team listed in two bundles add no one twice.
  void plan_members(Item& item, const Mapped& mapped, const FhirResource* stored, TypeCounts& counts, const std::string& label) {
    if (!members_indexed_) {
      for (const auto& [id, m] : state_.table<CareTeamMember>())
        if (!m.deleted)
          members_.emplace(member_key(m.patient.value, m.practitioner.value, m.organization.value, m.role), Target{id.value, std::nullopt});
      members_indexed_ = true;
    }
    bool added = false, updated = false;
    Target first;
    for (const Mapped& member : mapped.records) {
      std::string role = member.fields.value("role", "");
      std::string who, organization;
      for (const auto& [field, target] : member.links) {
        if (field == "practitioner") who = target_key(target);
        if (field == "organization") organization = target_key(target);
      }
      const std::string k = member_key(target_key(mapped.patient), who, organization, role);
      ActionGroup::Step step{UpdateRecord{}, label};
      json fields = member.fields;
      for (const auto& [field, target] : member.links) {
        if (target.step) step.ids_from_steps.push_back({field, *target.step});
        else fields[field] = target.id;
      }
      Target record;
      if (auto it = members_.find(k); it != members_.end()) {
        record = it->second;
        if (!record.step && planned_records_.insert(key(entity_name(EntityType::CareTeamMember), record.id)).second &&
            changes(EntityType::CareTeamMember, record.id, fields, step.ids_from_steps)) {
          step.action = UpdateRecord{EntityType::CareTeamMember, record.id, fields};
          group.steps.push_back(std::move(step));
          updated = true;
        }
      } else {
        record = Target{"", group.steps.size()};
        step.action = CreateRecord{EntityType::CareTeamMember, fields};
        group.steps.push_back(std::move(step));
        members_.emplace(k, record);
        added = true;
      }
      if (!first.valid()) first = record;
    }
    if (added) ++counts.added;
    else if (updated) ++counts.updated;
    else ++counts.unchanged;
    item.record = first;
    item.record_type = EntityType::CareTeamMember;
    json extensions = item.in.resource.value("extension", json());
    json identity = {{"resource_type", item.type},
                     {"fhir_id", item.fhir_id},
                     {"source_file", clip(item.in.file, 300)},
                     {"identifiers", identifiers_for_store(item.identifiers)},
                     {"kept_json", extensions.is_array() ? json(json{{"extension", extensions}}.dump()) : json(nullptr)},
                     {"record_type", entity_name(EntityType::CareTeamMember)}};
    ActionGroup::Step identity_step{UpdateRecord{}, label};
    if (first.step) identity_step.ids_from_steps.push_back({"record_id", *first.step});
    else identity["record_id"] = first.id;
    if (mapped.patient.step) identity_step.ids_from_steps.push_back({"patient", *mapped.patient.step});
    else identity["patient"] = mapped.patient.id;
    if (stored) identity.erase("source_file");
    if (stored) identity_step.action = UpdateRecord{EntityType::FhirResource, stored->id.value, identity};
    else identity_step.action = CreateRecord{EntityType::FhirResource, identity};
    group.steps.push_back(std::move(identity_step));
  }

  static std::string target_key(const Target& t) { return t.step ? "#" + std::to_string(*t.step) : t.id; }

  static std::string member_key(const std::string& patient, const std::string& practitioner,
                                const std::string& organization, std::string role) {
    std::transform(role.begin(), role.end(), role.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return patient + "\x1f" + practitioner + "\x1f" + organization + "\x1f" + role;
  }

  // ---- an Appointment: no double booking ----

  // Liaison refuses a double booking of a patient, practitioner or room (appointment_time.hpp),
  // and would refuse the whole import with it. Another system may have allowed one, or recorded
  // a past visit twice: such an appointment is kept in the FHIR data and listed as skipped, and
  // the rest goes on. A FHIR Location is often a whole clinic, not a room: when only the room
  // would be double-booked, the place goes into the notes instead. Cancelled, missed and
  // proposed appointments hold no slot and always import.
  std::string appointment_problem(Mapped& mapped, const std::string& existing) {
    Appointment a;
    a.id = Id<Appointment>{existing};
    a.status = mapped.fields.value("status", "booked");
    a.start = mapped.fields.value("start", "");
    a.end = mapped.fields.value("end", "");
    a.location = mapped.fields.value("location", "");
    std::vector<std::string> steps;  // parties that are records made by this import
    for (const auto& [field, target] : mapped.links) {
      if (field == "patient") a.patient = Id<Patient>{target.id};
      if (field == "practitioner") a.practitioner = Id<Practitioner>{target.id};
      if (target.step && (field == "patient" || field == "practitioner")) steps.push_back(field + ":" + target_key(target));
    }
    if (!holds_slot(a)) return "";
    if (std::string problem = skipped_time_problem(a, state_); !problem.empty()) return "Liaison would refuse it: " + problem;
    auto interval = utc_interval(a, state_);
    if (!interval) return "";
    std::vector<std::string> parties;
    auto conflict = [&]() -> std::pair<std::string, std::string> {  // {party, description}
      parties = steps;
      for (const std::string& p : appointment_parties(a)) parties.push_back(p);
      std::pair<std::string, std::string> room;  // reported only when nothing else overlaps
      for (const Conflict& c : find_conflicts(a, state_)) {
        if (c.party != "room") return {c.party, describe(c, state_)};
        room = {c.party, describe(c, state_)};
      }
      for (const PlannedSlot& other : planned_slots_)
        if (other.interval.overlaps(*interval))
          for (const std::string& p : parties)
            if (std::find(other.parties.begin(), other.parties.end(), p) != other.parties.end()) {
              std::pair<std::string, std::string> found{p.substr(0, p.find(':')), "it overlaps " + other.label + " (" + other.when + ")"};
              if (found.first != "room") return found;
              room = found;
            }
      return room;
    };
    auto [party, why] = conflict();
    if (party == "room") {
      std::string notes = mapped.fields.value("notes", "");
      mapped.fields["notes"] = clip("Place: " + a.location + (notes.empty() ? "" : "\n" + notes), 20000);
      mapped.fields.erase("location");
      a.location.clear();
      std::tie(party, why) = conflict();
    }
    if (!party.empty()) return "it would double-book the " + party + ": " + why;
    planned_slots_.push_back({parties, *interval, current_->type + " " + current_->in.where + " of " + current_->in.file,
                              a.start + " to " + a.end});
    return "";
  }

  // A resource kept whole by an earlier import (a Location, a Medication), read once.
  const json* kept_resource(const FhirResource& stored) {
    auto [it, fresh] = kept_resources_.emplace(stored.id.value, json());
    if (fresh) it->second = json::parse(stored.kept_json, nullptr, false);
    return it->second.is_object() ? &it->second : nullptr;
  }

  // "MR system|value" of a patient, "NPI value" of a practitioner, or "".
  static std::string business_key(const Item& item, const Mapped& mapped) {
    if (mapped.type == EntityType::Practitioner && mapped.fields.contains("npi"))
      return "NPI " + mapped.fields["npi"].get<std::string>();
    if (mapped.type == EntityType::Patient) {
      std::string mr = medical_record_number(item);
      if (!mr.empty()) return "MR " + mr;
    }
    return "";
  }

  // The "system|value" of the patient's identifier typed MR, or "".
  static std::string medical_record_number(const Item& item) {
    Node resource(&item.in.resource, "");
    for (const Node& i : resource["identifier"].list())
      if (concept_code(i["type"]) == "MR" && !i["value"].text().empty()) return i["system"].text() + "|" + i["value"].text();
    return "";
  }

  // A record already in Liaison with the same MRN (patients) or NPI (practitioners). A patient
  // imported from FHIR matches only with the same MRN system: two hospitals may both have a "1234".
  std::string business_match(const Item& item, const Mapped& mapped) {
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

  bool changes(EntityType type, const std::string& id, const json& fields,
               const std::vector<std::pair<std::string, std::size_t>>& linked) const {
    if (!linked.empty()) return true;
    json now = record_fields(state_, type, id);
    for (const auto& [name, value] : fields.items())
      if (now.value(name, json()) != value) return true;
    return false;
  }

  static json identifiers_for_store(const std::vector<std::string>& identifiers) {
    json out = json::array();
    for (const std::string& i : identifiers)
      if (out.size() < 20 && i.size() <= 300) out.push_back(i);
    return out.empty() ? json(nullptr) : out;
  }

  const State& state_;
  std::vector<Item>& items_;
  ImportSummary& summary_;
  Item* current_ = nullptr;
  std::map<std::string, const FhirResource*> stored_, stored_by_identifier_;
  std::map<std::string, std::string> practitioner_by_npi_;
  std::map<std::string, std::size_t> by_url_, by_type_id_, by_identifier_;
  std::map<std::string, const Item*> planned_, planned_business_;
  std::map<std::string, const FhirResource*> fhir_patient_of_;  // by Liaison patient id
  std::set<std::string> planned_mrns_, planned_records_;
  struct Unresolved {
    std::string first;  // the message for the first place it was met
    std::size_t count = 0;
  };
  std::set<std::string> reported_;  // file, entry and path of each reference reported
  std::map<std::string, Unresolved> unresolved_;
  std::vector<std::string> unresolved_order_;
  std::set<std::string> filled_;  // practitioners a PractitionerRole filled in this import
  std::map<std::string, Target> members_;  // care team members by member_key
  bool members_indexed_ = false;
  struct PlannedSlot {
    std::vector<std::string> parties;
    UtcInterval interval;
    std::string label, when;
  };
  std::vector<PlannedSlot> planned_slots_;  // appointments of this import that hold their slot
  std::map<std::string, json> kept_resources_;  // by FhirResource id
};

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

}  // namespace

Result<ImportSummary> import_fhir(Session& session, const std::vector<FhirFile>& files, const ImportOptions& options) {
  ImportSummary summary;
  summary.files = files.size();
  std::vector<Item> items;
  for (const FhirFile& file : files) {
    auto entries = read_fhir_file(file.name, file.bytes);
    if (!entries) return entries.error();
    for (InputEntry& e : entries.value()) {
      Item item;
      item.type = e.resource["resourceType"].get<std::string>();
      if (auto id = e.resource.find("id"); id != e.resource.end()) {
        if (!id->is_string())
          return Error{ErrorCode::Invalid, problem_at(e.file, e.where, item.type, "/id", "expected text"), {}};
        item.fhir_id = id->get<std::string>();
      }
      if (item.fhir_id.empty()) item.fhir_id = e.full_url;
      if (item.fhir_id.empty()) item.fhir_id = e.file + " " + e.where;
      item.fhir_id = clip(item.fhir_id, 300);
      item.identifiers = identifiers_of(e.resource);
      item.order = rank(item.type);
      item.in = std::move(e);
      items.push_back(std::move(item));
    }
  }
  summary.resources = items.size();
  Planner planner(session.state(), items, summary);
  if (auto s = planner.plan(options.progress); !s) return s.error();
  if (options.dry_run) return summary;
  auto done = session.commit(planner.group);
  if (!done) {
    Error error = done.error();
    for (const FieldError& f : error.fields) error.message += " " + f.message;
    return error;
  }
  summary.written = !done.value().batch_id.empty();
  return summary;
}

std::vector<std::string> describe(const ImportSummary& s) {
  std::vector<std::string> out;
  out.push_back(std::to_string(s.resources) + " resources in " + std::to_string(s.files) + " file" +
                (s.files == 1 ? "" : "s") + (s.written ? ", saved as one change (undo takes it all back)" : ", nothing written"));
  for (const auto& [type, c] : s.by_type) {
    std::string line = type + ":";
    auto part = [&](std::size_t n, const char* what) {
      if (n) line += " " + std::to_string(n) + " " + what + ",";
    };
    part(c.added, "added");
    part(c.updated, "updated");
    part(c.unchanged, "unchanged");
    part(c.skipped, "skipped (kept for export)");
    part(c.kept, "kept for export (Liaison has no place for them)");
    if (line.back() == ',') line.pop_back();
    out.push_back(line);
  }
  for (const std::string& s2 : s.skipped) out.push_back("skipped: " + s2);
  for (const std::string& u : s.unresolved) out.push_back("unresolved reference: " + u);
  return out;
}

}  // namespace core::fhir
