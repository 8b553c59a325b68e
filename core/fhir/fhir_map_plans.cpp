// FHIR plans, teams, schedules, messages and coverage as Liaison records: CarePlan, Goal,
// CareTeam (its members), Appointment, Communication, Coverage, ServiceRequest (a referral) and
// Task. See fhir_map_helpers.hpp.
#include <algorithm>
#include <cctype>
#include <utility>

#include "core/fhir/fhir_map_helpers.hpp"
#include "core/time_zone.hpp"

namespace core::fhir::detail {
namespace {
using nlohmann::json;
}  // namespace

Mapped care_plan(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::CarePlan);
  if (!link_patient(ctx, m, r["subject"])) return m;
  std::string title = r["title"].text();
  if (title.empty()) {
    std::vector<std::string> categories;
    for (const Node& c : r["category"].list()) categories.push_back(concept_text(c));
    title = categories.empty() ? "" : categories.back();
  }
  if (title.empty()) title = r["description"].text();
  if (title.empty()) title = "Care plan";
  set(m, "title", title);
  json problems = json::array();
  for (const Node& a : r["addresses"].list()) {
    std::string p = ctx.display_of(a);
    if (!p.empty() && problems.size() < 20) problems.push_back(clip(p, 200));
  }
  if (!problems.empty()) m.fields["problems"] = problems;
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"draft", "draft"}, {"active", "active"}, {"on-hold", "active"},
                                 {"completed", "completed"}, {"revoked", "revoked"}}));
  set(m, "start_date", read_date(r["period"]["start"]));
  std::vector<std::string> notes;
  if (!r["description"].text().empty()) notes.push_back(r["description"].text());
  std::vector<std::string> activities;
  for (const Node& a : r["activity"].list()) {
    std::string what = concept_text(a["detail"]["code"]);
    if (what.empty()) what = a["detail"]["description"].text();
    if (what.empty() && a["reference"].present()) what = ctx.display_of(a["reference"]);
    activities.push_back(what);
  }
  if (!joined(activities).empty()) notes.push_back("Activities: " + joined(activities));
  set_notes(m, r, std::move(notes));
  return m;
}

Mapped goal(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Goal);
  if (!link_patient(ctx, m, r["subject"])) return m;
  set(m, "description", concept_text(r["description"]), 500);
  Node target = r["target"].first();
  set(m, "measure", concept_text(target["measure"]), 100);
  std::string wanted = quantity_text(target["detailQuantity"]);
  if (wanted.empty()) wanted = concept_text(target["detailCodeableConcept"]);
  if (wanted.empty()) wanted = target["detailString"].text();
  set(m, "target", wanted, 100);
  set(m, "due_date", read_date(target["dueDate"]));
  std::string achievement = concept_code(r["achievementStatus"]);
  std::string status = pick(r["lifecycleStatus"].text(), {{"proposed", "proposed"}, {"planned", "proposed"},
                                                          {"accepted", "active"}, {"active", "active"},
                                                          {"on-hold", "active"}, {"completed", "achieved"},
                                                          {"cancelled", "cancelled"}, {"rejected", "cancelled"}});
  if (achievement == "achieved") status = "achieved";
  if (achievement == "not-achieved") status = "not_achieved";
  if (r["lifecycleStatus"].text() == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", status);
  return m;
}

Mapped communication(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Note);
  if (!link_patient(ctx, m, r["subject"])) return m;
  m.fields["kind"] = "message";
  std::vector<std::string> text;
  for (const Node& p : r["payload"].list()) {
    if (p["contentString"].present()) text.push_back(p["contentString"].text());
    else if (p["contentAttachment"].present()) text.push_back("Attachment: " + p["contentAttachment"]["title"].text());
    else if (p["contentReference"].present()) text.push_back("See " + ctx.display_of(p["contentReference"]));
  }
  std::string body = joined(text, "\n");
  if (body.empty()) body = concept_text(r["topic"]);
  if (body.empty()) body = concept_text(r["category"].first());
  set(m, "text", body, 20000);
  std::string sender = ctx.display_of(r["sender"]);
  std::vector<std::string> recipients;
  for (const Node& x : r["recipient"].list()) recipients.push_back(ctx.display_of(x));
  set(m, "with_whom", sender.empty() ? joined(recipients, ", ") : sender);
  std::string at = read_date_time(r["sent"]);
  if (at.empty()) at = read_date_time(r["received"]);
  set(m, "at", at);
  return m;
}

// ---- coverage, referrals and tasks ----

