// Reading FHIR R4 JSON safely; see fhir_input.hpp.
#include "fhir_input.hpp"

#include <algorithm>
#include <string_view>

namespace core::fhir {
namespace {

using nlohmann::json;

// Where a bracket scanner is inside the text: each open object or array and the child it is at.
struct Frame {
  bool array = false;
  std::size_t index = 0;  // arrays: the element being read
  std::string key;        // objects: the last key read
  bool expect_key = true;
};

struct Scan {
  bool too_deep = false;
  std::string path;  // at the point where scanning stopped
  std::size_t top_level_values = 0;
};

std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string path_of(const std::vector<Frame>& frames) {
  std::string path;
  for (const Frame& f : frames) path += "/" + (f.array ? std::to_string(f.index) : escape_pointer(f.key));
  return path;
}

// One pass over the bytes without recursion: stops when nesting passes kMaxDepth or at `stop`,
// so the JSON path of a parse error or of too deep a value can be named.
Scan scan(std::string_view text, std::size_t stop = std::string_view::npos) {
  Scan out;
  std::vector<Frame> frames;
  bool in_string = false, escaped = false;
  std::string current;  // the string being read (kept only when it may be a key)
  for (std::size_t i = 0; i < text.size() && i < stop; ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') {
        in_string = false;
        if (!frames.empty() && !frames.back().array && frames.back().expect_key) frames.back().key = current;
        continue;
      }
      if (current.size() < 200) current += c;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        current.clear();
        break;
      case '{':
      case '[':
        if (frames.empty()) ++out.top_level_values;
        frames.push_back(Frame{c == '[', 0, "", c == '{'});
        if (frames.size() > kMaxDepth) {
          out.too_deep = true;
          frames.pop_back();
          out.path = path_of(frames);
          return out;
        }
        break;
      case '}':
      case ']':
        if (!frames.empty()) frames.pop_back();
        break;
      case ',':
        if (!frames.empty()) {
          if (frames.back().array) ++frames.back().index;
          else frames.back().expect_key = true;
        }
        break;
      case ':':
        if (!frames.empty()) frames.back().expect_key = false;
        break;
      default:
        break;
    }
  }
  out.path = path_of(frames);
  return out;
}

// "/entry/12/resource/valueQuantity" -> entry 12 and "/valueQuantity"; anything else stays whole.
void split_entry_path(const std::string& path, std::string& where, std::string& rest) {
  const std::string prefix = "/entry/";
  if (path.rfind(prefix, 0) == 0) {
    std::size_t end = path.find('/', prefix.size());
    std::string index = path.substr(prefix.size(), end == std::string::npos ? std::string::npos : end - prefix.size());
    if (!index.empty() && std::all_of(index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      where = "entry " + index;
      rest = end == std::string::npos ? "" : path.substr(end);
      if (rest.rfind("/resource", 0) == 0) rest = rest.substr(9);
      return;
    }
  }
  rest = path;
}

std::string file_problem(const std::string& file, const std::string& where, const std::string& path,
                         const std::string& message) {
  std::string entry = where, rest = path;
  if (where.empty()) split_entry_path(path, entry, rest);
  return problem_at(file, entry, "", rest, message);
}

// A string longer than kMaxStringBytes anywhere in the value: its path, or "".
bool find_huge_string(const json& j, std::string& path) {
  if (j.is_string()) return j.get_ref<const std::string&>().size() > kMaxStringBytes;
  if (j.is_object()) {
    for (const auto& [key, value] : j.items())
      if (find_huge_string(value, path)) {
        path = "/" + escape_pointer(key) + path;
        return true;
      }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i)
      if (find_huge_string(j[i], path)) {
        path = "/" + std::to_string(i) + path;
        return true;
      }
  }
  return false;
}

