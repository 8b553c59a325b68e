// The synthetic clinic generator (see the header): a fixed-sequence random generator, tables of
// plausible clinical values, and one function per part of a patient's history.
#include "synthetic_clinic.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/record_id.hpp"

namespace synthetic {
namespace {

using core::EntityType;
using nlohmann::json;

const char* const kGiven[] = {"Ada", "Ben", "Carmen", "Dmitri", "Elena", "Farah", "George", "Hana", "Ivan", "Julia",
                              "Kwame", "Lucia", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomoko",
                              "Amara", "Bruno", "Chloe", "Diego", "Esther", "Felix", "Grace", "Hugo", "Ines", "Jonas",
                              "Keiko", "Liam", "Maya", "Nikolai", "Olivia", "Pedro", "Rahul", "Sofia", "Tariq", "Vera"};
const char* const kFamily[] = {"Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
                               "Jones", "Kowalski", "Lopez", "Moreau", "Nguyen", "Okafor", "Patel", "Quispe",
                               "Rossi", "Silva", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhou",
                               "Andersen", "Brennan", "Castillo", "Dubois", "Eriksson", "Fernandes", "Gupta",
                               "Hoffmann", "Ibrahim", "Jensen", "Kim", "Larsen", "Mendoza", "Novak", "O'Brien",
                               "Petrov", "Reyes", "Schmidt", "Torres", "Walsh", "Young", "Zimmerman"};
const char* const kHolidays[] = {"2026-11-26", "2026-12-25", "2027-01-01", "2027-01-18", "2027-05-31", "2027-07-05",
                                 "2027-09-06", "2027-11-25", "2027-12-24"};

struct ConditionKind {
  const char* name;
  const char* icd10;
  bool chronic;
};
// Common primary-care problems (ICD-10-CM 2024 codes); chronic ones stay active.
const ConditionKind kConditions[] = {
    {"Essential hypertension", "I10", true},          {"Type 2 diabetes mellitus", "E11.9", true},
    {"Hyperlipidemia", "E78.5", true},                {"Chronic obstructive pulmonary disease", "J44.9", true},
    {"Heart failure", "I50.9", true},                 {"Chronic kidney disease, stage 3", "N18.30", true},
    {"Major depressive disorder", "F32.9", true},     {"Asthma", "J45.909", true},
    {"Osteoarthritis of knee", "M17.9", true},        {"Obesity", "E66.9", true},
    {"Acute upper respiratory infection", "J06.9", false}, {"Acute pharyngitis", "J02.9", false},
    {"Sprain of ankle", "S93.409A", false},           {"Acute bronchitis", "J20.9", false},
    {"Urinary tract infection", "N39.0", false},      {"Viral sinusitis", "J01.90", false}};

struct MedicationKind {
  const char* name;
  const char* dose;
  const char* frequency;
  const char* route;
};
const MedicationKind kMedications[] = {
    {"Lisinopril", "10 mg", "once daily", "oral"},       {"Metformin", "500 mg", "twice daily", "oral"},
    {"Atorvastatin", "20 mg", "once daily", "oral"},     {"Amlodipine", "5 mg", "once daily", "oral"},
    {"Furosemide", "40 mg", "once daily", "oral"},       {"Albuterol", "90 mcg", "as needed", "inhaled"},
    {"Sertraline", "50 mg", "once daily", "oral"},       {"Insulin glargine", "20 units", "at bedtime", "subcutaneous"},
    {"Metoprolol succinate", "50 mg", "once daily", "oral"}, {"Tiotropium", "18 mcg", "once daily", "inhaled"},
    {"Acetaminophen", "500 mg", "every 6 hours as needed", "oral"}, {"Amoxicillin", "500 mg", "three times daily", "oral"},
    {"Omeprazole", "20 mg", "once daily", "oral"},       {"Levothyroxine", "75 mcg", "once daily", "oral"}};

const char* const kAllergens[] = {"Penicillin", "Peanuts", "Sulfonamides", "Latex", "Shellfish", "Aspirin",
                                  "House dust mite", "Codeine", "Tree pollen", "Eggs"};
const char* const kReactions[] = {"Hives", "Rash", "Wheezing", "Nausea", "Swelling of the lips", "Anaphylaxis"};
const char* const kProcedures[] = {"Medication reconciliation", "Depression screening", "Influenza vaccination",
                                   "Electrocardiogram", "Spirometry", "Colonoscopy", "Diabetic foot examination",
                                   "Retinal screening", "Hemoglobin A1c test", "Lipid panel"};
const char* const kFamilyConditions[] = {"Heart attack", "Type 2 diabetes", "Breast cancer", "Stroke",
                                         "Colon cancer", "Hypertension", "Alzheimer's disease"};
const char* const kRelatives[] = {"mother", "father", "sibling", "grandparent", "aunt_uncle"};
const char* const kServices[] = {"Home health nursing visits", "Cardiac rehabilitation", "MRI of the knee",
                                 "Continuous glucose monitor", "Physical therapy"};
const char* const kServiceCodes[] = {"G0299", "93798", "73721", "E2103", "97110"};
const char* const kPayerPlans[] = {"Medicare Part B", "Blue Choice PPO", "Medicaid Managed Care", "Aetna HMO"};

// A small generator whose sequence is the same on every platform (std:: distributions are not).
class Random {
 public:
  explicit Random(std::uint32_t seed) : state_(seed * 2654435761u + 1) {}
  std::uint32_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return state_;
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) { return items[below(static_cast<int>(N))]; }

