// FHIR R4 export: which records are in scope, the stable id of each, and the Bundle or NDJSON
// around what the per-entity writers produce; see fhir_export.hpp.
#include "fhir_export.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <type_traits>
#include <set>

#include "core/clinical/caseload_figures.hpp"
#include "core/fhir/fhir_write.hpp"

namespace core::fhir {
namespace {

// Extensions Liaison writes itself from its own fields: an imported copy of them is replaced.
bool owned_extension(const std::string& url) {
  return url.rfind(kLiaisonFieldUrl, 0) == 0 ||
         url == "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired" ||
         url == "http://hl7.org/fhir/us/core/StructureDefinition/us-core-interpreter-needed";
}

bool valid_fhir_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  return true;
}

bool is_uuid(const std::string& id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? id[i] != '-' : !std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

// The id a resource had at import, when FHIR allows it as an id ("urn:uuid:x" gives x).
std::string usable_id(const std::string& fhir_id) {
  const std::string urn = "urn:uuid:";
  std::string id = fhir_id.rfind(urn, 0) == 0 ? fhir_id.substr(urn.size()) : fhir_id;
  return valid_fhir_id(id) ? id : "";
}

// A Liaison id as a FHIR id: letters, digits, '-' and '.' only, at most 64 characters (a longer
// one is shortened and ends with a hash of the whole, so two ids never meet).
std::string derived_id(const std::string& liaison_id) {
  std::string out;
  for (char c : liaison_id) out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' ? c : '-';
  if (out.size() <= 64) return out;
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a, 64 bits
  for (unsigned char c : liaison_id) hash = (hash ^ c) * 1099511628211ull;
  char suffix[20];
  std::snprintf(suffix, sizeof suffix, "-%016llx", static_cast<unsigned long long>(hash));
  return out.substr(0, 64 - 17) + suffix;
}

std::string key(EntityType type, const std::string& id) { return std::string(entity_name(type)) + "\x1f" + id; }

// The patient a record belongs to ("" for records of no one patient: practitioners, ...).
template <class T>
std::string owner_of(const T& record) {
  if constexpr (std::is_same_v<T, Patient>) return record.id.value;
  if (const FieldSpec<T>* spec = T::schema().field("patient")) {
    json p = spec->get(record);
    return p.is_string() ? p.get<std::string>() : "";
  }
  return "";
}

// A reference as "Type/id" ("http://x/fhir/Patient/7/_history/2" and "Patient/7" alike), or
// "urn:uuid:..." as it is.
std::string normalized(std::string reference) {
  if (reference.rfind("urn:", 0) == 0) return reference;
  if (auto h = reference.find("/_history/"); h != std::string::npos) reference.resize(h);
  std::size_t slash = reference.rfind('/');
  if (slash == std::string::npos || slash == 0) return reference;
  std::size_t before = reference.rfind('/', slash - 1);
  return before == std::string::npos ? reference : reference.substr(before + 1);
}

// Every "reference" string in a resource, normalized.
void references_in(const json& j, std::set<std::string>& out) {
  if (j.is_object()) {
    if (auto r = j.find("reference"); r != j.end() && r->is_string()) out.insert(normalized(r->get<std::string>()));
    for (const auto& [name, value] : j.items())
      if (value.is_structured()) references_in(value, out);
  } else if (j.is_array()) {
    for (const json& item : j) references_in(item, out);
  }
}

int write_rank(const std::string& type) {
  static const char* const kOrder[] = {"Organization", "Practitioner", "Patient", "RelatedPerson", "CareTeam",
                                       "Encounter", "Condition", "AllergyIntolerance", "MedicationRequest",
                                       "MedicationStatement", "Procedure", "Immunization", "FamilyMemberHistory",
                                       "Observation", "Appointment", "CarePlan", "Goal", "Coverage", "ServiceRequest",
                                       "Communication", "Task"};
  for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i)
    if (type == kOrder[i]) return i;
  return static_cast<int>(std::size(kOrder));
}

struct Output {
  std::string reference;  // "Type/id", "" for a kept resource with no id
  std::string owner;      // the patient it belongs to
  json resource;
  bool shared = false;    // no patient's: written in a patient's export only when referred to
};

class Exporter {
 public:
  // `scope`: the patients of a partial export (null for the whole store). Their own records are
  // read through the per-patient index; other patients' are never written.
  Exporter(const State& state, const std::set<std::string>* scope)
      : state_(state), ids_(state), writer_(state, ids_), scope_(scope) {}

