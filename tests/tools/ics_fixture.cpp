// Writes a store whose appointments exercise the iCalendar export, the calendars of its
// practitioner and both patients, and expected.json: what an independent parser should read back
// (tests/ics/check_icalendar.py). The UTC times, summaries and descriptions expected are written
// out by hand below, not computed by the code under test.
//   ics_fixture DIR   ->  DIR/store/  DIR/*.ics  DIR/expected.json
// The appointments: a weekly series across Chicago's change to daylight time on 2027-03-14, one in
// London in summer time (which starts earlier in UTC than a Chicago one later that wall-clock
// morning), cancelled, missed, proposed and deleted ones, one without a practitioner, and text
// with commas, semicolons, backslashes, line breaks, tabs, accents and CJK, long enough to fold.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../core/test_support.hpp"
#include "core/scheduling/icalendar.hpp"
#include "core/session.hpp"

namespace {

using core::EntityType;
using nlohmann::json;

struct Visit {
  std::string patient;        // "zoe" or "wei"
  bool with_practitioner = true;
  std::string type, status, start, end, time_zone, location, reason, notes;
  bool deleted = false;
  // Expected, by hand:
  std::string utc_start, utc_end;
  std::string status_word;                               // RFC 5545 STATUS
  std::string practitioner_summary, patient_summary;     // on each calendar
  std::string description;
};

const std::string kClinic = "Riverside Clinic, Room 2; 3rd floor";
const std::string kBpReason = "Blood pressure review; bring readings, cuff & log";
const std::string kBpNotes = "Readings file: S:\\Care\\Müller\\BP.xlsx\nCall her daughter first, she translates; prefers mornings.";
const std::string kBpDescription =
    "Blood pressure review; bring readings, cuff & log\n\n"
    "Readings file: S:\\Care\\Müller\\BP.xlsx\nCall her daughter first, she translates; prefers mornings.";
const std::string kLondonReason =
    "Second opinion on the cardiac MRI (Dr Ó Briain, Guy's; Dr Lefèvre, Lyon), then the plan: rate control, "
    "anticoagulation — and a written summary in 中文 for the family";
const std::string kLondonNotes =
    "家属陪同：女儿陈静（电话见病历）。需要普通话翻译，请提前预约。\n"
    "Bring the CD of the previous scan, the referral letter and the medication list.\n\tCash only; no cards.";

std::vector<Visit> visits() {
  const std::string zoe_series_p = "Follow-up with Zoë Müller", zoe_series_z = "Follow-up with Dr Amara Osei";
  return {
      // The weekly series: 09:00 Chicago is 15:00Z in standard time (UTC-6), 14:00Z in daylight time (UTC-5).
      {"zoe", true, "follow_up", "booked", "2027-03-02T09:00", "2027-03-02T09:30", "America/Chicago", kClinic,
       kBpReason, kBpNotes, false, "2027-03-02T15:00:00Z", "2027-03-02T15:30:00Z", "CONFIRMED", zoe_series_p,
       zoe_series_z, kBpDescription},
      {"zoe", true, "follow_up", "completed", "2027-03-09T09:00", "2027-03-09T09:30", "America/Chicago", kClinic,
       kBpReason, kBpNotes, false, "2027-03-09T15:00:00Z", "2027-03-09T15:30:00Z", "CONFIRMED", zoe_series_p,
       zoe_series_z, kBpDescription},
      {"zoe", true, "follow_up", "confirmed", "2027-03-16T09:00", "2027-03-16T09:30", "America/Chicago", kClinic,
       kBpReason, kBpNotes, false, "2027-03-16T14:00:00Z", "2027-03-16T14:30:00Z", "CONFIRMED", zoe_series_p,
       zoe_series_z, kBpDescription},
      {"zoe", true, "follow_up", "proposed", "2027-03-23T09:00", "2027-03-23T09:30", "America/Chicago", kClinic,
       kBpReason, kBpNotes, false, "2027-03-23T14:00:00Z", "2027-03-23T14:30:00Z", "TENTATIVE", zoe_series_p,
       zoe_series_z, kBpDescription},
      // Deleted: on no calendar.
      {"zoe", true, "office_visit", "booked", "2027-03-10T10:00", "2027-03-10T10:30", "America/Chicago", kClinic,
       "Deleted visit", "", true, "", "", "", "", "", ""},
      // Cancelled, in standard time: 11:00 CST = 17:00Z.
      {"wei", true, "office_visit", "cancelled", "2027-03-12T11:00", "2027-03-12T11:45", "America/Chicago", kClinic,
       "Chest pain, cancelled by the family", "", false, "2027-03-12T17:00:00Z", "2027-03-12T17:45:00Z", "CANCELLED",
       "Office visit with 伟 陈", "Office visit with Dr Amara Osei", "Chest pain, cancelled by the family"},
      // Missed, in daylight time: 08:15 CDT = 13:15Z; no location.
      {"wei", true, "telehealth", "no_show", "2027-03-19T08:15", "2027-03-19T08:45", "America/Chicago", "", "",
       "Did not join the call.", false, "2027-03-19T13:15:00Z", "2027-03-19T13:45:00Z", "CANCELLED",
       "Telehealth with 伟 陈", "Telehealth with Dr Amara Osei", "Did not join the call."},
      // London in summer time (from 2027-03-28): 09:00 BST = 08:00Z.
      {"wei", true, "procedure", "confirmed", "2027-03-30T09:00", "2027-03-30T09:45", "Europe/London",
       "St Thomas' Hospital, Westminster Bridge Rd, London SE1 7EH", kLondonReason, kLondonNotes, false,
       "2027-03-30T08:00:00Z", "2027-03-30T08:45:00Z", "CONFIRMED", "Procedure with 伟 陈",
       "Procedure with Dr Amara Osei",
       "Second opinion on the cardiac MRI (Dr Ó Briain, Guy's; Dr Lefèvre, Lyon), then the plan: rate control, "
       "anticoagulation — and a written summary in 中文 for the family\n\n"
       "家属陪同：女儿陈静（电话见病历）。需要普通话翻译，请提前预约。\n"
       "Bring the CD of the previous scan, the referral letter and the medication list.\n\tCash only; no cards."},
      // Earlier on the wall clock than the London visit the same day, but later in UTC: 08:00 CDT = 13:00Z.
      {"wei", false, "lab", "booked", "2027-03-30T08:00", "2027-03-30T08:15", "America/Chicago",
       "Lab \\ draw station B", "Fasting lipids, HbA1c", "", false, "2027-03-30T13:00:00Z", "2027-03-30T13:15:00Z",
       "CONFIRMED", "", "Lab", "Fasting lipids, HbA1c"},
  };
}

int fail(const std::string& why) {
  std::fprintf(stderr, "ics_fixture: %s\n", why.c_str());
  return 1;
}

std::string error_text(const core::Error& e) {
  std::string out = e.message;
  for (const auto& f : e.fields) out += " [" + f.field + ": " + f.message + "]";
  return out;
}

bool write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out.flush());
}

