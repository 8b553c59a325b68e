// The schemas of coverage and prior authorizations, with the rules that keep dates and units consistent.
#include "coverage.hpp"

#include "core/model/patient.hpp"
#include "core/model/people.hpp"
#include "core/model/visits.hpp"
#include "core/state.hpp"

namespace core {

const Schema<Coverage>& Coverage::schema() {
  using C = Coverage;
  static const Schema<C> schema{
      {
          field::reference("patient", "patient", &C::patient, true),
          field::reference("payer", "payer", &C::payer),
          field::text("plan_name", "plan name", &C::plan_name, true, 200),
          field::code("member_id", "member ID", &C::member_id, true),
          field::text("group_number", "group number", &C::group_number, false, 40),
          field::choice("relationship_to_subscriber", "relationship to the subscriber", &C::relationship_to_subscriber,
                        {"self", "spouse", "child", "other"}),
          field::date("start_date", "start date", &C::start_date),
          field::date("end_date", "end date", &C::end_date),
          field::choice("priority", "priority", &C::priority, {"primary", "secondary", "tertiary"}),
          field::choice("status", "status", &C::status, {"active", "inactive"}),
      },
      {
          in_order(&C::start_date, &C::end_date, "end_date", "The end date cannot be before the start date."),
      }};
  return schema;
}

const Schema<PriorAuthorization>& PriorAuthorization::schema() {
  using A = PriorAuthorization;
  static const Schema<A> schema{
      {
          field::reference("patient", "patient", &A::patient, true),
          field::reference("coverage", "coverage", &A::coverage),
          field::text("service", "service", &A::service, true, 200),
          field::code("reference_number", "reference number", &A::reference_number),
          field::count("units_approved", "units approved", &A::units_approved, 100000),
          field::count("units_used", "units used", &A::units_used, 100000),
          field::date("valid_from", "valid-from date", &A::valid_from),
          field::date("valid_to", "valid-to date", &A::valid_to),
          field::choice("status", "status", &A::status,
                        {"requested", "pending", "approved", "denied", "expired", "cancelled", "needed", "submitted",
                         "appealed"},
                        true),
          field::code("service_code", "service code", &A::service_code),
          field::long_text("call_notes", "call notes", &A::call_notes),
          field::date("submitted_date", "submitted date", &A::submitted_date, false, false),
          field::date("decision_date", "decision date", &A::decision_date, false, false),
          field::reference("appointment", "appointment", &A::appointment),
      },
      {
          [](const A& a, const State&, std::vector<FieldError>& errors) {
            if (a.units_approved && a.units_used && *a.units_used > *a.units_approved)
              errors.push_back({"units_used", "The units used cannot be more than the " +
                                                  std::to_string(*a.units_approved) + " units approved."});
          },
          in_order(&A::valid_from, &A::valid_to, "valid_to", "The valid-to date cannot be before the valid-from date."),
          in_order(&A::submitted_date, &A::decision_date, "decision_date",
                   "The decision date cannot be before the submitted date."),
      }};
  return schema;
}

}  // namespace core