Mapped coverage(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Coverage);
  if (!link_patient(ctx, m, r["beneficiary"])) return m;
  link(m, "payer", ctx.record_of(r["payor"].first(), EntityType::Organization));
  std::string plan, group;
  for (const Node& c : r["class"].list()) {
    std::string kind = concept_code(c["type"]);
    std::string value = c["name"].text().empty() ? c["value"].text() : c["name"].text();
    if (kind == "plan" && plan.empty()) plan = value;
    if (kind == "group" && group.empty()) group = c["value"].text();
  }
  if (plan.empty()) plan = concept_text(r["type"]);
  if (plan.empty()) plan = ctx.display_of(r["payor"].first());
  set(m, "plan_name", plan);
  set(m, "group_number", group, 40);
  std::string member = r["subscriberId"].text();
  if (member.empty()) member = r["identifier"].first()["value"].text();
  set(m, "member_id", member, 100);
  std::string relationship = concept_code(r["relationship"]);
  set(m, "relationship_to_subscriber", pick(relationship, {{"self", "self"}, {"spouse", "spouse"}, {"child", "child"},
                                                           {"parent", "other"}, {"common", "spouse"},
                                                           {"injured", "other"}, {"other", "other"}}));
  std::string from = read_date(r["period"]["start"]), to = read_date(r["period"]["end"]);
  set(m, "start_date", from);
  if (!to.empty() && (from.empty() || to >= from)) m.fields["end_date"] = to;
  if (auto order = r["order"].number(); order && *order >= 1 && *order <= 3)
    m.fields["priority"] = *order == 1 ? "primary" : *order == 2 ? "secondary" : "tertiary";
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"active", "active"}, {"cancelled", "inactive"}, {"draft", "inactive"}}));
  return m;
}

// A ServiceRequest is what Liaison calls a referral: someone asked to see or do something.
Mapped referral(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Referral);
  if (!link_patient(ctx, m, r["subject"])) return m;
  for (const Node& performer : r["performer"].list()) {
    link(m, "to_practitioner", ctx.record_of(performer, EntityType::Practitioner));
    link(m, "to_organization", ctx.record_of(performer, EntityType::Organization));
  }
  std::vector<std::string> reason{concept_text(r["code"])};
  for (const Node& c : r["reasonCode"].list()) reason.push_back(concept_text(c));
  for (const Node& ref : r["reasonReference"].list()) reason.push_back(ctx.display_of(ref));
  set(m, "reason", joined(reason, ": "), 500);
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"draft", "draft"}, {"active", "sent"}, {"on-hold", "sent"}, {"revoked", "cancelled"},
                                 {"completed", "completed"}}));
  set(m, "sent_date", read_date(r["authoredOn"]));
  std::string priority = r["priority"].text();
  set(m, "urgency", priority.empty() ? "" : priority == "routine" ? "routine" : "urgent");
  return m;
}

Mapped task(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Task);
  if (r["for"].present()) {
    m.patient = ctx.record_of(r["for"], EntityType::Patient);
    link(m, "patient", m.patient);
  }
  std::string title = r["description"].text();
  if (title.empty()) title = concept_text(r["code"]);
  set(m, "title", title);
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"draft", "open"}, {"requested", "open"}, {"received", "open"}, {"accepted", "open"},
                                 {"ready", "open"}, {"on-hold", "open"}, {"in-progress", "in_progress"},
                                 {"completed", "done"}, {"cancelled", "cancelled"}, {"rejected", "cancelled"},
                                 {"failed", "cancelled"}}));
  set(m, "priority", pick(r["priority"].text(), {{"routine", "normal"}, {"urgent", "urgent"}, {"asap", "high"},
                                                 {"stat", "urgent"}}));
  set(m, "due_date", read_date(r["restriction"]["period"]["end"]));
  set(m, "owner", ctx.display_of(r["owner"]), 100);
  set_notes(m, r);
  return m;
}

// A CareTeam becomes one CareTeamMember per participant who is a practitioner (or a
// PractitionerRole's practitioner) or an organization; relatives and the patient on the team are
// kept in the FHIR data (Liaison keeps family as RelatedPerson).
Mapped care_team(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::CareTeamMember);
  if (!link_patient(ctx, m, r["subject"])) return m;
  if (r["status"].text() == "entered-in-error") {
    m.skip = "it was entered in error";
    return m;
  }
  const std::string team_from = read_date(r["period"]["start"]), team_to = read_date(r["period"]["end"]);
  std::string team_name = r["name"].text();
  if (team_name.empty()) team_name = concept_text(r["category"].first());
  for (const Node& p : r["participant"].list()) {
    Mapped member = start(EntityType::CareTeamMember);
    member.patient = m.patient;
    link(member, "patient", m.patient);
    Target who = ctx.record_of(p["member"], EntityType::Practitioner);
    Target organization = ctx.record_of(p["member"], EntityType::Organization);
    if (!organization.valid()) organization = ctx.record_of(p["onBehalfOf"], EntityType::Organization);
    if (!who.valid() && !organization.valid()) continue;
    link(member, "practitioner", who);
    link(member, "organization", organization);
    std::string role = concept_text(p["role"].first());
    if (role.empty()) role = team_name;
    set(member, "role", role.empty() ? "care team member" : role, 100);
    std::string from = read_date(p["period"]["start"]), to = read_date(p["period"]["end"]);
    if (from.empty()) from = team_from;
    if (to.empty()) to = team_to;
    set(member, "start_date", from);
    if (!to.empty() && (from.empty() || to >= from)) member.fields["end_date"] = to;
    m.records.push_back(std::move(member));
  }
  if (m.records.empty()) m.skip = "none of its members is a practitioner or organization in this import or in Liaison";
  return m;
}