json expected_event(const std::string& id, const Visit& v, const std::string& summary) {
  return {{"uid", id + "@liaison"}, {"start", v.utc_start},        {"end", v.utc_end},
          {"status", v.status_word}, {"liaison_status", v.status}, {"summary", summary},
          {"location", v.location},  {"description", v.description}};
}

struct Calendar {
  std::string file;
  EntityType owner;
  std::string owner_id;
  std::string name;  // X-WR-CALNAME, by hand
  json events = json::array();
};

json describe(const Calendar& c) {
  return {{"file", c.file},
          {"owner", c.owner == EntityType::Patient ? "patient" : "practitioner"},
          {"owner_id", c.owner_id},
          {"name", c.name},
          {"events", c.events}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return fail("usage: ics_fixture DIR");
  const std::string dir = argv[1];
  core::DirectoryStorage storage(dir + "/store");
  if (auto s = storage.prepare(); !s) return fail(s.error().message);
  test::FixedClock clock;
  auto opened = core::Session::open(storage, clock, {"ics_fixture"});
  if (!opened) return fail(opened.error().message);
  core::Session& session = *opened.value();
  auto create = [&](EntityType type, json fields) -> std::string {
    clock.now += 1000;
    auto r = session.commit(core::CreateRecord{type, std::move(fields)});
    if (!r) throw std::runtime_error(error_text(r.error()));
    return r.value().entity_id;
  };

  try {
    std::string dr = create(EntityType::Practitioner, {{"name", "Dr Amara Osei"}, {"role", "physician"}});
    std::string zoe = create(EntityType::Patient, {{"given_name", "Zoë"}, {"family_name", "Müller"},
                                                   {"birth_date", "1948-03-21"}, {"mrn", "ICS-1"}});
    std::string wei = create(EntityType::Patient, {{"given_name", "伟"}, {"family_name", "陈"},
                                                   {"birth_date", "1952-11-02"}, {"mrn", "ICS-2"}});
    Calendar for_dr{"practitioner.ics", EntityType::Practitioner, dr, "Appointments of Dr Amara Osei"};
    Calendar for_zoe{"patient-zoe.ics", EntityType::Patient, zoe, "Appointments of Zoë Müller"};
    Calendar for_wei{"patient-wei.ics", EntityType::Patient, wei, "Appointments of 伟 陈"};

    for (const Visit& v : visits()) {
      json fields = {{"patient", v.patient == "zoe" ? zoe : wei}, {"type", v.type},   {"status", v.status},
                     {"start", v.start},                          {"end", v.end},     {"time_zone", v.time_zone},
                     {"location", v.location},                    {"reason", v.reason}, {"notes", v.notes}};
      if (v.with_practitioner) fields["practitioner"] = dr;
      if (v.type == "follow_up") fields.update({{"series", "bp-2027"}, {"recurrence", "every week, 4 times"}});
      std::string id = create(EntityType::Appointment, fields);
      if (v.deleted) {
        if (auto r = session.commit(core::DeleteRecord{EntityType::Appointment, id}); !r)
          return fail(error_text(r.error()));
        continue;
      }
      if (v.with_practitioner) for_dr.events.push_back(expected_event(id, v, v.practitioner_summary));
      (v.patient == "zoe" ? for_zoe : for_wei).events.push_back(expected_event(id, v, v.patient_summary));
    }

    const core::Minutes now_utc = clock.now_ms() / 60'000;
    json expected = {{"calendars", json::array()}};
    for (const Calendar* c : {&for_dr, &for_zoe, &for_wei}) {
      std::string ics = core::appointments_icalendar(session.state(), c->owner, c->owner_id, now_utc);
      if (!write_file(dir + "/" + c->file, ics)) return fail("cannot write " + dir + "/" + c->file);
      expected["calendars"].push_back(describe(*c));
    }
    if (!write_file(dir + "/expected.json", expected.dump(2) + "\n")) return fail("cannot write expected.json");
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  std::printf("wrote %s: a store, 3 calendars and expected.json\n", dir.c_str());
  return 0;
}