  // One function per record to write, in the order the export writes them; each adds its
  // resource to the outputs. Run them all, then take arranged().
  std::vector<std::function<void()>> plan() {
    std::vector<std::function<void()>> writes;
    for_each_entity([&]<class T>() {
      // By exported id, so two stores holding the same data write it in the same order.
      std::vector<std::pair<std::string, const T*>> records;
      for (const T* record : live_in_scope<T>()) records.push_back({ids_.reference(T::kType, record->id.value), record});
      std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto& [reference, pointer] : records)
        writes.push_back([this, reference = std::move(reference), record = pointer] { write_one(reference, *record); });
    });
    return writes;
  }

  // The outputs written, in the order they go out.
  std::vector<Output> arranged() {
    std::vector<Output> out = std::move(out_);
    // Resources a reference may lead to come first, for importers that resolve in file order.
    std::stable_sort(out.begin(), out.end(), [](const Output& a, const Output& b) {
      return write_rank(a.resource.value("resourceType", "")) < write_rank(b.resource.value("resourceType", ""));
    });
    // Resources Liaison has no record for go out as they came in, ordered by type, id and content.
    std::vector<Output> kept_outputs;
    for (const auto& [id, kept] : state_.table<FhirResource>()) {
      if (kept.deleted || !kept.record_type.empty() || kept.kept_json.empty()) continue;
      json resource = json::parse(kept.kept_json, nullptr, false);
      if (!resource.is_object()) continue;
      std::string reference;
      if (auto rid = resource.find("id"); rid != resource.end() && rid->is_string())
        reference = kept.resource_type + "/" + rid->get<std::string>();
      if (!reference.empty() && !written_.insert(reference).second) continue;
      kept_outputs.push_back({reference, kept.patient.value, std::move(resource), kept.patient.empty()});
    }
    std::sort(kept_outputs.begin(), kept_outputs.end(), [](const Output& a, const Output& b) {
      return a.reference != b.reference ? a.reference < b.reference : a.resource.dump() < b.resource.dump();
    });
    for (Output& o : kept_outputs) out.push_back(std::move(o));
    return out;
  }

 private:
  template <class T>
  void write_one(const std::string& reference, const T& record) {
    json resource = write(writer_, record);
    if (resource.is_null()) return;
    if (reference.empty() || !written_.insert(reference).second) return;
    resource["id"] = reference.substr(reference.find('/') + 1);
    merge_kept_extensions(T::kType, record.id.value, resource);
    std::string owner = owner_of(record);
    out_.push_back({reference, owner, std::move(resource), owner.empty()});
  }

  // The extensions an imported resource carried, kept at import, go out again with the record.
  void merge_kept_extensions(EntityType type, const std::string& id, json& resource) {
    if (!kept_index_built_) {
      for (const auto& [fid, r] : state_.table<FhirResource>())
        if (!r.deleted && !r.record_type.empty() && !r.kept_json.empty())
          kept_extensions_.emplace(r.record_type + "\x1f" + r.record_id, &r);
      kept_index_built_ = true;
    }
    auto it = kept_extensions_.find(key(type, id));
    if (it == kept_extensions_.end()) return;
    json kept = json::parse(it->second->kept_json, nullptr, false);
    if (!kept.is_object() || !kept.contains("extension") || !kept["extension"].is_array()) return;
    json merged = json::array();
    for (const json& e : kept["extension"])
      if (e.is_object() && !owned_extension(e.value("url", ""))) merged.push_back(e);
    if (resource.contains("extension"))
      for (const json& e : resource["extension"]) merged.push_back(e);
    if (!merged.empty()) resource["extension"] = merged;
  }

