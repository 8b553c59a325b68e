// Reading FHIR R4 JSON safely: refuses hostile input before parsing (nesting too deep for the
// recursive parser, absurd sizes, text that is not UTF-8), then splits a file into its resources,
// whether it holds a Bundle (any type), a single resource or NDJSON (one resource per line).
// Every problem names the file, the entry and the JSON path, e.g.
//   "labs.json: entry 12 (Observation) at /valueQuantity/value: expected a number".
// Entries are counted as in the JSON path (/entry/0 is entry 0); NDJSON lines from 1.
#pragma once
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace core::fhir {

constexpr std::size_t kMaxFileBytes = 128u << 20;   // far above the largest bulk-export file we expect
constexpr std::size_t kMaxStringBytes = 8u << 20;   // attachments included
constexpr std::size_t kMaxDepth = 64;               // real R4 data nests about 25 levels at most

// One resource found in a file.
struct InputEntry {
  std::string file;
  std::string where;       // "entry 12", "line 3" or "resource": how messages name it
  std::string full_url;    // Bundle.entry.fullUrl, empty when absent
  std::string request_url; // Bundle.entry.request.url (transactions), empty when absent
  nlohmann::json resource;
};

// "file: entry 12 (Observation) at /valueQuantity/value: message", leaving out what is empty.
std::string problem_at(const std::string& file, const std::string& where, const std::string& type,
                       const std::string& path, const std::string& message);

// The resources of one file, or the first problem found (the file's name in the message).
Result<std::vector<InputEntry>> read_fhir_file(const std::string& name, const std::string& bytes);

// True when `name` is a resource type of FHIR R4 (4.0.1).
bool is_r4_resource_type(const std::string& name);

}  // namespace core::fhir
