// The import's resources that do not simply become one record each: a PractitionerRole fills in
// its practitioner, a CareTeam becomes one member per participant, and an Appointment that would
// double-book is kept as FHIR data and listed instead of refusing the whole import.
#include <algorithm>
#include <cctype>
#include <tuple>

#include "core/fhir/fhir_import_plan.hpp"

namespace core::fhir {

using nlohmann::json;

// ---- a PractitionerRole: fills in its practitioner ----

// The practitioner gets the role's values: in its create step when it is new in this import,
// else as an update. The PractitionerRole stays FHIR data, kept whole for export. Liaison keeps
// one role per practitioner: a second role for the same one in an import is listed as skipped.
void Planner::plan_fill(Item& item, const Mapped& mapped, const FhirResource* stored, TypeCounts& counts, const std::string& label) {
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
bool Planner::fill(const Target& practitioner, const Mapped& mapped, const std::string& label) {
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
void Planner::plan_members(Item& item, const Mapped& mapped, const FhirResource* stored, TypeCounts& counts, const std::string& label) {
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
      if (!record.step && planned_records_.insert(import_key(entity_name(EntityType::CareTeamMember), record.id)).second &&
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

std::string Planner::target_key(const Target& t) { return t.step ? "#" + std::to_string(*t.step) : t.id; }

std::string Planner::member_key(const std::string& patient, const std::string& practitioner,
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
std::string Planner::appointment_problem(Mapped& mapped, const std::string& existing) {
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
    a.location = SharedText();
    std::tie(party, why) = conflict();
  }
  if (!party.empty()) return "it would double-book the " + party + ": " + why;
  planned_slots_.push_back({parties, *interval, current_->type + " " + current_->in.where + " of " + current_->in.file,
                            a.start + " to " + a.end});
  return "";
}

}  // namespace core::fhir