// Parses one JSON text (a whole file or one NDJSON line) after the hostile-input checks.
Result<json> parse_checked(const std::string& file, const std::string& where, std::string_view text) {
  Scan s = scan(text);
  if (s.too_deep)
    return Error{ErrorCode::Invalid,
                 file_problem(file, where, s.path,
                              "nested deeper than " + std::to_string(kMaxDepth) + " levels; this is not FHIR data"),
                 {}};
  json parsed;
  try {
    parsed = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    std::string message;
    if (what.find("UTF-8") != std::string::npos || what.find("UTF-16") != std::string::npos ||
        what.find("code point") != std::string::npos || what.find("surrogate") != std::string::npos) {
      message = "the text is not valid UTF-8 (FHIR JSON must be UTF-8)";
    } else {
      // nlohmann's own words after the position, without the "last read" bytes, which may not be
      // printable.
      std::size_t column = what.find("column ");
      std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
      std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
      detail = detail.substr(0, detail.find("; last read"));
      message = "not valid JSON (" + detail + ")";
    }
    std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    return Error{ErrorCode::Invalid,
                 file_problem(file, where, scan(text, at).path,
                              message + " at byte " + std::to_string(e.byte)),
                 {}};
  }
  std::string path;
  if (find_huge_string(parsed, path))
    return Error{ErrorCode::Invalid,
                 file_problem(file, where, path,
                              "a text value is longer than " + std::to_string(kMaxStringBytes >> 20) + " MB"),
                 {}};
  return parsed;
}

Result<std::string> resource_type_of(const json& resource, const std::string& file, const std::string& where) {
  if (!resource.is_object())
    return Error{ErrorCode::Invalid, problem_at(file, where, "", "", "expected a FHIR resource (a JSON object)"), {}};
  auto it = resource.find("resourceType");
  if (it == resource.end() || !it->is_string())
    return Error{ErrorCode::Invalid, problem_at(file, where, "", "/resourceType", "no resourceType: this is not a FHIR resource"), {}};
  const std::string& type = it->get_ref<const std::string&>();
  if (!is_r4_resource_type(type))
    return Error{ErrorCode::Invalid,
                 problem_at(file, where, "", "/resourceType", "\"" + type.substr(0, 60) + "\" is not a FHIR R4 resource type"), {}};
  return type;
}

