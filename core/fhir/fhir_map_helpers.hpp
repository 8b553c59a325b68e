// Internal to the FHIR mappers (fhir_map*.cpp): the helpers they share and one mapper per
// resource type, grouped by file: people and places (fhir_map_people.cpp), clinical history and
// observations (fhir_map_clinical.cpp), plans, schedules and coverage (fhir_map_plans.cpp).
// Not for use outside core/fhir.
#pragma once
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/fhir/fhir_map.hpp"

namespace core::fhir::detail {

// The Liaison value for a FHIR code, through `table` ({fhir code, liaison value}); "" if none.
std::string pick(const std::string& code, std::initializer_list<std::pair<const char*, const char*>> table);
// Sets a field to the text cut to `max_bytes`; an empty text leaves it unset.
void set(Mapped& m, const char* field, const std::string& value, std::size_t max_bytes = 200);
// Links a field to another record, when the reference led to one.
void link(Mapped& m, const char* field, const Target& target);
// The patient a clinical resource is about (subject or patient); unmapped without one.
bool link_patient(Context& ctx, Mapped& m, const Node& reference);
Mapped start(EntityType type);
std::vector<std::string> phones_of(const Node& telecom);
std::string email_of(const Node& telecom);
std::string address_line(const Node& address);
std::string joined(const std::vector<std::string>& parts, const char* separator = "; ");
// The record's notes: `lines` already gathered, then the resource's annotations (`note`), one a line.
void set_notes(Mapped& m, const Node& resource, std::vector<std::string> lines = {});

// ---- people and places (fhir_map_people.cpp) ----
Mapped patient(Context& ctx, const Node& r);
Mapped practitioner(Context& ctx, const Node& r);
Mapped organization(Context& ctx, const Node& r);
Mapped related_person(Context& ctx, const Node& r);
Mapped practitioner_role(Context& ctx, const Node& r);  // fills its Practitioner

// ---- clinical history and observations (fhir_map_clinical.cpp) ----
Mapped condition(Context& ctx, const Node& r);
Mapped allergy(Context& ctx, const Node& r);
Mapped medication(Context& ctx, const Node& r, bool request);  // MedicationRequest and MedicationStatement
Mapped procedure(Context& ctx, const Node& r);
Mapped immunization(Context& ctx, const Node& r);
Mapped family_history(Context& ctx, const Node& r);
Mapped encounter(Context& ctx, const Node& r);
Mapped observation(Context& ctx, const Node& r);

// ---- plans, schedules, messages and coverage (fhir_map_plans.cpp) ----
Mapped care_plan(Context& ctx, const Node& r);
Mapped goal(Context& ctx, const Node& r);
Mapped communication(Context& ctx, const Node& r);
Mapped coverage(Context& ctx, const Node& r);
Mapped referral(Context& ctx, const Node& r);  // ServiceRequest
Mapped task(Context& ctx, const Node& r);
Mapped care_team(Context& ctx, const Node& r);  // one CareTeamMember per participant
Mapped appointment(Context& ctx, const Node& r);

}  // namespace core::fhir::detail