  // The live records of a type the export may write: for a partial export, only its patients and
  // their own records (records of no patient too, as the scope may refer to them).
  template <class T>
  std::vector<const T*> live_in_scope() const {
    std::vector<const T*> records;
    if constexpr (std::is_same_v<T, Patient>) {
      if (scope_) {
        for (const std::string& id : *scope_)
          if (const Patient* p = state_.find(Id<Patient>{id}); p && !p->deleted) records.push_back(p);
        return records;
      }
    } else if constexpr (PatientOwned<T>) {
      if (scope_) {
        for (const std::string& id : *scope_)
          for (const T* r : state_.records_of<T>(Id<Patient>{id})) records.push_back(r);
        for (const T* r : state_.records_of<T>(Id<Patient>{""})) records.push_back(r);
        return records;
      }
    }
    for (const auto& [id, record] : state_.template table<T>())
      if (!record.deleted) records.push_back(&record);
    return records;
  }

  const State& state_;
  ExportIds ids_;
  Writer writer_;
  const std::set<std::string>* scope_;
  std::vector<Output> out_;
  std::set<std::string> written_;  // references written, each once
  bool kept_index_built_ = false;
  std::map<std::string, const FhirResource*> kept_extensions_;  // first kept record per Liaison record
};

// The outputs of the patients in `patients` (kept resources too, when they refer to one of them),
// and the shared ones (practitioners, organizations, ...) they refer to, directly or through
// each other.
std::vector<Output> in_scope(std::vector<Output> all, const std::set<std::string>& patients) {
  std::vector<bool> chosen(all.size(), false);
  std::set<std::string> wanted, patient_references;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (!all[i].shared && patients.count(all[i].owner)) {
      chosen[i] = true;
      references_in(all[i].resource, wanted);
      if (all[i].reference.rfind("Patient/", 0) == 0) {
        patient_references.insert(all[i].reference);
        patient_references.insert("urn:uuid:" + all[i].reference.substr(8));
      }
    }
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (chosen[i] || !all[i].shared || all[i].resource.value("resourceType", "") == "Patient") continue;
    std::set<std::string> refs;
    references_in(all[i].resource, refs);
    for (const std::string& r : refs)
      if (patient_references.count(r)) {
        chosen[i] = true;
        wanted.insert(refs.begin(), refs.end());
        break;
      }
  }
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (chosen[i] || !all[i].shared || all[i].reference.empty()) continue;
      const std::string id = all[i].reference.substr(all[i].reference.find('/') + 1);
      if (!wanted.count(all[i].reference) && !wanted.count("urn:uuid:" + id)) continue;
      chosen[i] = grew = true;
      references_in(all[i].resource, wanted);
    }
  }
  std::vector<Output> out;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (chosen[i]) out.push_back(std::move(all[i]));
  return out;
}

}  // namespace

// ---- ExportIds ----

ExportIds::ExportIds(const State& state) : state_(state) {
  for (const auto& [fid, r] : state.table<FhirResource>()) {
    if (r.deleted || r.record_type.empty()) continue;
    auto type = entity_from_name(r.record_type);
    if (!type || !state.exists(*type, r.record_id) || origin_.count(key(*type, r.record_id))) continue;
    std::vector<std::string> allowed = fhir_types_of(*type);
    if (std::find(allowed.begin(), allowed.end(), r.resource_type) == allowed.end()) continue;
    std::string id = usable_id(r.fhir_id);
    if (id.empty()) continue;
    std::string reference = r.resource_type + "/" + id;
    if (!taken_.emplace(reference, key(*type, r.record_id)).second) continue;
    origin_[key(*type, r.record_id)] = reference;
  }
}

std::string ExportIds::reference(EntityType type, const std::string& id) const {
  if (!state_.exists(type, id)) return "";
  if (auto it = origin_.find(key(type, id)); it != origin_.end()) return it->second;
  std::vector<std::string> types = fhir_types_of(type);
  if (types.empty()) return "";
  std::string fhir_type = types.front();
  if (type == EntityType::Medication) {  // a prescription when it names its prescriber
    const Medication* m = state_.find(Id<Medication>{id});
    if (m && !m->prescriber.empty() && !m->stop_date) fhir_type = "MedicationRequest";
  }
  std::string reference = fhir_type + "/" + derived_id(id);
  while (taken_.count(reference)) reference += ".l";  // an imported resource already has that id
  return reference;
}

