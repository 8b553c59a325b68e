// The import's references: every kind FHIR R4 allows (urn:uuid:, relative, absolute, versioned,
// contained and conditional) resolved against this import, then against what Liaison already
// stores; one that leads nowhere is kept as text and listed once in the summary.
#include <cctype>
#include <string>

#include "core/fhir/fhir_import_plan.hpp"

namespace core::fhir {

using nlohmann::json;

namespace {

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

}  // namespace

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

Target Planner::record_of(const Node& reference, EntityType wanted) {
  Resolved r = resolve(reference);
  if (r.item && r.item->record.valid() && r.item->record_type == wanted) return r.item->record;
  if (r.stored && r.stored->record_type == entity_name(wanted) && state_.exists(wanted, r.stored->record_id))
    return Target{r.stored->record_id, std::nullopt};
  if (!r.found.empty() && r.found != entity_name(wanted)) return {};
  if (!r.id.empty() && state_.exists(wanted, r.id)) return Target{r.id, std::nullopt};
  return {};
}

const json* Planner::resource_of(const Node& reference) {
  Resolved r = resolve(reference);
  if (r.contained) return r.contained;
  if (r.item) return &r.item->in.resource;
  if (r.stored && r.stored->record_type.empty()) return kept_resource(*r.stored);  // a Location, a Medication
  return nullptr;
}

std::string Planner::display_of(const Node& reference) {
  std::string display = reference["display"].text();
  if (!display.empty()) return display;
  const json* target = resource_of(reference);
  if (!target) return "";
  Node node(target, "");
  std::string text = concept_text(node["code"]);
  if (text.empty()) text = node["name"].json() && node["name"].json()->is_string() ? node["name"].text() : name_text(node["name"].first());
  return text;
}

Planner::Resolved Planner::resolve(const Node& reference) {
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
    if (auto it = stored_.find(import_key(t.substr(0, slash), t.substr(slash + 1))); it != stored_.end()) {
      out.stored = it->second;
      return out;
    }
  }
  return unresolved(out, where, text);
}


// Type?identifier=system|value, met first in this import, then in what is already stored.
Planner::Resolved Planner::conditional(const std::string& type, const std::string& query, const std::string& where, const std::string& text) {
  Resolved out;
  const std::string prefix = "identifier=";
  if (query.rfind(prefix, 0) != 0) return unresolved(out, where, text);
  std::string ident = url_decode(query.substr(prefix.size()));
  if (auto it = by_identifier_.find(import_key(type, ident)); it != by_identifier_.end()) {
    out.item = &items_[it->second];
    return out;
  }
  if (auto it = stored_by_identifier_.find(import_key(type, ident)); it != stored_by_identifier_.end()) {
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
Planner::Resolved Planner::unresolved(Resolved out, const std::string& path, const std::string& text) {
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
void Planner::check_references(const Node& node) {
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

// A resource kept whole by an earlier import (a Location, a Medication), read once.
const json* Planner::kept_resource(const FhirResource& stored) {
  auto [it, fresh] = kept_resources_.emplace(stored.id.value, json());
  if (fresh) it->second = json::parse(stored.kept_json, nullptr, false);
  return it->second.is_object() ? &it->second : nullptr;
}


}  // namespace core::fhir
