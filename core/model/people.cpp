#include "people.hpp"

#include "core/model/patient.hpp"
#include "core/state.hpp"

namespace core {

// NPI check digit: Luhn over the first nine digits prefixed with 80840 (CMS, "Requirements for
// National Provider Identifier (NPI) and NPI Enumeration", check digit algorithm).
Checked check_npi(const json& v, const std::string& label) {
  Checked c = check_text(v, label, 10);
  if (!c.problem.empty()) return c;
  const std::string& npi = c.value.get_ref<const std::string&>();
  if (npi.size() != 10 || npi.find_first_not_of("0123456789") != std::string::npos)
    return {nullptr, "An NPI is exactly 10 digits."};
  int sum = 24;  // the constant 80840 prefix contributes 24
  for (int i = 8; i >= 0; --i) {
    int d = npi[static_cast<std::size_t>(i)] - '0';
    if ((8 - i) % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  int check = (10 - sum % 10) % 10;
  if (check != npi[9] - '0') return {nullptr, "NPI " + npi + " has a wrong check digit; check for a typing error."};
  return c;
}

const Schema<RelatedPerson>& RelatedPerson::schema() {
  using R = RelatedPerson;
  static const Schema<R> schema{
      {
          field::reference("patient", "patient", &R::patient, true),
          field::text("name", "name", &R::name, true, 200),
          field::choice("relationship", "relationship", &R::relationship,
                 {"spouse", "partner", "parent", "child", "sibling", "friend", "other_relative", "other"}, true),
          field::text_list("phones", "phone numbers", &R::phones, [](const json& v) { return check_phone(v, "phone number"); }),
          field::email("email", "email address", &R::email),
          field::text("address_line", "address", &R::address_line),
          field::flag("emergency_contact", "emergency contact", &R::emergency_contact),
          field::flag("caregiver", "caregiver", &R::caregiver),
          field::flag("legal_representative", "legal representative", &R::legal_representative),
          field::flag("may_share_information", "consent to share information", &R::may_share_information),
          field::date("consent_date", "consent date", &R::consent_date, false, false),
          field::long_text("notes", "notes", &R::notes),
      },
      {
          [](const R& r, const State&, std::vector<FieldError>& errors) {
            if (r.consent_date && !r.may_share_information)
              errors.push_back({"may_share_information",
                                "A consent date is recorded, so tick that the patient consented to share information."});
          },
      }};
  return schema;
}

const Schema<Practitioner>& Practitioner::schema() {
  using P = Practitioner;
  static const Schema<P> schema{
      {
          field::text("name", "name", &P::name, true, 200),
          field::text("credentials", "credentials", &P::credentials, false, 60),
          field::choice("role", "role", &P::role,
                 {"physician", "nurse", "specialist", "pharmacist", "social_worker", "therapist", "home_health", "other"}),
          field::text("specialty", "specialty", &P::specialty, false, 100),
          field::member_field<P>("npi", "NPI", false, &P::npi, [](const json& v) { return check_npi(v, "NPI"); }),
          field::reference("organization", "organization", &P::organization),
          field::text_list("phones", "phone numbers", &P::phones, [](const json& v) { return check_phone(v, "phone number"); }),
          field::phone("fax", "fax number", &P::fax),
          field::email("email", "email address", &P::email),
      },
      {
          [](const P& p, const State& state, std::vector<FieldError>& errors) {
            if (p.npi.empty()) return;
            for (const auto& [id, other] : state.table<Practitioner>())
              if (!other.deleted && other.id != p.id && other.npi == p.npi)
                errors.push_back({"npi", "NPI " + p.npi + " already belongs to " + other.name + "."});
          },
      }};
  return schema;
}

const Schema<Organization>& Organization::schema() {
  using O = Organization;
  static const Schema<O> schema{
      {
          field::text("name", "name", &O::name, true, 200),
          field::choice("kind", "kind", &O::kind,
                 {"clinic", "hospital", "pharmacy", "home_health", "specialist_practice", "payer", "community_service",
                  "lab", "other"}),
          field::phone("phone", "phone number", &O::phone),
          field::phone("fax", "fax number", &O::fax),
          field::email("email", "email address", &O::email),
          field::text("address_line", "street address", &O::address_line),
          field::text("city", "city", &O::city, false, 100),
          field::text("region", "state or region", &O::region, false, 100),
          field::text("postal_code", "postal code", &O::postal_code, false, 20),
      },
      {}};
  return schema;
}

const Schema<CareTeamMember>& CareTeamMember::schema() {
  using M = CareTeamMember;
  static const Schema<M> schema{
      {
          field::reference("patient", "patient", &M::patient, true),
          field::reference("practitioner", "practitioner", &M::practitioner),
          field::reference("organization", "organization", &M::organization),
          field::text("role", "role", &M::role, true, 100),
          field::flag("lead", "care team lead", &M::lead),
          field::date("start_date", "start date", &M::start_date),
          field::date("end_date", "end date", &M::end_date),
      },
      {
          [](const M& m, const State&, std::vector<FieldError>& errors) {
            if (m.practitioner.empty() && m.organization.empty())
              errors.push_back({"practitioner", "Choose a practitioner or an organization for this care team role."});
          },
          in_order(&M::start_date, &M::end_date, "end_date", "The end date cannot be before the start date."),
          [](const M& m, const State& state, std::vector<FieldError>& errors) {
            if (!m.lead || m.end_date) return;
            for (const auto& [id, other] : state.table<CareTeamMember>())
              if (!other.deleted && other.id != m.id && other.patient == m.patient && other.lead && !other.end_date)
                errors.push_back({"lead", "This patient's care team already has a lead (" + other.role +
                                              "); remove that first."});
          },
      }};
  return schema;
}

}  // namespace core
