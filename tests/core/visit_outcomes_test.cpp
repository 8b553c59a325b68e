// After a visit: completing it with a follow-up, recording a no-show, and the no-show rate.
#include "core/scheduling/visit_outcomes.hpp"

#include "model_fixture.hpp"

using model_test::Fixture;
using core::EntityType;
using core::FollowUpRequest;

namespace {

struct Visits : Fixture {
  std::string visit;
  Visits() {
    create(EntityType::ClinicSettings, {{"time_zone", "America/Chicago"}});
    for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday"})
      create(EntityType::WorkingHours, {{"practitioner", ids["$practitioner"]}, {"weekday", day}, {"start", "09:00"},
                                        {"end", "12:00"}, {"location", "Room 4"}});
    visit = book("2026-11-23T09:00", "2026-11-23T09:30");
  }
  std::string book(const char* start, const char* end) {
    return create(EntityType::Appointment, {{"patient", ids["$patient"]}, {"practitioner", ids["$practitioner"]},
                                            {"type", "office_visit"}, {"start", start}, {"end", end}});
  }
  const core::Appointment& appointment(const std::string& id) const {
    return *session->state().find(core::Id<core::Appointment>{id});
  }
  std::vector<const core::Task*> tasks() const {
    std::vector<const core::Task*> out;
    for (const auto& [id, t] : session->state().table<core::Task>())
      if (!t.deleted) out.push_back(&t);
    return out;
  }
};

FollowUpRequest follow_up(FollowUpRequest::Kind kind, int days) {
  FollowUpRequest r;
  r.kind = kind;
  r.in_days = days;
  r.owner = "casey.coordinator";
  return r;
}

}  // namespace

TEST_CASE("completing a visit with a follow-up task due in N days") {
  Visits v;
  auto group = core::complete_visit(v.session->state(), core::Id<core::Appointment>{v.visit},
                                    follow_up(FollowUpRequest::Kind::Task, 14));
  REQUIRE(group);
  REQUIRE(v.session->commit(group.value()));
  CHECK(v.appointment(v.visit).status == "completed");
  auto tasks = v.tasks();
  REQUIRE(tasks.size() == 1);
  CHECK(tasks[0]->kind == "follow_up");
  CHECK(tasks[0]->title == "Book a follow-up visit with Dr. Rosa Diaz");
  CHECK(core::format_civil_date(*tasks[0]->due_date) == "2026-12-07");
  CHECK(tasks[0]->appointment.value == v.visit);
  CHECK(tasks[0]->owner == "casey.coordinator");
  // One undo takes back both the completion and the task.
  REQUIRE(v.session->commit(core::UndoLast{}));
  CHECK(v.appointment(v.visit).status == "booked");
  CHECK(v.tasks().empty());
}

TEST_CASE("completing a visit with a proposed follow-up in the practitioner's next free slot") {
  Visits v;
  v.book("2026-12-07T09:00", "2026-12-07T10:00");  // the due day's first hour is taken
  auto group = core::complete_visit(v.session->state(), core::Id<core::Appointment>{v.visit},
                                    follow_up(FollowUpRequest::Kind::ProposedAppointment, 14));
  REQUIRE(group);
  auto done = v.session->commit(group.value());
  REQUIRE(done);
  const core::Appointment& proposed = v.appointment(done.value().entity_id);
  CHECK(proposed.status == "proposed");
  CHECK(proposed.type == "follow_up");
  CHECK(proposed.start == "2026-12-07T10:00");
  CHECK(proposed.end == "2026-12-07T10:30");
  CHECK(proposed.time_zone == "America/Chicago");
  CHECK(proposed.location == "Room 4");
  CHECK(proposed.follow_up_of.value == v.visit);
  CHECK(proposed.reason == "Follow-up of the visit on 2026-11-23");
}

TEST_CASE("a follow-up that cannot be placed, or a visit that cannot be completed, is refused") {
  Visits v;
  v.create(EntityType::Unavailability, {{"practitioner", v.ids["$practitioner"]}, {"from_date", "2026-12-01"},
                                        {"to_date", "2027-02-01"}, {"reason", "leave"}});
  auto no_slot = core::complete_visit(v.session->state(), core::Id<core::Appointment>{v.visit},
                                      follow_up(FollowUpRequest::Kind::ProposedAppointment, 14));
  REQUIRE_FALSE(no_slot);
  CHECK(no_slot.error().message ==
        "Dr. Rosa Diaz has no free 30-minute slot in the 30 days from 2026-12-07; make a follow-up task instead.");
  REQUIRE(v.session->commit(core::UpdateRecord{EntityType::Appointment, v.visit, {{"status", "cancelled"}}}));
  auto cancelled = core::complete_visit(v.session->state(), core::Id<core::Appointment>{v.visit}, {});
  REQUIRE_FALSE(cancelled);
  CHECK(cancelled.error().message == "This appointment is cancelled; it cannot be completed.");
}

TEST_CASE("a no-show makes an outreach task and counts toward the no-show rate") {
  Visits v;
  const std::string second = v.book("2026-11-24T09:00", "2026-11-24T09:30");
  const std::string third = v.book("2026-11-25T09:00", "2026-11-25T09:30");
  const core::Id<core::Patient> patient{v.ids["$patient"]};
  CHECK(core::attendance(v.session->state(), patient).no_show_rate() == 0.0);
  REQUIRE(v.session->commit(core::complete_visit(v.session->state(), core::Id<core::Appointment>{v.visit}, {}).value()));
  REQUIRE(v.session->commit(core::complete_visit(v.session->state(), core::Id<core::Appointment>{second}, {}).value()));
  auto missed = core::record_no_show(v.session->state(), core::Id<core::Appointment>{third},
                                     v.clock.today(), "casey.coordinator");
  REQUIRE(missed);
  REQUIRE(v.session->commit(missed.value()));
  CHECK(v.appointment(third).status == "no_show");
  auto tasks = v.tasks();
  REQUIRE(tasks.size() == 1);
  CHECK(tasks[0]->kind == "outreach");
  CHECK(tasks[0]->priority == "high");
  CHECK(tasks[0]->title == "Reach Ada Lovelace about the missed appointment on 2026-11-25");
  CHECK(core::format_civil_date(*tasks[0]->due_date) == "2026-11-28");
  const core::Attendance a = core::attendance(v.session->state(), patient);
  CHECK(a.kept == 2);
  CHECK(a.no_shows == 1);
  CHECK(a.no_show_rate() == doctest::Approx(1.0 / 3.0));
  auto twice = core::record_no_show(v.session->state(), core::Id<core::Appointment>{third}, v.clock.today(), "x");
  REQUIRE_FALSE(twice);
  CHECK(twice.error().message == "This appointment is a no-show; it cannot be marked as a no-show.");
}
