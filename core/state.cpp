#include "state.hpp"

#include <algorithm>
#include <cctype>

namespace core {
namespace {

std::string folded(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void set_patient_field(Patient& p, const std::string& field, const nlohmann::json& value) {
  // Unknown fields or types (from a newer version of Liaison) are ignored, not fatal.
  if (!value.is_string()) return;
  const auto& text = value.get_ref<const std::string&>();
  if (field == "name") p.name = text;
  else if (field == "birth_date") p.birth_date = parse_civil_date(text);
  else if (field == "mrn") p.mrn = text;
  else if (field == "phone") p.phone = text;
}

void apply_patient(State& state, const Change& change) {
  PatientId id{change.entity_id};
  Patient& p = state.patients[id];
  p.id = id;
  if (auto it = state.by_mrn.find(p.mrn); it != state.by_mrn.end() && it->second == id)
    state.by_mrn.erase(it);
  if (change.op == ChangeOp::Delete) {
    p.deleted = true;
    return;
  }
  for (const auto& [field, value] : change.fields.items()) set_patient_field(p, field, value);
  if (!p.mrn.empty() && !p.deleted) state.by_mrn[p.mrn] = id;
}

}  // namespace

const Patient* State::patient(const PatientId& id) const {
  auto it = patients.find(id);
  return it == patients.end() ? nullptr : &it->second;
}

const Patient* State::patient_with_mrn(const std::string& mrn) const {
  auto it = by_mrn.find(mrn);
  return it == by_mrn.end() ? nullptr : patient(it->second);
}

std::vector<const Patient*> State::patients_by_name() const {
  std::vector<std::pair<std::string, const Patient*>> keyed;
  for (const auto& [id, p] : patients)
    if (!p.deleted) keyed.emplace_back(folded(p.name), &p);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  std::vector<const Patient*> out;
  out.reserve(keyed.size());
  for (const auto& entry : keyed) out.push_back(entry.second);
  return out;
}

void apply(State& state, const Change& change) {
  switch (change.entity) {
    case EntityType::Patient: apply_patient(state, change); break;
  }
}

}  // namespace core
