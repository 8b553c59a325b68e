// Every kind of record Liaison keeps, listed once. LIAISON_ENTITIES(X) calls X(Type, "wire name")
// for each; the enum, the State's tables and the type dispatch are all generated from it, so a
// new entity is one line here plus its own header (see entities.hpp).
#pragma once
#include <optional>
#include <string_view>

#define LIAISON_ENTITIES(X)                                \
  X(Patient, "patient")                                    \
  X(RelatedPerson, "related_person")                       \
  X(Practitioner, "practitioner")                          \
  X(Organization, "organization")                          \
  X(CareTeamMember, "care_team_member")                    \
  X(Condition, "condition")                                \
  X(Procedure, "procedure")                                \
  X(Allergy, "allergy")                                    \
  X(Medication, "medication")                              \
  X(FamilyHistory, "family_history")                       \
  X(SocialFactor, "social_factor")                         \
  X(CarePlan, "care_plan")                                 \
  X(Goal, "goal")                                          \
  X(Intervention, "intervention")                          \
  X(Task, "task")                                          \
  X(Appointment, "appointment")                            \
  X(Encounter, "encounter")                                \
  X(Referral, "referral")                                  \
  X(Coverage, "coverage")                                  \
  X(PriorAuthorization, "prior_authorization")             \
  X(Measurement, "measurement")                            \
  X(Note, "note")                                          \
  X(Education, "education")                                \
  X(WorkingHours, "working_hours")                         \
  X(Unavailability, "unavailability")                      \
  X(ClinicHoliday, "clinic_holiday")                       \
  X(ClinicSettings, "clinic_settings")                     \
  X(WorkItemState, "work_item_state")                      \
  X(MedicationReconciliation, "medication_reconciliation") \
  X(MedicationDiscrepancy, "medication_discrepancy")       \
  X(MedicationFill, "medication_fill")                     \
  X(CareManagementTime, "care_management_time")           \
  X(FhirResource, "fhir_resource")

namespace core {

enum class EntityType {
#define LIAISON_ENUM_ENTRY(type, name) type,
  LIAISON_ENTITIES(LIAISON_ENUM_ENTRY)
#undef LIAISON_ENUM_ENTRY
};

const char* entity_name(EntityType type);
std::optional<EntityType> entity_from_name(std::string_view name);

}  // namespace core