const std::string* text_at(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

// The resources of a parsed top-level value: a Bundle's entries (recursively not: a Bundle inside
// a Bundle stays one resource) or the resource itself.
Status add_resources(const std::string& file, const std::string& where, json&& value, std::vector<InputEntry>& out) {
  auto type = resource_type_of(value, file, where);
  if (!type) return type.error();
  if (type.value() != "Bundle") {
    out.push_back(InputEntry{file, where, "", "", std::move(value)});
    return Ok{};
  }
  auto entries = value.find("entry");
  if (entries == value.end()) return Ok{};
  if (!entries->is_array())
    return Error{ErrorCode::Invalid, problem_at(file, where, "Bundle", "/entry", "expected a list of entries"), {}};
  for (std::size_t i = 0; i < entries->size(); ++i) {
    json& entry = (*entries)[i];
    const std::string entry_where = "entry " + std::to_string(i);
    if (!entry.is_object())
      return Error{ErrorCode::Invalid, problem_at(file, entry_where, "", "", "expected a Bundle entry (a JSON object)"), {}};
    auto resource = entry.find("resource");
    if (resource == entry.end()) continue;  // a response or a DELETE: nothing to import
    auto rtype = resource_type_of(*resource, file, entry_where);
    if (!rtype) return rtype.error();
    InputEntry e{file, entry_where, "", "", std::move(*resource)};
    if (const std::string* url = text_at(entry, "fullUrl")) e.full_url = *url;
    if (auto request = entry.find("request"); request != entry.end() && request->is_object())
      if (const std::string* url = text_at(*request, "url")) e.request_url = *url;
    out.push_back(std::move(e));
  }
  return Ok{};
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string problem_at(const std::string& file, const std::string& where, const std::string& type,
                       const std::string& path, const std::string& message) {
  std::string out = file;
  if (!where.empty()) out += ": " + where;
  if (!type.empty()) out += " (" + type + ")";
  if (!path.empty()) out += " at " + path;
  return out + ": " + message;
}

Result<std::vector<InputEntry>> read_fhir_file(const std::string& name, const std::string& bytes) {
  if (bytes.size() > kMaxFileBytes)
    return Error{ErrorCode::Invalid,
                 problem_at(name, "", "", "", "the file is larger than " + std::to_string(kMaxFileBytes >> 20) +
                                                 " MB; split it (for example as NDJSON files) and import the parts"),
                 {}};
  std::vector<InputEntry> out;
  const bool ndjson = ends_with(name, ".ndjson") || ends_with(name, ".jsonl") || scan(bytes).top_level_values > 1;
  if (!ndjson) {
    auto parsed = parse_checked(name, "", bytes);
    if (!parsed) return parsed.error();
    if (auto s = add_resources(name, "", std::move(parsed.value()), out); !s) return s.error();
    return out;
  }
  std::size_t line_start = 0, line_number = 0;
  while (line_start < bytes.size()) {
    std::size_t end = bytes.find('\n', line_start);
    if (end == std::string::npos) end = bytes.size();
    ++line_number;
    std::string_view line(bytes.data() + line_start, end - line_start);
    line_start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = "line " + std::to_string(line_number);
    auto parsed = parse_checked(name, where, line);
    if (!parsed) return parsed.error();
    if (auto s = add_resources(name, where, std::move(parsed.value()), out); !s) return s.error();
  }
  return out;
}

bool is_r4_resource_type(const std::string& name) {
  // The resource types of FHIR R4 (4.0.1), https://hl7.org/fhir/R4/resourcelist.html
  static const char* const kTypes[] = {
      "Account", "ActivityDefinition", "AdverseEvent", "AllergyIntolerance", "Appointment",
      "AppointmentResponse", "AuditEvent", "Basic", "Binary", "BiologicallyDerivedProduct", "BodyStructure",
      "Bundle", "CapabilityStatement", "CarePlan", "CareTeam", "CatalogEntry", "ChargeItem",
      "ChargeItemDefinition", "Claim", "ClaimResponse", "ClinicalImpression", "CodeSystem", "Communication",
      "CommunicationRequest", "CompartmentDefinition", "Composition", "ConceptMap", "Condition", "Consent",
      "Contract", "Coverage", "CoverageEligibilityRequest", "CoverageEligibilityResponse", "DetectedIssue",
      "Device", "DeviceDefinition", "DeviceMetric", "DeviceRequest", "DeviceUseStatement", "DiagnosticReport",
      "DocumentManifest", "DocumentReference", "EffectEvidenceSynthesis", "Encounter", "Endpoint",
      "EnrollmentRequest", "EnrollmentResponse", "EpisodeOfCare", "EventDefinition", "Evidence",
      "EvidenceVariable", "ExampleScenario", "ExplanationOfBenefit", "FamilyMemberHistory", "Flag", "Goal",
      "GraphDefinition", "Group", "GuidanceResponse", "HealthcareService", "ImagingStudy", "Immunization",
      "ImmunizationEvaluation", "ImmunizationRecommendation", "ImplementationGuide", "InsurancePlan", "Invoice",
      "Library", "Linkage", "List", "Location", "Measure", "MeasureReport", "Media", "Medication",
      "MedicationAdministration", "MedicationDispense", "MedicationKnowledge", "MedicationRequest",
      "MedicationStatement", "MedicinalProduct", "MedicinalProductAuthorization", "MedicinalProductContraindication",
      "MedicinalProductIndication", "MedicinalProductIngredient", "MedicinalProductInteraction",
      "MedicinalProductManufactured", "MedicinalProductPackaged", "MedicinalProductPharmaceutical",
      "MedicinalProductUndesirableEffect", "MessageDefinition", "MessageHeader", "MolecularSequence",
      "NamingSystem", "NutritionOrder", "Observation", "ObservationDefinition", "OperationDefinition",
      "OperationOutcome", "Organization", "OrganizationAffiliation", "Parameters", "Patient", "PaymentNotice",
      "PaymentReconciliation", "Person", "PlanDefinition", "Practitioner", "PractitionerRole", "Procedure",
      "Provenance", "Questionnaire", "QuestionnaireResponse", "RelatedPerson", "RequestGroup",
      "ResearchDefinition", "ResearchElementDefinition", "ResearchStudy", "ResearchSubject", "RiskAssessment",
      "RiskEvidenceSynthesis", "Schedule", "SearchParameter", "ServiceRequest", "Slot", "Specimen",
      "SpecimenDefinition", "StructureDefinition", "StructureMap", "Subscription", "Substance",
      "SubstanceNucleicAcid", "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation",
      "SubstanceSourceMaterial", "SubstanceSpecification", "SupplyDelivery", "SupplyRequest", "Task",
      "TerminologyCapabilities", "TestReport", "TestScript", "ValueSet", "VerificationResult", "VisionPrescription"};
  for (const char* t : kTypes)
    if (name == t) return true;
  return false;
}

}  // namespace core::fhir