namespace {

// The Liaison type of an appointment: the v2-0276 appointment reason code
// (http://terminology.hl7.org/CodeSystem/v2-0276), else words in its type and service type.
std::string appointment_type(const Node& r) {
  std::string code = concept_code(r["appointmentType"]);
  std::string type = pick(code, {{"FOLLOWUP", "follow_up"}, {"CHECKUP", "office_visit"}, {"ROUTINE", "office_visit"},
                                 {"WALKIN", "office_visit"}, {"EMERGENCY", "office_visit"}});
  std::string words = concept_text(r["appointmentType"]);
  for (const Node& c : r["serviceType"].list()) words += " " + concept_text(c);
  std::transform(words.begin(), words.end(), words.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [part, value] : {std::pair{"tele", "telehealth"}, {"virtual", "telehealth"}, {"video", "telehealth"},
                                     {"home", "home_visit"}, {"follow", "follow_up"}, {"lab", "lab"},
                                     {"procedure", "procedure"}, {"surgery", "procedure"}})
    if (type.empty() && words.find(part) != std::string::npos) type = value;
  return type;
}

bool is_location(Context& ctx, const Node& reference) {
  const nlohmann::json* target = ctx.resource_of(reference);
  if (target && target->is_object()) return target->value("resourceType", "") == "Location";
  return reference["reference"].text().rfind("Location/", 0) == 0 || reference["type"].text() == "Location";
}

}  // namespace

// Appointment statuses: http://hl7.org/fhir/R4/valueset-appointmentstatus.html. The participants
// give the patient, the practitioner (or a PractitionerRole's practitioner) and the location.
// Times are the wall times written (see read_date_time); the clinic's zone applies.
Mapped appointment(Context& ctx, const Node& r) {
  Mapped m = start(EntityType::Appointment);
  Node location(nullptr, "");
  for (const Node& p : r["participant"].list()) {
    const Node actor = p["actor"];
    if (!actor.present()) continue;
    if (!m.patient.valid()) m.patient = ctx.record_of(actor, EntityType::Patient);
    if (!m.fields.contains("location") && is_location(ctx, actor)) set(m, "location", ctx.display_of(actor));
    bool has_practitioner = std::any_of(m.links.begin(), m.links.end(), [](const auto& l) { return l.first == "practitioner"; });
    if (!has_practitioner) link(m, "practitioner", ctx.record_of(actor, EntityType::Practitioner));
  }
  if (!m.patient.valid()) {
    m.skip = "none of its participants is a patient in this import or in Liaison";
    return m;
  }
  link(m, "patient", m.patient);
  std::string status = r["status"].text();
  if (status == "entered-in-error") m.skip = "it was entered in error";
  set(m, "status", pick(status, {{"proposed", "proposed"}, {"pending", "proposed"}, {"waitlist", "proposed"},
                                 {"booked", "booked"}, {"arrived", "arrived"}, {"checked-in", "arrived"},
                                 {"fulfilled", "completed"}, {"cancelled", "cancelled"}, {"noshow", "no_show"}}));
  set(m, "type", appointment_type(r));
  const std::string start = read_date_time(r["start"]);
  std::string end = read_date_time(r["end"]);
  if (end.empty() && !start.empty())
    if (auto minutes = r["minutesDuration"].number(); minutes && *minutes > 0 && *minutes <= 24 * 60)
      end = format_wall_time(*parse_wall_time(start) + static_cast<Minutes>(*minutes));
  set(m, "start", start);
  set(m, "end", end);
  auto from = parse_wall_time(start), to = parse_wall_time(end);
  if (m.skip.empty() && (!from || !to)) m.skip = "it has no start and end time";
  else if (m.skip.empty() && *to <= *from) m.skip = "its end time is not after its start time";
  else if (m.skip.empty() && *to - *from > 24 * 60) m.skip = "it lasts more than 24 hours, which Liaison does not accept";
  std::vector<std::string> reasons;
  for (const Node& c : r["reasonCode"].list()) reasons.push_back(concept_text(c));
  for (const Node& ref : r["reasonReference"].list()) reasons.push_back(ctx.display_of(ref));
  std::string description = r["description"].text();
  std::string reason = joined(reasons, ", ");
  set(m, "reason", reason.empty() ? description : reason, 500);
  std::vector<std::string> notes;
  if (!reason.empty()) notes.push_back(description);
  notes.push_back(r["comment"].text());
  notes.push_back(r["patientInstruction"].text());
  std::string cancelled = concept_text(r["cancelationReason"]);
  if (!cancelled.empty()) notes.push_back("Cancelled: " + cancelled);
  set(m, "notes", joined(notes, "\n"), 20000);
  return m;
}

}  // namespace core::fhir::detail