 private:
  std::uint32_t state_;
};

struct Builder {
  core::State& state;
  long long records = 0;
  std::string add(EntityType type, json fields, std::string id) {
    core::Change c;
    c.entity = type;
    c.entity_id = std::move(id);
    c.fields = std::move(fields);
    core::apply(state, c);
    ++records;
    return std::move(c.entity_id);
  }
};

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string day_text(core::CivilDate today, int offset) {
  return core::format_civil_date(core::CivilDate{date::sys_days{today} + date::days{offset}});
}

// Ids in the form Liaison gives records (core/record_id.hpp), as if each kind of record had been
// entered on a device of its own that numbers them from 1.
enum class Maker : std::uint64_t {
  Settings, Holidays, Payers, CommunityServices, Practitioners, WorkingHours, Patients, Histories, Schedule
};

std::string generated_id(Maker maker, std::uint64_t number) {
  // A fixed device number per maker, its top bit set: in base 36 it then has 13 characters, as
  // most random device numbers do.
  char device[24];
  std::snprintf(device, sizeof device, "d%016llx",
                static_cast<unsigned long long>(0x8f3c5a9e1d27b640ULL + static_cast<std::uint64_t>(maker)));
  return core::record_id(core::DeviceId{device}, number);
}

std::string payer_id(int k) { return generated_id(Maker::Payers, k + 1); }
std::string community_service_id(int k) { return generated_id(Maker::CommunityServices, k + 1); }

// One patient's history: everything but appointments, which are made for the whole clinic, day by day.
struct PatientHistory {
  Builder& b;
  Random& random;
  const ClinicSize& size;
  const Clinic& clinic;
  int index;
  std::string pid;
  int records = 0;

  // Spread over the id range, as in a store made over years: Liaison numbers records in the order
  // they are made, across all patients, so a patient's records are seldom neighbours in id order
  // (the order tables are read in). Here the patients take turns: every patient's first record,
  // then every patient's second, and so on.
  std::string id() {
    const auto turn = static_cast<std::uint64_t>(records++);
    return generated_id(Maker::Histories, turn * static_cast<std::uint64_t>(size.patients) + index + 1);
  }
  std::string past(int max_days_ago) { return day_text(size.today, -random.below(max_days_ago)); }
  std::string practitioner() { return practitioner_id(random.below(clinic.practitioners)); }
  std::string coordinator() const { return coordinator_name(index % clinic.coordinators); }

