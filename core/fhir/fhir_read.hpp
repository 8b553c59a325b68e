// Reading values out of a FHIR resource with their JSON path, for the mappers: a wrong JSON type or
// a bad date throws a ReadError naming the path (caught by the importer and turned into a message).
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace core::fhir {

struct ReadError {
  std::string path;     // e.g. "/valueQuantity/value"
  std::string message;  // e.g. "expected a number"
};

// A value inside a resource, possibly absent, with its JSON path.
class Node {
 public:
  Node(const nlohmann::json* value, std::string path) : value_(value), path_(std::move(path)) {}
  bool present() const { return value_ && !value_->is_null(); }
  const std::string& path() const { return path_; }
  const nlohmann::json* json() const { return value_; }

  Node operator[](const char* key) const;  // absent when this is absent; throws if not an object
  std::vector<Node> list() const;          // empty when absent; throws if not an array
  Node first() const;                      // the first element of a list, or absent
  std::string text() const;                // "" when absent; throws if not a string
  std::optional<double> number() const;    // throws if present and not a number
  std::optional<bool> flag() const;        // throws if present and not true/false
  void fail(const std::string& message) const { throw ReadError{path_, message}; }

 private:
  const nlohmann::json* value_;
  std::string path_;
};

// FHIR date or dateTime (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm)):
// "" when absent, else as Liaison keeps it. A partial date takes the first day of its month or
// year. Local wall time as written; the zone is not applied. Throws on anything else.
std::string read_date(const Node& n);       // "YYYY-MM-DD"
std::string read_date_time(const Node& n);  // "YYYY-MM-DDTHH:MM" (a date alone at 00:00)

// CodeableConcept: its text, else the first coding's display, else its code.
std::string concept_text(const Node& codeable);
// The code of the first coding of `codeable` in `system` (any system when empty).
std::string concept_code(const Node& codeable, const std::string& system = "");
// "Given Middle Family" of a HumanName (its text when it has one).
std::string name_text(const Node& name);
// A Quantity as "5 mg".
std::string quantity_text(const Node& quantity);
// Text cut to at most `max_bytes` bytes on a UTF-8 character boundary.
std::string clip(const std::string& text, std::size_t max_bytes);

}  // namespace core::fhir
