// The import's planner, inside core/fhir only: it resolves every reference of the resources read
// (fhir_import_resolve.cpp), maps each resource and decides whether it adds, updates or leaves a
// Liaison record (fhir_import_plan.cpp), with the resources that fill in or split into records of
// their own and the appointments that must not double-book (fhir_import_steps.cpp). What it plans
// is one ActionGroup, committed by fhir_import.cpp.
#pragma once
#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/actions.hpp"
#include "core/fhir/fhir_import.hpp"
#include "core/fhir/fhir_input.hpp"
#include "core/fhir/fhir_map.hpp"
#include "core/scheduling/appointment_time.hpp"

namespace core::fhir {

// One resource of the import, as read, and the Liaison record it became once planned.
struct Item {
  InputEntry in;
  std::string type;
  std::string fhir_id;
  std::vector<std::string> identifiers;  // "system|value"
  int order = 0;
  Target record;
  EntityType record_type = EntityType::Patient;
};

// The order resources are planned in, so a record exists before another refers to it.
int plan_rank(const std::string& type);
// The resource's identifiers as "system|value".
std::vector<std::string> identifiers_of(const nlohmann::json& resource);
// "http://x/fhir/Patient/7/_history/2" -> "Patient/7"; "Patient/7" stays; anything else -> "".
std::string type_and_id(std::string reference);

// Plans `items` against `state` in steps, so a caller can plan a few at a time. The state must not
// change while planning (ImportJob checks it).
class Planner final : public Context {
 public:
  Planner(const State& state, std::vector<Item>& items, ImportSummary& summary);

  ActionGroup group;

  // Plans up to `budget` more resources, in dependency order; the first problem stops it.
  Status plan_some(std::size_t budget);
  std::size_t planned() const { return next_; }
  bool done() const { return next_ == order_.size(); }
  // Lists the unresolved references in the summary, once every resource is planned.
  void finish();

  // ---- Context ----
  Target record_of(const Node& reference, EntityType wanted) override;
  const nlohmann::json* resource_of(const Node& reference) override;
  std::string display_of(const Node& reference) override;

 private:
  struct Resolved {
    const Item* item = nullptr;
    const FhirResource* stored = nullptr;
    const nlohmann::json* contained = nullptr;
    std::string id;     // a Liaison record id, for a conditional reference met by MRN or NPI
    std::string found;  // the Liaison record type behind `id`
  };

  // fhir_import_resolve.cpp
  Resolved resolve(const Node& reference);
  Resolved conditional(const std::string& type, const std::string& query, const std::string& where, const std::string& text);
  Resolved unresolved(Resolved out, const std::string& path, const std::string& text);
  void check_references(const Node& node);
  const nlohmann::json* kept_resource(const FhirResource& stored);

  // fhir_import_plan.cpp
  void plan_item(Item& item);
  static std::string business_key(const Item& item, const Mapped& mapped);
  static std::string medical_record_number(const Item& item);
  std::string business_match(const Item& item, const Mapped& mapped);
  bool changes(EntityType type, const std::string& id, const nlohmann::json& fields,
               const std::vector<std::pair<std::string, std::size_t>>& linked) const;
  static nlohmann::json identifiers_for_store(const std::vector<std::string>& identifiers);

  // fhir_import_steps.cpp
  void plan_fill(Item& item, const Mapped& mapped, const FhirResource* stored, TypeCounts& counts, const std::string& label);
  bool fill(const Target& practitioner, const Mapped& mapped, const std::string& label);
  void plan_members(Item& item, const Mapped& mapped, const FhirResource* stored, TypeCounts& counts, const std::string& label);
  static std::string target_key(const Target& t);
  static std::string member_key(const std::string& patient, const std::string& practitioner,
                                const std::string& organization, std::string role);
  std::string appointment_problem(Mapped& mapped, const std::string& existing);

  const State& state_;
  std::vector<Item>& items_;
  ImportSummary& summary_;
  std::vector<std::size_t> order_;  // indexes into items_, in the order they are planned
  std::size_t next_ = 0;            // how many of order_ are planned
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
  std::map<std::string, nlohmann::json> kept_resources_;  // by FhirResource id
};

// "a" + separator + "b", a map key that cannot be confused with another pair.
inline std::string import_key(const std::string& a, const std::string& b) { return a + "\x1f" + b; }

}  // namespace core::fhir
