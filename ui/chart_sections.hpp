// The tabs of the patient chart and the kinds of record each one lists, in order.
#pragma once
#include <vector>

#include "core/model/entity_type.hpp"

namespace ui {

struct ChartSection {
  core::EntityType type;
  const char* title;  // singular, as in "Add condition"
};

struct ChartTab {
  const char* title;
  std::vector<ChartSection> sections;
};

inline const std::vector<ChartTab>& chart_tabs() {
  using core::EntityType;
  static const std::vector<ChartTab> tabs = {
      {"Health history",
       {{EntityType::Condition, "condition"}, {EntityType::Procedure, "procedure"},
        {EntityType::FamilyHistory, "family history"}, {EntityType::SocialFactor, "lifestyle or social factor"}}},
      {"Medications",
       {{EntityType::Medication, "medication"}, {EntityType::MedicationFill, "pharmacy fill"},
        {EntityType::MedicationReconciliation, "medication reconciliation"},
        {EntityType::MedicationDiscrepancy, "medication discrepancy"}}},
      {"Allergies", {{EntityType::Allergy, "allergy"}}},
      {"Care plan",
       {{EntityType::CarePlan, "care plan"}, {EntityType::Goal, "goal"}, {EntityType::Intervention, "intervention"},
        {EntityType::Task, "task"}, {EntityType::CareManagementTime, "care management time"}}},
      {"Appointments", {{EntityType::Appointment, "appointment"}, {EntityType::Referral, "referral"}}},
      {"Transitions of care", {{EntityType::Encounter, "hospital stay or visit"}}},
      {"Insurance", {{EntityType::Coverage, "coverage"}, {EntityType::PriorAuthorization, "prior authorization"}}},
      {"Family and caregivers", {{EntityType::RelatedPerson, "family member or caregiver"}}},
      {"Care team", {{EntityType::CareTeamMember, "care team member"}}},
      {"Measurements", {{EntityType::Measurement, "measurement"}}},
      {"Notes", {{EntityType::Note, "note"}}},
      {"Education", {{EntityType::Education, "education record"}}},
  };
  return tabs;
}

}  // namespace ui
