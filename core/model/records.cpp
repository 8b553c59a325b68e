// The schemas of measurements, notes and education records.
#include "records.hpp"

#include "core/model/patient.hpp"
#include "core/model/people.hpp"
#include "core/state.hpp"

namespace core {

const Schema<Measurement>& Measurement::schema() {
  using M = Measurement;
  static const Schema<M> schema{
      {
          field::reference("patient", "patient", &M::patient, true),
          field::text("type", "measurement", &M::type, true, 100),
          field::number("value", "value", &M::value, -1e9, 1e9),
          field::text("unit", "unit", &M::unit, false, 40),
          field::date_time("taken_at", "time taken", &M::taken_at, true),
          field::text("result", "result", &M::result, false, 200),
      },
      {
          [](const M& m, const State&, std::vector<FieldError>& errors) {
            if (!m.value && m.result.empty()) errors.push_back({"value", "Enter the value."});
          },
      }};
  return schema;
}

const Schema<Note>& Note::schema() {
  using N = Note;
  static const Schema<N> schema{
      {
          field::reference("patient", "patient", &N::patient, true),
          field::choice("kind", "kind", &N::kind, {"call", "visit", "message", "letter", "note"}, true),
          field::text("with_whom", "person contacted", &N::with_whom, false, 200),
          field::choice("direction", "direction", &N::direction, {"inbound", "outbound"}),
          field::choice("outcome", "outcome", &N::outcome,
                        {"reached", "left_message", "no_answer", "wrong_number", "completed", "other"}),
          field::date_time("at", "date and time", &N::at, true),
          field::long_text("text", "note text", &N::text, true),
      },
      {}};
  return schema;
}

const Schema<Education>& Education::schema() {
  using E = Education;
  static const Schema<E> schema{
      {
          field::reference("patient", "patient", &E::patient, true),
          field::text("topic", "topic", &E::topic, true, 200),
          field::text("material", "material", &E::material, false, 200),
          field::text("given_to", "given to", &E::given_to, false, 200),
          field::text("language", "language", &E::language, false, 60),
          field::date("date", "date given", &E::date, false, false),
          field::choice("teach_back", "teach-back result", &E::teach_back,
                        {"understood", "partially_understood", "not_understood", "not_assessed"}),
          field::reference("family_member", "family member taught", &E::family_member),
      },
      {
          [](const E& e, const State& state, std::vector<FieldError>& errors) {
            const RelatedPerson* person = state.find(e.family_member);
            if (person && !e.patient.empty() && person->patient != e.patient)
              errors.push_back({"family_member", person->name + " is not listed among this patient's family and caregivers."});
          },
      }};
  return schema;
}

}  // namespace core
