// The schemas of the clinical history entities: their fields, labels and the rules across fields.
#include "clinical_history.hpp"

#include "core/model/patient.hpp"
#include "core/model/people.hpp"
#include "core/state.hpp"

namespace core {

const Schema<Condition>& Condition::schema() {
  using C = Condition;
  static const Schema<C> schema{
      {
          field::reference("patient", "patient", &C::patient, true),
          field::text("name", "condition name", &C::name, true, 200),
          field::icd10("icd10", "ICD-10 code", &C::icd10),
          field::choice("status", "status", &C::status, {"active", "resolved", "inactive"}, true),
          field::date("onset_date", "onset date", &C::onset_date, false, false),
          field::date("resolution_date", "resolution date", &C::resolution_date, false, false),
          field::long_text("notes", "notes", &C::notes),
      },
      {
          in_order(&C::onset_date, &C::resolution_date, "resolution_date",
                   "The resolution date cannot be before the onset date."),
          // An active condition with a resolution date would read as both current and over.
          [](const C& c, const State&, std::vector<FieldError>& errors) {
            if (c.resolution_date && c.status != "resolved" && c.status != "inactive")
              errors.push_back(
                  {"status", "A condition with a resolution date must have the status resolved or inactive."});
          },
      }};
  return schema;
}

const Schema<Procedure>& Procedure::schema() {
  using P = Procedure;
  static const Schema<P> schema{
      {
          field::reference("patient", "patient", &P::patient, true),
          field::text("name", "procedure name", &P::name, true, 200),
          field::date("date", "procedure date", &P::date, false, false),
          field::reference("performer", "performer", &P::performer),
          field::text("outcome", "outcome", &P::outcome, false, 500),
          field::long_text("notes", "notes", &P::notes),
      },
      {}};
  return schema;
}

const Schema<Allergy>& Allergy::schema() {
  using A = Allergy;
  static const Schema<A> schema{
      {
          field::reference("patient", "patient", &A::patient, true),
          field::text("substance", "substance", &A::substance, true, 200),
          field::text("reaction", "reaction", &A::reaction, false, 500),
          field::choice("severity", "severity", &A::severity, {"mild", "moderate", "severe"}),
          field::choice("verification", "verification", &A::verification, {"unconfirmed", "confirmed", "refuted"}),
          field::choice("kind", "kind", &A::kind, {"allergy", "intolerance"}),
          field::date("recorded_date", "recorded date", &A::recorded_date, false, false),
      },
      {}};
  return schema;
}

const Schema<Medication>& Medication::schema() {
  using M = Medication;
  static const Schema<M> schema{
      {
          field::reference("patient", "patient", &M::patient, true),
          field::text("name", "medication name", &M::name, true, 200),
          field::text("dose", "dose", &M::dose, false, 100),
          field::choice("route", "route", &M::route,
                        {"oral", "topical", "inhaled", "injection", "intravenous", "subcutaneous", "transdermal",
                         "other"}),
          field::text("frequency", "frequency", &M::frequency, false, 100),
          field::reference("prescriber", "prescriber", &M::prescriber),
          field::date("start_date", "start date", &M::start_date),
          field::date("stop_date", "stop date", &M::stop_date),
          field::text("indication", "indication", &M::indication, false, 200),
          field::choice("status", "status", &M::status, {"active", "stopped", "on_hold"}),
          field::long_text("notes", "notes", &M::notes),
      },
      {
          in_order(&M::start_date, &M::stop_date, "stop_date", "The stop date cannot be before the start date."),
      }};
  return schema;
}

const Schema<FamilyHistory>& FamilyHistory::schema() {
  using F = FamilyHistory;
  static const Schema<F> schema{
      {
          field::reference("patient", "patient", &F::patient, true),
          field::choice("relative", "relative", &F::relative,
                        {"mother", "father", "sibling", "child", "grandparent", "aunt_uncle", "other"}, true),
          field::text("condition", "condition", &F::condition, true, 200),
          field::count("age_at_onset", "age at onset", &F::age_at_onset, 120),
          field::flag("deceased", "deceased", &F::deceased),
          field::long_text("notes", "notes", &F::notes),
      },
      {}};
  return schema;
}

const Schema<SocialFactor>& SocialFactor::schema() {
  using S = SocialFactor;
  static const Schema<S> schema{
      {
          field::reference("patient", "patient", &S::patient, true),
          field::choice("category", "category", &S::category,
                        {"tobacco", "alcohol", "activity", "diet", "housing", "transport", "food_security",
                         "substance_use", "other"},
                        true),
          field::text("value", "value", &S::value, true, 200),
          field::choice("risk", "risk", &S::risk, {"none", "low", "moderate", "high"}),
          field::date("recorded_date", "recorded date", &S::recorded_date, false, false),
      },
      {}};
  return schema;
}

}  // namespace core