  void make() {
    demographics();
    for (int c = 1 + random.below(8); c > 0; --c) condition();
    for (int m = 1 + random.below(10); m > 0; --m) medication();
    for (int a = random.chance(60) ? 1 + random.below(3) : 0; a > 0; --a) allergy();
    for (int f = random.below(4); f > 0; --f)
      b.add(EntityType::FamilyHistory,
            {{"patient", pid}, {"relative", random.pick(kRelatives)}, {"condition", random.pick(kFamilyConditions)},
             {"age_at_onset", 40 + random.below(40)}, {"deceased", random.chance(30)}},
            id());
    social_factors();
    const std::string lead = care_team();
    care_plans(lead);
    encounters();
    measurements();
    for (int p = 2 + random.below(10); p > 0; --p)
      b.add(EntityType::Procedure,
            {{"patient", pid}, {"name", random.pick(kProcedures)}, {"date", past(3650)}, {"performer", practitioner()},
             {"outcome", "Completed without complications"}},
            id());
    notes();
    coverage_and_authorizations();
    if (random.chance(30))
      b.add(EntityType::Referral,
            {{"patient", pid},
             {"to_practitioner", practitioner()},
             {"reason", random.chance(50) ? "Cardiology opinion" : "Endocrinology review"},
             {"status", random.chance(50) ? "sent" : "completed"},
             {"sent_date", past(90)},
             {"urgency", random.chance(20) ? "urgent" : "routine"}},
            id());
  }

  void demographics() {
    const int area = 200 + index / 10000;
    const std::string number = std::to_string(10000 + index % 10000).substr(1);
    // One draw per statement: the order operands of + are evaluated in differs between compilers.
    const int year = 1930 + random.below(75);
    const int month = 1 + random.below(12);
    const int day = 1 + random.below(28);
    json fields{{"given_name", random.pick(kGiven)},
                {"family_name", random.pick(kFamily)},
                {"birth_date", std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day)},
                {"sex", random.chance(52) ? "female" : "male"},
                {"mrn", patient_mrn(index)},
                {"phones", {std::to_string(area) + " 555 " + number}},
                {"city", "Springfield"},
                {"language", random.chance(85) ? "English" : "Spanish"},
                {"contact_time", random.chance(50) ? "morning" : "afternoon"},
                {"contact_channel", "phone"},
                {"primary_care_provider", practitioner_id(index % clinic.practitioners)},
                {"coordinator", coordinator()}};
    if (random.chance(40)) fields["ccm_consent_date"] = past(700);
    b.add(EntityType::Patient, std::move(fields), pid);
  }

  void condition() {
    const ConditionKind& kind = random.pick(kConditions);
    json fields{{"patient", pid}, {"name", kind.name}, {"icd10", kind.icd10}};
    const int onset = 30 + random.below(3600);
    fields["onset_date"] = day_text(size.today, -onset);
    if (kind.chronic) {
      fields["status"] = "active";
    } else {
      fields["status"] = "resolved";
      fields["resolution_date"] = day_text(size.today, -onset + 7 + random.below(21));
    }
    b.add(EntityType::Condition, std::move(fields), id());
  }

  void medication() {
    const MedicationKind& kind = random.pick(kMedications);
    const int started = 10 + random.below(3600);
    json fields{{"patient", pid},         {"name", kind.name},
                {"dose", kind.dose},      {"frequency", kind.frequency},
                {"route", kind.route},    {"prescriber", practitioner()},
                {"start_date", day_text(size.today, -started)}};
    if (random.chance(35)) {
      fields["status"] = "stopped";
      fields["stop_date"] = day_text(size.today, -started + random.below(started));
    } else {
      fields["status"] = "active";
    }
    b.add(EntityType::Medication, std::move(fields), id());
  }

  void allergy() {
    b.add(EntityType::Allergy,
          {{"patient", pid},
           {"substance", random.pick(kAllergens)},
           {"reaction", random.pick(kReactions)},
           {"severity", random.chance(70) ? "mild" : random.chance(70) ? "moderate" : "severe"},
           {"verification", random.chance(80) ? "confirmed" : "unconfirmed"},
           {"kind", random.chance(85) ? "allergy" : "intolerance"},
           {"recorded_date", past(3650)}},
          id());
  }

  void social_factors() {
    b.add(EntityType::SocialFactor,
          {{"patient", pid}, {"category", "tobacco"},
           {"value", random.chance(60) ? "Never smoker" : random.chance(60) ? "Former smoker" : "Current smoker"},
           {"risk", "low"}, {"recorded_date", past(1000)}},
          id());
    if (random.chance(25))
      b.add(EntityType::SocialFactor,
            {{"patient", pid}, {"category", random.chance(50) ? "transport" : "food_security"},
             {"value", "Reports difficulty getting to appointments or buying food"}, {"risk", "moderate"},
             {"recorded_date", past(400)}},
            id());
  }

