// The schemas of appointments, encounters and referrals, with the rules that keep their times in order.
#include "visits.hpp"

#include "core/model/patient.hpp"
#include "core/model/people.hpp"
#include "core/scheduling/appointment_time.hpp"
#include "core/state.hpp"

namespace core {

bool holds_slot(const Appointment& a) {
  return a.status == "booked" || a.status == "confirmed" || a.status == "arrived" || a.status == "completed";
}

const Schema<Appointment>& Appointment::schema() {
  using A = Appointment;
  static const Schema<A> schema{
      {
          field::reference("patient", "patient", &A::patient, true),
          field::reference("practitioner", "practitioner", &A::practitioner),
          field::text("location", "location", &A::location, false, 200),
          field::choice("type", "type", &A::type,
                        {"office_visit", "follow_up", "home_visit", "telehealth", "procedure", "lab"}),
          field::choice("status", "status", &A::status,
                        {"proposed", "booked", "confirmed", "arrived", "completed", "cancelled", "no_show"}),
          field::date_time("start", "start time", &A::start, true),
          field::date_time("end", "end time", &A::end, true),
          field::member_field<A>("time_zone", "time zone", false, &A::time_zone,
                                 [](const json& v) { return check_time_zone(v, "time zone"); }),
          field::text("reason", "reason", &A::reason, false, 500),
          field::long_text("notes", "notes", &A::notes),
          field::text("series", "series", &A::series, false, 200),
          field::text("recurrence", "repeats", &A::recurrence, false, 200),
          field::reference("follow_up_of", "follow-up of", &A::follow_up_of),
      },
      {
          [](const A& a, const State& state, std::vector<FieldError>& errors) {
            auto start = parse_wall_time(a.start), end = parse_wall_time(a.end);
            if (!start || !end) return;
            if (*end <= *start) return errors.push_back({"end", "The end time must be after the start time."});
            if (*end - *start > 24 * 60) return errors.push_back({"end", "An appointment cannot last more than 24 hours."});
            if (auto problem = skipped_time_problem(a, state); !problem.empty()) errors.push_back({"start", problem});
          },
          [](const A& a, const State& state, std::vector<FieldError>& errors) {
            for (const Conflict& c : find_conflicts(a, state)) errors.push_back({"start", describe(c, state)});
          },
      }};
  return schema;
}

const Schema<Encounter>& Encounter::schema() {
  using E = Encounter;
  static const Schema<E> schema{
      {
          field::reference("patient", "patient", &E::patient, true),
          field::choice("kind", "kind", &E::kind,
                        {"inpatient", "emergency", "observation", "outpatient", "home_health", "skilled_nursing"}),
          field::text("facility", "facility", &E::facility, false, 200),
          field::date("admission_date", "admission date", &E::admission_date, true),
          field::date("discharge_date", "discharge date", &E::discharge_date),
          field::flag("acute", "acute admission", &E::acute),
          field::choice("discharge_disposition", "discharge disposition", &E::discharge_disposition,
                        {"home", "home_with_services", "skilled_nursing", "rehab", "hospice", "against_medical_advice",
                         "died", "other"}),
          field::long_text("notes", "notes", &E::notes),
          field::text_list("discharge_medications", "discharge medications", &E::discharge_medications,
                           [](const json& v) { return check_text(v, "discharge medication", 200); }),
          field::choice("complexity", "complexity", &E::complexity, {"moderate", "high"}),
          field::choice("admission_type", "admission type", &E::admission_type, {"elective", "urgent", "emergency"}),
          field::choice("discharge_service", "discharging service", &E::discharge_service,
                        {"medicine", "surgery", "oncology", "cardiology", "neurology", "psychiatry", "obstetrics",
                         "pediatrics", "rehabilitation", "other"}),
      },
      {
          in_order(&E::admission_date, &E::discharge_date, "discharge_date",
                   "The discharge date cannot be before the admission date."),
          [](const E& e, const State&, std::vector<FieldError>& errors) {
            if (e.acute && e.admission_type == "elective")
              errors.push_back({"admission_type", "An elective admission cannot also be marked acute."});
          },
      }};
  return schema;
}

const Schema<Referral>& Referral::schema() {
  using R = Referral;
  static const Schema<R> schema{
      {
          field::reference("patient", "patient", &R::patient, true),
          field::reference("to_practitioner", "practitioner referred to", &R::to_practitioner),
          field::reference("to_organization", "organization referred to", &R::to_organization),
          field::text("reason", "reason", &R::reason, true, 500),
          field::choice("status", "status", &R::status,
                        {"draft", "sent", "scheduled", "completed", "cancelled", "declined"}),
          field::date("sent_date", "date sent", &R::sent_date),
          field::choice("urgency", "urgency", &R::urgency, {"routine", "urgent"}),
      },
      {}};
  return schema;
}

}  // namespace core