std::vector<std::string> fhir_types_of(EntityType type) {
  switch (type) {
    case EntityType::Patient: return {"Patient"};
    case EntityType::RelatedPerson: return {"RelatedPerson"};
    case EntityType::Practitioner: return {"Practitioner"};
    case EntityType::Organization: return {"Organization"};
    case EntityType::CareTeamMember: return {"CareTeam"};
    case EntityType::Condition: return {"Condition"};
    case EntityType::Procedure: return {"Procedure", "Immunization"};
    case EntityType::Allergy: return {"AllergyIntolerance"};
    case EntityType::Medication: return {"MedicationStatement", "MedicationRequest"};
    case EntityType::FamilyHistory: return {"FamilyMemberHistory"};
    case EntityType::SocialFactor: return {"Observation"};
    case EntityType::CarePlan: return {"CarePlan"};
    case EntityType::Goal: return {"Goal"};
    case EntityType::Task: return {"Task"};
    case EntityType::Appointment: return {"Appointment"};
    case EntityType::Encounter: return {"Encounter"};
    case EntityType::Referral: return {"ServiceRequest"};
    case EntityType::Coverage: return {"Coverage"};
    case EntityType::Measurement: return {"Observation"};
    case EntityType::Note: return {"Communication"};
    default: return {};
  }
}

// ---- Writer helpers ----

Writer::Writer(const State& s, const ExportIds& i) : state(s), ids(i) {
  for (const auto& [id, settings] : s.table<ClinicSettings>())
    if (!settings.deleted && !settings.time_zone.empty()) clinic_zone_ = TimeZone::find(settings.time_zone);
  for (const auto& [id, r] : s.table<FhirResource>())
    if (!r.deleted && !r.record_type.empty()) origins_.emplace(r.record_type + "\x1f" + r.record_id, &r);
}

const FhirResource* Writer::origin(EntityType type, const std::string& id) const {
  auto it = origins_.find(key(type, id));
  return it == origins_.end() ? nullptr : it->second;
}

json Writer::ref(EntityType type, const std::string& id) const {
  std::string reference = ids.reference(type, id);
  return reference.empty() ? json() : json{{"reference", reference}};
}

std::string Writer::type_of(EntityType type, const std::string& id) const {
  std::string reference = ids.reference(type, id);
  return reference.substr(0, reference.find('/'));
}