  // The primary care provider leads the team; returns that member's id.
  std::string care_team() {
    const std::string lead = id();
    b.add(EntityType::CareTeamMember,
          {{"patient", pid}, {"practitioner", practitioner_id(index % clinic.practitioners)},
           {"role", "Primary care provider"}, {"lead", true}, {"start_date", past(3650)}},
          lead);
    if (random.chance(50))
      b.add(EntityType::CareTeamMember,
            {{"patient", pid}, {"practitioner", practitioner()}, {"role", "Specialist"}, {"start_date", past(1500)}},
            id());
    if (random.chance(20))
      b.add(EntityType::CareTeamMember,
            {{"patient", pid}, {"organization", community_service_id(random.below(3))},
             {"role", "Community health worker"}, {"start_date", past(700)}},
            id());
    return lead;
  }

  void care_plans(const std::string& lead) {
    for (int c = random.chance(70) ? 1 + random.below(2) : 0; c > 0; --c) {
      const std::string plan = id();
      b.add(EntityType::CarePlan,
            {{"patient", pid},
             {"title", random.chance(50) ? "Chronic care plan" : "Diabetes self-management plan"},
             {"problems", {"Blood pressure control", "Medication adherence"}},
             {"status", random.chance(85) ? "active" : "completed"},
             {"start_date", past(1500)},
             {"next_review_date", day_text(size.today, random.below(150) - 30)},
             {"expected_outcomes", "Fewer emergency visits; blood pressure under 140/90."}},
            plan);
      std::string goal;
      for (int g = 1 + random.below(2); g > 0; --g) {
        goal = id();
        b.add(EntityType::Goal,
              {{"patient", pid}, {"care_plan", plan}, {"description", "Keep HbA1c under 7 %"}, {"measure", "HbA1c"},
               {"target", "< 7.0 %"}, {"due_date", day_text(size.today, random.below(240) - 60)},
               {"status", random.chance(75) ? "active" : "achieved"}},
              goal);
      }
      for (int k = 1 + random.below(3); k > 0; --k)
        b.add(EntityType::Intervention,
              {{"patient", pid}, {"care_plan", plan}, {"description", "Weekly call to review home readings"},
               {"responsible", lead}, {"status", random.chance(60) ? "in_progress" : "planned"},
               {"due_date", day_text(size.today, random.below(120) - 20)}},
              id());
      for (int t = random.below(3); t > 0; --t) {
        const int kind = random.below(10);
        b.add(EntityType::Task,
              {{"patient", pid},
               {"goal", goal},
               {"title", "Check in about medication refills"},
               {"kind", kind < 7 ? "general" : kind < 9 ? "follow_up" : "outreach"},
               {"owner", coordinator()},
               {"due_date", day_text(size.today, random.below(60) - 30)},
               {"priority", random.chance(80) ? "normal" : "high"},
               {"status", random.chance(40) ? "open" : "done"}},
              id());
      }
    }
  }

  // Office visits over ten years, and now and then a hospital stay (a few of them recent).
  void encounters() {
    for (int e = 4 + random.below(12); e > 0; --e)
      b.add(EntityType::Encounter,
            {{"patient", pid}, {"kind", "outpatient"}, {"facility", "Springfield Family Clinic"},
             {"admission_date", past(3650)}},
            id());
    const int stays = random.chance(25) ? 1 + random.below(2) : 0;
    for (int s = 0; s < stays; ++s) {
      const bool recent = random.chance(8);
      const int admitted = recent ? 3 + random.below(40) : 60 + random.below(3590);
      const bool emergency = random.chance(70);
      b.add(EntityType::Encounter,
            {{"patient", pid},
             {"kind", "inpatient"},
             {"facility", random.chance(50) ? "Springfield General Hospital" : "St. Mary's Medical Center"},
             {"admission_date", day_text(size.today, -admitted)},
             {"discharge_date", day_text(size.today, -admitted + 1 + random.below(std::min(admitted - 1, 9)))},
             {"acute", emergency},
             {"admission_type", emergency ? "emergency" : "elective"},
             {"discharge_disposition", random.chance(70) ? "home" : "home_with_services"},
             {"discharge_service", random.chance(60) ? "medicine" : "cardiology"},
             {"discharge_medications", {"Lisinopril 10 mg once daily", "Furosemide 40 mg once daily"}}},
            id());
    }
  }

