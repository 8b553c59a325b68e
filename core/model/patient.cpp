#include "patient.hpp"

#include "core/model/people.hpp"
#include "core/state.hpp"

namespace core {

std::string Patient::display_name() const {
  const std::string& first = preferred_name.empty() ? given_name : preferred_name;
  if (first.empty()) return family_name;
  return family_name.empty() ? first : first + " " + family_name;
}

const Schema<Patient>& Patient::schema() {
  using P = Patient;
  static const Schema<P> schema{
      {
          field::text("given_name", "given name", &P::given_name, true, 100),
          field::text("family_name", "family name", &P::family_name, true, 100),
          field::text("preferred_name", "preferred name", &P::preferred_name, false, 100),
          field::date("birth_date", "date of birth", &P::birth_date, true, false),
          field::choice("sex", "sex", &P::sex, {"female", "male", "other", "unknown"}),
          field::text("gender_identity", "gender identity", &P::gender_identity, false, 100),
          field::code("mrn", "MRN", &P::mrn),
          field::text_list("identifiers", "other identifiers", &P::identifiers,
                    [](const json& v) { return check_text(v, "identifier", 100); }),
          field::text_list("phones", "phone numbers", &P::phones, [](const json& v) { return check_phone(v, "phone number"); }),
          field::email("email", "email address", &P::email),
          field::text("address_line", "street address", &P::address_line),
          field::text("city", "city", &P::city, false, 100),
          field::text("region", "state or region", &P::region, false, 100),
          field::text("postal_code", "postal code", &P::postal_code, false, 20),
          field::text("country", "country", &P::country, false, 100),
          field::text("language", "preferred language", &P::language, false, 60),
          field::flag("interpreter_needed", "interpreter needed", &P::interpreter_needed),
          field::choice("contact_time", "best time to call", &P::contact_time, {"morning", "afternoon", "evening", "any"}),
          field::choice("contact_channel", "preferred channel", &P::contact_channel,
                 {"phone", "sms", "email", "mail", "portal", "in_person"}),
          field::reference("primary_care_provider", "primary care provider", &P::primary_care_provider),
          field::choice("status", "status", &P::status, {"active", "inactive", "deceased"}),
          field::date("deceased_date", "date of death", &P::deceased_date, false, false),
          field::text("coordinator", "assigned coordinator", &P::coordinator, false, 100),
          field::date("ccm_consent_date", "chronic care management consent date", &P::ccm_consent_date, false, false),
      },
      {
          in_order(&P::birth_date, &P::deceased_date, "deceased_date",
                   "The date of death cannot be before the date of birth."),
          [](const P& p, const State&, std::vector<FieldError>& errors) {
            if (p.deceased_date && p.status != "deceased")
              errors.push_back({"status", "A patient with a date of death must have the status deceased."});
          },
          [](const P& p, const State&, std::vector<FieldError>& errors) {
            if (p.birth_date && *p.birth_date < CivilDate{date::year{1900}, date::January, date::day{1}})
              errors.push_back({"birth_date", "The date of birth cannot be before 1900-01-01."});
          },
          [](const P& p, const State& state, std::vector<FieldError>& errors) {
            if (p.mrn.empty()) return;
            const Patient* other = state.patient_with_mrn(p.mrn);
            if (other && other->id != p.id)
              errors.push_back({"mrn", "MRN " + p.mrn + " already belongs to " + other->display_name() + "."});
          },
      }};
  return schema;
}

}  // namespace core