std::string Writer::date_time(const std::string& wall, const TimeZone* zone) const {
  auto minutes = parse_wall_time(wall);
  if (!minutes) return "";
  if (!zone) zone = clinic_zone_;
  int offset = zone ? static_cast<int>(*minutes - zone->to_utc(*minutes).utc) : 0;
  char suffix[16] = "Z";
  if (offset != 0)
    std::snprintf(suffix, sizeof suffix, "%c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
  return format_wall_time(*minutes) + ":00" + suffix;
}

std::string fhir_date(const std::optional<CivilDate>& date) { return date ? format_civil_date(*date) : ""; }

json codeable(const std::string& text, const std::string& system, const std::string& code, const std::string& display) {
  json c = json::object();
  if (!code.empty()) {
    json coding{{"code", code}};
    if (!system.empty()) coding["system"] = system;
    if (!display.empty()) coding["display"] = display;
    c["coding"] = json::array({coding});
  }
  if (!text.empty()) c["text"] = text;
  return c.empty() ? json() : c;
}

void put(json& resource, const char* key, json value) {
  if (value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty()) ||
      (value.is_structured() && value.empty()))
    return;
  resource[key] = std::move(value);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// ---- the export ----

namespace {

// The patients an export covers, or why there are none.
Result<std::set<std::string>> patients_of(const State& state, const ExportRequest& request) {
  std::set<std::string> patients;
  if (!request.patient.empty()) {
    if (!state.exists(EntityType::Patient, request.patient))
      return Error{ErrorCode::NotFound, "There is no patient with id " + request.patient + ".", {}};
    patients.insert(request.patient);
  } else if (!request.coordinator.empty()) {
    for (const auto& [id, p] : state.table<Patient>())
      if (!p.deleted && in_caseload(state, id, request.coordinator)) patients.insert(id.value);
    if (patients.empty())
      return Error{ErrorCode::NotFound, "No patient is assigned to " + request.coordinator + ".", {}};
  } else {
    for (const auto& [id, p] : state.table<Patient>())
      if (!p.deleted) patients.insert(id.value);
  }
  return patients;
}

}  // namespace

// The job's parts: the records still to write, then the outputs still to turn into text.
struct ExportJob::Work {
  Work(const State& state, ExportRequest request, std::set<std::string> scope)
      : request(std::move(request)), patients(std::move(scope)),
        exporter(state, whole() ? nullptr : &patients), writes(exporter.plan()) {}
  bool whole() const { return request.patient.empty() && request.coordinator.empty(); }

  ExportRequest request;
  std::set<std::string> patients;
  Exporter exporter;
  std::vector<std::function<void()>> writes;
  std::size_t written = 0;
  bool arranged = false;
  std::vector<Output> outputs;
  std::size_t texts = 0;
  bool done = false;
  ExportResult result;
};

ExportJob::ExportJob(const State& state, ExportRequest request) {
  auto patients = patients_of(state, request);
  if (!patients) failure_ = patients.error();
  else work_ = std::make_unique<Work>(state, std::move(request), std::move(patients.value()));
}

ExportJob::~ExportJob() = default;

bool ExportJob::step(std::size_t budget) {
  if (!work_ || work_->done) return false;
  Work& w = *work_;
  if (w.written < w.writes.size()) {
    for (std::size_t end = std::min(w.writes.size(), w.written + budget); w.written < end; ++w.written) w.writes[w.written]();
    return true;
  }
  if (!w.arranged) {
    w.outputs = w.exporter.arranged();
    if (!w.whole()) w.outputs = in_scope(std::move(w.outputs), w.patients);
    w.writes.clear();
    w.arranged = true;
    w.result.patients = w.patients.size();
    return true;
  }
  const bool ndjson = w.request.format == ExportFormat::Ndjson;
  std::string& text = w.result.text;
  for (std::size_t end = std::min(w.outputs.size(), w.texts + budget); w.texts < end; ++w.texts) {
    Output& o = w.outputs[w.texts];
    ++w.result.by_type[o.resource.value("resourceType", "")];
    ++w.result.resources;
    if (ndjson) {
      text += o.resource.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
      continue;
    }
    // Written as nlohmann::json writes the whole Bundle (keys in order: entry, resourceType,
    // type), one entry at a time.
    json entry = json::object();
    std::string id = o.resource.value("id", "");
    if (is_uuid(id)) entry["fullUrl"] = "urn:uuid:" + id;
    entry["resource"] = std::move(o.resource);
    text += w.texts == 0 ? "{\"entry\":[" : ",";
    text += entry.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  if (w.texts < w.outputs.size()) return true;
  if (!ndjson) text += w.outputs.empty() ? R"({"resourceType":"Bundle","type":"collection"})" : R"(],"resourceType":"Bundle","type":"collection"})";
  w.done = true;
  return false;
}

double ExportJob::progress() const {
  if (!work_) return 1.0;
  const Work& w = *work_;
  if (!w.arranged) return w.writes.empty() ? 0.0 : 0.5 * static_cast<double>(w.written) / static_cast<double>(w.writes.size());
  if (w.outputs.empty()) return 1.0;
  return 0.5 + 0.5 * std::min(1.0, static_cast<double>(w.texts) / static_cast<double>(w.outputs.size()));
}

Result<ExportResult> ExportJob::finish() {
  while (step(1000)) {
  }
  if (failure_) return *failure_;
  return std::move(work_->result);
}

Result<ExportResult> export_fhir(const State& state, const ExportRequest& request) {
  return ExportJob(state, request).finish();
}

}  // namespace core::fhir
