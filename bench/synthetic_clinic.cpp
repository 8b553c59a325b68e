#include "synthetic_clinic.hpp"

#include <string>
#include <vector>

namespace synthetic {
namespace {

const char* const kGiven[] = {"Ada", "Ben", "Carmen", "Dmitri", "Elena", "Farah", "George", "Hana", "Ivan", "Julia",
                              "Kwame", "Lucia", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomoko"};
const char* const kFamily[] = {"Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
                               "Jones", "Kowalski", "Lopez", "Moreau", "Nguyen", "Okafor", "Patel", "Quispe",
                               "Rossi", "Silva", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhou"};
const char* const kHolidays[] = {"2026-11-26", "2026-12-25", "2027-01-01", "2027-01-18", "2027-05-31", "2027-07-05",
                                 "2027-09-06", "2027-11-25", "2027-12-24"};

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

 private:
  std::uint32_t state_;
};

struct Builder {
  core::State& state;
  int sequence = 0;
  std::string add(core::EntityType type, nlohmann::json fields, std::string id = "") {
    if (id.empty()) id = std::string(core::entity_name(type)) + "-gen-" + std::to_string(++sequence);
    core::Change c;
    c.entity = type;
    c.entity_id = id;
    c.fields = std::move(fields);
    core::apply(state, c);
    return id;
  }
};

std::string day_text(core::CivilDate today, int offset) {
  return core::format_civil_date(core::CivilDate{date::sys_days{today} + date::days{offset}});
}

std::string patient_id(int i) { return "patient-gen-" + std::to_string(i); }

}  // namespace

std::string coordinator_name(int k) { return "coordinator-" + std::to_string(k + 1); }
std::string practitioner_id(int k) { return "practitioner-gen-" + std::to_string(k); }

Clinic generate_clinic(const ClinicSize& size) {
  Clinic clinic;
  Random random(size.seed);
  Builder b{clinic.state};
  using core::EntityType;
  const int n = size.patients;
  clinic.practitioners = std::max(4, n / 250);
  clinic.coordinators = std::max(1, n / 1250);

  b.add(EntityType::ClinicSettings, {{"time_zone", "America/Chicago"}});
  for (const char* day : kHolidays) b.add(EntityType::ClinicHoliday, {{"date", day}, {"name", "Clinic holiday"}});
  for (int k = 0; k < clinic.practitioners; ++k) {
    b.add(EntityType::Practitioner, {{"name", std::string("Dr. ") + kGiven[k % 20] + " " + kFamily[(k * 7) % 26]},
                                     {"role", "physician"}},
          practitioner_id(k));
    for (const char* weekday : {"monday", "tuesday", "wednesday", "thursday", "friday"})
      for (auto [from, to] : {std::pair{"08:00", "12:00"}, std::pair{"13:00", "17:00"}})
        b.add(EntityType::WorkingHours, {{"practitioner", practitioner_id(k)}, {"weekday", weekday}, {"start", from},
                                         {"end", to}, {"location", "Room " + std::to_string(k + 1)}});
  }

  for (int i = 0; i < n; ++i) {
    const std::string pid = patient_id(i);
    b.add(EntityType::Patient,
          {{"given_name", kGiven[random.below(20)]}, {"family_name", kFamily[random.below(26)]},
           {"birth_date", std::to_string(1930 + random.below(75)) + "-0" + std::to_string(1 + random.below(9)) + "-1" +
                              std::to_string(random.below(9))},
           {"mrn", "G" + std::to_string(100000 + i)}, {"phones", {"555 01" + std::to_string(10 + i % 90) + " 0000"}},
           {"coordinator", coordinator_name(i % clinic.coordinators)}},
          pid);
    for (int t = random.below(3); t > 0; --t) {
      const int kind = random.below(10);
      b.add(EntityType::Task, {{"patient", pid},
                               {"title", "Check in about medication refills"},
                               {"kind", kind < 7 ? "general" : kind < 9 ? "follow_up" : "outreach"},
                               {"owner", coordinator_name(i % clinic.coordinators)},
                               {"due_date", day_text(size.today, random.below(60) - 30)},
                               {"status", random.chance(40) ? "open" : "done"}});
    }
    for (int c = random.below(4); c > 0; --c)
      b.add(EntityType::Note, {{"patient", pid},
                               {"kind", "call"},
                               {"direction", "outbound"},
                               {"outcome", random.chance(70) ? "reached" : "no_answer"},
                               {"at", day_text(size.today, -random.below(120)) + "T10:00"},
                               {"text", "Called about the care plan."}});
    if (random.chance(20))
      b.add(EntityType::Referral, {{"patient", pid},
                                   {"to_practitioner", practitioner_id(random.below(clinic.practitioners))},
                                   {"reason", "Cardiology opinion"},
                                   {"status", "sent"},
                                   {"sent_date", day_text(size.today, -random.below(60))}});
    if (random.chance(50))
      b.add(EntityType::CarePlan, {{"patient", pid},
                                   {"title", "Chronic care plan"},
                                   {"status", "active"},
                                   {"next_review_date", day_text(size.today, random.below(120) - 30)}});
  }

  // A year of appointments: each practitioner's half-hour slots, about 60 % of them taken.
  for (int offset = -182; offset < 183; ++offset) {
    const core::CivilDate day{date::sys_days{size.today} + date::days{offset}};
    const date::weekday wd{date::sys_days{day}};
    if (wd == date::Saturday || wd == date::Sunday) continue;
    const std::string day_str = core::format_civil_date(day);
    for (int k = 0; k < clinic.practitioners; ++k) {
      for (int slot = 0; slot < 16; ++slot) {
        if (!random.chance(60)) continue;
        const int minute = 8 * 60 + slot * 30 + (slot >= 8 ? 60 : 0);
        const std::string status = offset < 0 ? (random.chance(85) ? "completed" : random.chance(50) ? "no_show" : "cancelled")
                                              : (random.chance(60) ? "booked" : random.chance(85) ? "confirmed" : "cancelled");
        b.add(EntityType::Appointment,
              {{"patient", patient_id(random.below(n))},
               {"practitioner", practitioner_id(k)},
               {"location", "Room " + std::to_string(k + 1)},
               {"type", "office_visit"},
               {"status", status},
               {"start", day_str + "T" + core::format_clock_time(minute)},
               {"end", day_str + "T" + core::format_clock_time(minute + 30)},
               {"time_zone", "America/Chicago"}});
        ++clinic.appointments;
      }
    }
  }
  return clinic;
}

}  // namespace synthetic
