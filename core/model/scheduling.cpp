// The schemas of the clinic calendar records.
#include "scheduling.hpp"

#include "core/model/patient.hpp"
#include "core/model/people.hpp"
#include "core/state.hpp"
#include "core/time_zone.hpp"

namespace core {

Checked check_clock_time(const json& v, const std::string& label) {
  Checked c = check_text(v, label, 5);
  if (!c.problem.empty()) return c;
  if (!parse_clock_time(c.value.get_ref<const std::string&>()))
    return {nullptr, "Use the form HH:MM (24-hour clock) for the " + label + ", e.g. 08:30."};
  return c;
}

Checked check_time_zone(const json& v, const std::string& label) {
  Checked c = check_text(v, label, 64);
  if (!c.problem.empty()) return c;
  const std::string& name = c.value.get_ref<const std::string&>();
  if (!TimeZone::find(name))
    return {nullptr, "\"" + name + "\" is not a time zone Liaison knows; use a name such as America/Chicago."};
  return c;
}

const Schema<WorkingHours>& WorkingHours::schema() {
  using W = WorkingHours;
  static const Schema<W> schema{
      {
          field::reference("practitioner", "practitioner", &W::practitioner, true),
          field::choice("weekday", "weekday", &W::weekday,
                        {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}, true),
          field::clock_time("start", "start time", &W::start, true),
          field::clock_time("end", "end time", &W::end, true),
          field::text("location", "location", &W::location, false, 200),
      },
      {
          [](const W& w, const State&, std::vector<FieldError>& errors) {
            auto start = parse_clock_time(w.start), end = parse_clock_time(w.end);
            if (start && end && *end <= *start) errors.push_back({"end", "The end time must be after the start time."});
          },
          [](const W& w, const State& state, std::vector<FieldError>& errors) {
            auto start = parse_clock_time(w.start), end = parse_clock_time(w.end);
            if (!start || !end) return;
            for (const auto& [id, other] : state.table<WorkingHours>()) {
              if (other.deleted || other.id == w.id || other.practitioner != w.practitioner || other.weekday != w.weekday)
                continue;
              auto other_start = parse_clock_time(other.start), other_end = parse_clock_time(other.end);
              if (other_start && other_end && *start < *other_end && *other_start < *end)
                errors.push_back({"start", "These hours overlap the practitioner's " + other.weekday + " hours " +
                                               other.start + "-" + other.end + "."});
            }
          },
      }};
  return schema;
}

const Schema<Unavailability>& Unavailability::schema() {
  using U = Unavailability;
  static const Schema<U> schema{
      {
          field::reference("practitioner", "practitioner", &U::practitioner, true),
          field::date("from_date", "first day away", &U::from_date, true),
          field::date("to_date", "last day away", &U::to_date, true),
          field::choice("reason", "reason", &U::reason, {"leave", "training", "sick", "other"}),
      },
      {
          in_order(&U::from_date, &U::to_date, "to_date", "The last day away cannot be before the first."),
      }};
  return schema;
}

const Schema<ClinicHoliday>& ClinicHoliday::schema() {
  using H = ClinicHoliday;
  static const Schema<H> schema{
      {
          field::date("date", "date", &H::date, true),
          field::text("name", "name", &H::name, true, 100),
      },
      {
          [](const H& h, const State& state, std::vector<FieldError>& errors) {
            for (const auto& [id, other] : state.table<ClinicHoliday>())
              if (!other.deleted && other.id != h.id && other.date == h.date)
                errors.push_back({"date", format_civil_date(*h.date) + " is already a clinic holiday (" + other.name + ")."});
          },
      }};
  return schema;
}

const Schema<ClinicSettings>& ClinicSettings::schema() {
  using S = ClinicSettings;
  static const Schema<S> schema{
      {
          field::member_field<S>("time_zone", "clinic time zone", false, &S::time_zone,
                                 [](const json& v) { return check_time_zone(v, "clinic time zone"); }),
          field::count("confirm_business_days", "business days ahead to confirm appointments",
                       &S::confirm_business_days, 30),
          field::count("contact_gap_days", "days without contact before a caseload patient is listed",
                       &S::contact_gap_days, 365),
          field::count("referral_loop_days", "days to wait for a referral's visit or report", &S::referral_loop_days,
                       365),
          field::count("slot_minutes", "free-slot step in minutes", &S::slot_minutes, 240),
      },
      {
          [](const S& s, const State& state, std::vector<FieldError>& errors) {
            for (const auto& [id, other] : state.table<ClinicSettings>())
              if (!other.deleted && other.id != s.id)
                errors.push_back({"time_zone", "The clinic's settings already exist; change those instead."});
            if (s.slot_minutes && *s.slot_minutes < 5)
              errors.push_back({"slot_minutes", "The free-slot step must be at least 5 minutes."});
          },
      }};
  return schema;
}

const Schema<WorkItemState>& WorkItemState::schema() {
  using W = WorkItemState;
  static const Schema<W> schema{
      {
          field::text("item", "worklist item", &W::item, true, 300),
          field::reference("patient", "patient", &W::patient),
          field::choice("status", "status", &W::status, {"snoozed", "done"}, true),
          field::date("until", "snoozed until", &W::until),
          field::text("reason", "reason", &W::reason, false, 500),
      },
      {
          [](const W& w, const State&, std::vector<FieldError>& errors) {
            if (w.status == "snoozed" && !w.until)
              errors.push_back({"until", "Choose the day the item should come back."});
          },
      }};
  return schema;
}

}  // namespace core
