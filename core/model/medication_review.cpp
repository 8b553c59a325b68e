// The schemas of medication reconciliations, their discrepancies and pharmacy fills.
#include "medication_review.hpp"

#include "core/model/clinical_history.hpp"
#include "core/model/patient.hpp"
#include "core/model/visits.hpp"
#include "core/state.hpp"

namespace core {
namespace {

// Rule: the record referred to, when it exists, belongs to the same patient.
template <class T, class Target>
RecordRule<T> same_patient(Id<Target> T::*member, std::string field, std::string message) {
  return [=](const T& r, const State& state, std::vector<FieldError>& errors) {
    const Target* target = state.find(r.*member);
    if (target && !r.patient.empty() && target->patient != r.patient) errors.push_back({field, message});
  };
}

}  // namespace

const Schema<MedicationReconciliation>& MedicationReconciliation::schema() {
  using R = MedicationReconciliation;
  static const Schema<R> schema{
      {
          field::reference("patient", "patient", &R::patient, true),
          field::reference("encounter", "hospital stay it follows", &R::encounter),
          field::date("date", "reconciliation date", &R::date, false, false),
          field::text("performed_by", "performed by", &R::performed_by, false, 200),
          field::text("sources", "lists compared", &R::sources, false, 300),
          field::choice("status", "status", &R::status, {"in_progress", "completed"}),
          field::long_text("notes", "notes", &R::notes),
      },
      {
          same_patient(&R::encounter, "encounter", "That hospital stay belongs to another patient."),
      }};
  return schema;
}

const Schema<MedicationDiscrepancy>& MedicationDiscrepancy::schema() {
  using D = MedicationDiscrepancy;
  static const Schema<D> schema{
      {
          field::reference("patient", "patient", &D::patient, true),
          field::reference("reconciliation", "reconciliation", &D::reconciliation, true),
          field::text("medication", "medication", &D::medication, true, 200),
          field::choice("kind", "kind of discrepancy", &D::kind,
                        {"omission", "commission", "dose", "frequency", "route", "duplication", "other"}, true),
          field::text("detail", "detail", &D::detail, false, 500),
          field::text("resolution", "resolution", &D::resolution, false, 500),
          field::flag("resolved", "resolved", &D::resolved),
      },
      {
          same_patient(&D::reconciliation, "reconciliation", "That reconciliation belongs to another patient."),
      }};
  return schema;
}

const Schema<MedicationFill>& MedicationFill::schema() {
  using F = MedicationFill;
  static const Schema<F> schema{
      {
          field::reference("patient", "patient", &F::patient, true),
          field::reference("medication", "medication", &F::medication, true),
          field::date("fill_date", "fill date", &F::fill_date, true, false),
          field::count("days_supply", "days' supply", &F::days_supply, 365, true),
          field::number("quantity", "quantity", &F::quantity, 0, 100000),
      },
      {
          same_patient(&F::medication, "medication", "That medication belongs to another patient."),
      }};
  return schema;
}

}  // namespace core