  void measurements() {
    for (int v = 5 + random.below(8); v > 0; --v) {
      const std::string day = past(3650);
      const int hour = 8 + random.below(9);
      const std::string at = day + "T" + two_digits(hour) + ":" + two_digits(random.below(60));
      b.add(EntityType::Measurement,
            {{"patient", pid}, {"type", "blood pressure systolic"}, {"value", 105 + random.below(60)},
             {"unit", "mmHg"}, {"taken_at", at}},
            id());
      b.add(EntityType::Measurement,
            {{"patient", pid}, {"type", "blood pressure diastolic"}, {"value", 60 + random.below(35)},
             {"unit", "mmHg"}, {"taken_at", at}},
            id());
      const int kilograms = 50 + random.below(70);
      b.add(EntityType::Measurement,
            {{"patient", pid}, {"type", "weight"}, {"value", kilograms + random.below(10) / 10.0},
             {"unit", "kg"}, {"taken_at", at}},
            id());
      if (random.chance(40))
        b.add(EntityType::Measurement,
              {{"patient", pid}, {"type", "HbA1c"}, {"value", 5 + random.below(50) / 10.0}, {"unit", "%"},
               {"taken_at", at}},
              id());
    }
  }

  void notes() {
    for (int c = random.below(6); c > 0; --c)
      b.add(EntityType::Note,
            {{"patient", pid},
             {"kind", "call"},
             {"direction", "outbound"},
             {"outcome", random.chance(70) ? "reached" : "no_answer"},
             {"at", past(120) + "T10:00"},
             {"text", "Called about the care plan; the patient takes the medicines as prescribed."}},
            id());
    for (int v = random.below(3); v > 0; --v)
      b.add(EntityType::Note,
            {{"patient", pid},
             {"kind", "visit"},
             {"at", past(3650) + "T14:30"},
             {"text", "Seen in clinic. Blood pressure reviewed, medicines unchanged, follow up in three months."}},
            id());
  }

  void coverage_and_authorizations() {
    const int plan = random.below(4);
    const std::string coverage = id();
    b.add(EntityType::Coverage,
          {{"patient", pid},
           {"payer", payer_id(plan)},
           {"plan_name", kPayerPlans[plan]},
           {"member_id", "M" + std::to_string(700000000 + index)},
           {"relationship_to_subscriber", "self"},
           {"start_date", past(3000)},
           {"priority", "primary"},
           {"status", "active"}},
          coverage);
    if (random.chance(20))
      b.add(EntityType::Coverage,
            {{"patient", pid}, {"payer", payer_id((plan + 1) % 4)}, {"plan_name", "Medigap Plan G"},
             {"member_id", "S" + std::to_string(800000000 + index)}, {"relationship_to_subscriber", "self"},
             {"priority", "secondary"}, {"status", "active"}},
            id());
    if (random.chance(25)) {
      const int service = random.below(5);
      const int submitted = 5 + random.below(60);
      json fields{{"patient", pid},
                  {"coverage", coverage},
                  {"service", kServices[service]},
                  {"service_code", kServiceCodes[service]},
                  {"submitted_date", day_text(size.today, -submitted)}};
      if (random.chance(60)) {
        fields["status"] = "approved";
        fields["decision_date"] = day_text(size.today, -submitted + random.below(submitted));
        fields["reference_number"] = "PA-" + std::to_string(100000 + index);
        fields["valid_from"] = day_text(size.today, -submitted);
        fields["valid_to"] = day_text(size.today, -submitted + 90 + random.below(90));
        fields["units_approved"] = 12;
        fields["units_used"] = random.below(12);
      } else {
        fields["status"] = "pending";
      }
      b.add(EntityType::PriorAuthorization, std::move(fields), id());
    }
  }
};

void clinic_wide_records(Builder& b, Clinic& clinic) {
  b.add(EntityType::ClinicSettings, {{"time_zone", "America/Chicago"}}, generated_id(Maker::Settings, 1));
  int holiday = 0;
  for (const char* day : kHolidays)
    b.add(EntityType::ClinicHoliday, {{"date", day}, {"name", "Clinic holiday"}},
          generated_id(Maker::Holidays, ++holiday));
  for (int k = 0; k < 4; ++k)
    b.add(EntityType::Organization, {{"name", kPayerPlans[k]}, {"kind", "payer"}, {"phone", "800 555 010" + std::to_string(k)}},
          payer_id(k));
  for (int k = 0; k < 3; ++k)
    b.add(EntityType::Organization, {{"name", "Springfield Community Services " + std::to_string(k + 1)}, {"kind", "community_service"}},
          community_service_id(k));
  int hours = 0;
  for (int k = 0; k < clinic.practitioners; ++k) {
    b.add(EntityType::Practitioner,
          {{"name", std::string("Dr. ") + kGiven[k % 40] + " " + kFamily[(k * 7) % 48]}, {"role", "physician"}},
          practitioner_id(k));
    for (const char* weekday : {"monday", "tuesday", "wednesday", "thursday", "friday"})
      for (auto [from, to] : {std::pair{"08:00", "12:00"}, std::pair{"13:00", "17:00"}})
        b.add(EntityType::WorkingHours,
              {{"practitioner", practitioner_id(k)}, {"weekday", weekday}, {"start", from}, {"end", to},
               {"location", "Room " + std::to_string(k + 1)}},
              generated_id(Maker::WorkingHours, ++hours));
  }
}

// A year of appointments: each practitioner's half-hour slots, about 60 % of them taken, never
// two at once for one patient.
void appointments(Builder& b, Random& random, const ClinicSize& size, Clinic& clinic) {
  std::vector<int> booked_now;  // the patients booked in the slot being filled
  for (int offset = -182; offset < 183; ++offset) {
    const core::CivilDate day{date::sys_days{size.today} + date::days{offset}};
    const date::weekday wd{date::sys_days{day}};
    if (wd == date::Saturday || wd == date::Sunday) continue;
    const std::string day_str = core::format_civil_date(day);
    for (int slot = 0; slot < 16; ++slot) {
      booked_now.clear();
      const int minute = 8 * 60 + slot * 30 + (slot >= 8 ? 60 : 0);
      for (int k = 0; k < clinic.practitioners; ++k) {
        if (!random.chance(60)) continue;
        if (static_cast<int>(booked_now.size()) >= size.patients) break;  // a tiny clinic is full
        int patient = random.below(size.patients);
        while (std::find(booked_now.begin(), booked_now.end(), patient) != booked_now.end())
          patient = random.below(size.patients);
        booked_now.push_back(patient);
        const std::string status =
            offset < 0 ? (random.chance(85) ? "completed" : random.chance(50) ? "no_show" : "cancelled")
                       : (random.chance(60) ? "booked" : random.chance(85) ? "confirmed" : "cancelled");
        b.add(EntityType::Appointment,
              {{"patient", patient_id(patient)},
               {"practitioner", practitioner_id(k)},
               {"location", "Room " + std::to_string(k + 1)},
               {"type", random.chance(85) ? "office_visit" : "follow_up"},
               {"status", status},
               {"start", day_str + "T" + core::format_clock_time(minute)},
               {"end", day_str + "T" + core::format_clock_time(minute + 30)},
               {"time_zone", "America/Chicago"}},
              generated_id(Maker::Schedule, ++clinic.appointments));
      }
    }
  }
}

}  // namespace

std::string coordinator_name(int k) { return "coordinator-" + std::to_string(k + 1); }
std::string practitioner_id(int k) { return generated_id(Maker::Practitioners, k + 1); }
std::string patient_id(int i) { return generated_id(Maker::Patients, i + 1); }
std::string patient_mrn(int i) { return "G" + std::to_string(100000 + i); }

Clinic generate_clinic(const ClinicSize& size, const Progress& progress) {
  Clinic clinic;
  Random random(size.seed);
  Builder b{clinic.state};
  clinic.practitioners = std::max(4, size.patients / 250);
  clinic.coordinators = std::max(1, size.patients / 1250);
  clinic_wide_records(b, clinic);
  for (int i = 0; i < size.patients; ++i) {
    PatientHistory{b, random, size, clinic, i, patient_id(i)}.make();
    if (progress && ((i + 1) % 5000 == 0 || i + 1 == size.patients)) progress(i + 1);
  }
  appointments(b, random, size, clinic);
  clinic.records = b.records;
  return clinic;
}

}  // namespace synthetic
