// Writing plans, visits and payment as FHIR R4: CarePlan (its interventions as activities, its
// goals referenced), Goal, Task, Appointment, Encounter, ServiceRequest (referrals) and
// Coverage. Each writer is the inverse of its importer (fhir_map.cpp), so importing an export
// gives the same records back; what FHIR has no element for goes out as Liaison extensions.
#include "core/fhir/fhir_write.hpp"

#include "core/scheduling/appointment_time.hpp"

namespace core::fhir {
namespace {

json start(const Writer& w, const char* type, const char* subject_key, const Id<Patient>& patient) {
  json subject = w.ref(patient);
  if (subject.is_null()) return nullptr;
  return json{{"resourceType", type}, {subject_key, subject}};
}

std::string code_for(const std::string& value, std::initializer_list<std::pair<const char*, const char*>> table,
                     const char* fallback) {
  for (const auto& [from, to] : table)
    if (value == from) return to;
  return fallback;
}

json period(const std::optional<CivilDate>& from, const std::optional<CivilDate>& to) {
  json p = json::object();
  put(p, "start", fhir_date(from));
  put(p, "end", fhir_date(to));
  return p;
}

}  // namespace

json write(const Writer& w, const CarePlan& c) {
  json r = start(w, "CarePlan", "subject", c.patient);
  if (r.is_null()) return r;
  // CarePlan status and intent (required bindings, request-status and care-plan-intent).
  r["status"] = code_for(c.status, {{"draft", "draft"}, {"active", "active"}, {"completed", "completed"},
                                    {"revoked", "revoked"}},
                         "unknown");
  r["intent"] = "plan";
  put(r, "title", c.title);
  json problems = json::array();
  for (const std::string& p : c.problems) problems.push_back({{"display", p}});
  put(r, "addresses", problems);
  put(r, "period", period(c.start_date, std::nullopt));
  json goals = json::array();
  for (const auto& [id, g] : w.state.table<Goal>())
    if (!g.deleted && g.care_plan == c.id)
      if (json ref = w.ref(id); !ref.is_null()) goals.push_back(ref);
  put(r, "goal", goals);
  json activities = json::array();
  for (const auto& [id, i] : w.state.table<Intervention>()) {
    if (i.deleted || i.care_plan != c.id) continue;
    // CarePlan activity status (required binding, care-plan-activity-status).
    json detail{{"status", code_for(i.status, {{"planned", "not-started"}, {"in_progress", "in-progress"},
                                               {"done", "completed"}, {"cancelled", "cancelled"}},
                                    "unknown")}};
    put(detail, "description", i.description);
    put(detail, "scheduledString", fhir_date(i.due_date).empty() ? "" : "due " + fhir_date(i.due_date));
    if (const CareTeamMember* m = w.state.find(i.responsible))
      if (json who = w.ref(m->practitioner.empty() ? EntityType::Organization : EntityType::Practitioner,
                           m->practitioner.empty() ? m->organization.value : m->practitioner.value);
          !who.is_null())
        detail["performer"] = json::array({who});
    activities.push_back({{"detail", detail}});
  }
  put(r, "activity", activities);
  if (!c.notes.empty()) r["note"] = json::array({{{"text", c.notes}}});
  add_liaison_fields(w, r, c, {"title", "problems", "status", "start_date", "notes"});
  return r;
}

json write(const Writer& w, const Goal& g) {
  json r = start(w, "Goal", "subject", g.patient);
  if (r.is_null()) return r;
  // Goal lifecycle status (required binding) and achievement status.
  r["lifecycleStatus"] = code_for(g.status, {{"proposed", "proposed"}, {"active", "active"}, {"achieved", "completed"},
                                             {"not_achieved", "completed"}, {"cancelled", "cancelled"}},
                                  "active");
  const char* achievement = g.status == "achieved" ? "achieved" : g.status == "not_achieved" ? "not-achieved" : "";
  if (*achievement)
    r["achievementStatus"] = codeable("", "http://terminology.hl7.org/CodeSystem/goal-achievement", achievement);
  r["description"] = codeable(g.description.empty() ? "goal" : g.description);
  json target = json::object();
  put(target, "measure", codeable(g.measure));
  // A target value needs a measure (invariant gol-1): the goal's own words stand in for one.
  if (!g.target.empty()) {
    target["detailString"] = g.target;
    if (!target.contains("measure")) target["measure"] = codeable(g.description.empty() ? "goal" : g.description);
  }
  put(target, "dueDate", fhir_date(g.due_date));
  if (!target.empty()) r["target"] = json::array({target});
  add_liaison_fields(w, r, g, {"description", "measure", "target", "due_date", g.status.empty() ? "" : "status"});
  return r;
}

json write(const Writer& w, const Task& t) {
  json r{{"resourceType", "Task"}};
  put(r, "for", w.ref(t.patient));
  // Task status and priority (required bindings, task-status and request-priority).
  r["status"] = code_for(t.status, {{"open", "requested"}, {"in_progress", "in-progress"}, {"done", "completed"},
                                    {"cancelled", "cancelled"}},
                         "requested");
  r["intent"] = "order";
  r["priority"] = code_for(t.priority, {{"low", "routine"}, {"normal", "routine"}, {"high", "asap"}, {"urgent", "urgent"}},
                           "routine");
  put(r, "description", t.title);
  put(r, "focus", w.ref(t.goal));
  if (!t.owner.empty()) r["owner"] = {{"display", t.owner}};
  if (t.due_date) r["restriction"] = {{"period", {{"end", fhir_date(t.due_date)}}}};
  if (!t.notes.empty()) r["note"] = json::array({{{"text", t.notes}}});
  add_liaison_fields(w, r, t, {"status", "title", "owner", "due_date", "notes",
                               t.priority == "low" ? "" : "priority"});
  return r;
}

json write(const Writer& w, const Appointment& a) {
  json patient = w.ref(a.patient);
  if (patient.is_null()) return nullptr;
  json r{{"resourceType", "Appointment"}};
  // Appointment status (required binding, appointmentstatus).
  r["status"] = code_for(a.status, {{"proposed", "proposed"}, {"booked", "booked"}, {"confirmed", "booked"},
                                    {"arrived", "arrived"}, {"completed", "fulfilled"}, {"cancelled", "cancelled"},
                                    {"no_show", "noshow"}},
                         "booked");
  put(r, "appointmentType", codeable(a.type));
  if (!a.reason.empty()) r["reasonCode"] = json::array({codeable(a.reason)});
  const TimeZone* zone = appointment_zone(a, w.state);
  put(r, "start", w.date_time(a.start, zone));
  put(r, "end", w.date_time(a.end, zone));
  put(r, "comment", a.notes);
  json participants = json::array({{{"actor", patient}, {"status", "accepted"}}});
  if (json practitioner = w.ref(a.practitioner); !practitioner.is_null())
    participants.push_back({{"actor", practitioner}, {"status", "accepted"}});
  if (!a.location.empty()) participants.push_back({{"actor", {{"display", a.location}}}, {"status", "accepted"}});
  r["participant"] = participants;
  // Every field as a Liaison extension too, so an import reads the appointment back whole.
  add_liaison_fields(w, r, a, {});
  return r;
}

json write(const Writer& w, const Encounter& e) {
  json r = start(w, "Encounter", "subject", e.patient);
  if (r.is_null()) return r;
  // Encounter status (required binding): a stay with a discharge date is over.
  r["status"] = e.discharge_date ? "finished" : "in-progress";
  // v3 ActCode encounter classes (https://terminology.hl7.org/ValueSet-v3-ActEncounterCode.html).
  std::string cls = code_for(e.kind, {{"inpatient", "IMP"}, {"emergency", "EMER"}, {"observation", "OBSENC"},
                                      {"home_health", "HH"}, {"skilled_nursing", "NONAC"}},
                             "AMB");
  r["class"] = {{"system", "http://terminology.hl7.org/CodeSystem/v3-ActCode"}, {"code", cls}};
  // The notes Liaison made at import ("type" then "Reason: ...") go back where they came from.
  std::vector<std::string> lines = lines_of(e.notes);
  const std::string reason_prefix = "Reason: ";
  bool structured = !e.notes.empty() && lines.size() <= 2 && lines[0].rfind(reason_prefix, 0) != 0 &&
                    (lines.size() == 1 || lines[1].rfind(reason_prefix, 0) == 0);
  if (structured) {
    if (!lines[0].empty()) r["type"] = json::array({codeable(lines[0])});
    if (lines.size() == 2) r["reasonCode"] = json::array({codeable(lines[1].substr(reason_prefix.size()))});
  }
  put(r, "period", period(e.admission_date, e.discharge_date));
  // v3 ActPriority: elective, urgent, emergency.
  std::string priority = code_for(e.admission_type, {{"elective", "EL"}, {"urgent", "UR"}, {"emergency", "EM"}}, "");
  if (!priority.empty()) r["priority"] = codeable("", "http://terminology.hl7.org/CodeSystem/v3-ActPriority", priority);
  if (!e.facility.empty()) r["serviceProvider"] = {{"display", e.facility}};
  // Discharge disposition codes (https://terminology.hl7.org/CodeSystem-discharge-disposition.html).
  std::string disposition = code_for(e.discharge_disposition,
                                     {{"home", "home"}, {"hospice", "hosp"}, {"skilled_nursing", "snf"}, {"rehab", "rehab"},
                                      {"against_medical_advice", "aadvice"}, {"died", "exp"}, {"other", "oth"},
                                      {"home_with_services", "oth"}},
                                     "");
  if (!disposition.empty())
    r["hospitalization"] = {{"dischargeDisposition",
                             codeable("", "http://terminology.hl7.org/CodeSystem/discharge-disposition", disposition)}};
  const bool acute_implied = e.kind == "emergency" || e.admission_type == "emergency" || e.admission_type == "urgent";
  add_liaison_fields(w, r, e, {"facility", "admission_date", "discharge_date", "admission_type",
                               structured || e.notes.empty() ? "notes" : "",
                               e.kind == "skilled_nursing" ? "" : "kind",
                               e.discharge_disposition == "home_with_services" ? "" : "discharge_disposition",
                               acute_implied == e.acute ? "acute" : ""});
  return r;
}

json write(const Writer& w, const Referral& f) {
  json r = start(w, "ServiceRequest", "subject", f.patient);
  if (r.is_null()) return r;
  // ServiceRequest status (required binding, request-status).
  r["status"] = code_for(f.status, {{"draft", "draft"}, {"sent", "active"}, {"scheduled", "active"},
                                    {"completed", "completed"}, {"cancelled", "revoked"}, {"declined", "revoked"}},
                         "active");
  r["intent"] = "order";
  put(r, "code", codeable(f.reason));
  put(r, "authoredOn", fhir_date(f.sent_date));
  if (!f.urgency.empty()) r["priority"] = f.urgency == "urgent" ? "urgent" : "routine";
  json performers = json::array();
  if (json p = w.ref(f.to_practitioner); !p.is_null()) performers.push_back(p);
  if (json o = w.ref(f.to_organization); !o.is_null()) performers.push_back(o);
  put(r, "performer", performers);
  add_liaison_fields(w, r, f, {"to_practitioner", "to_organization", "reason", "sent_date", "urgency",
                               f.status == "scheduled" || f.status == "declined" ? "" : "status"});
  return r;
}

json write(const Writer& w, const Coverage& c) {
  json r = start(w, "Coverage", "beneficiary", c.patient);
  if (r.is_null()) return r;
  // Coverage status (required binding, fm-status).
  r["status"] = c.status == "inactive" ? "cancelled" : "active";
  json payer = w.ref(c.payer);
  // payor is required: a payer Liaison does not have is named by the plan.
  if (payer.is_null()) payer = {{"display", c.plan_name.empty() ? "unknown payer" : c.plan_name}};
  r["payor"] = json::array({payer});
  json classes = json::array();
  const char* class_url = "http://terminology.hl7.org/CodeSystem/coverage-class";
  if (!c.plan_name.empty())
    classes.push_back({{"type", codeable("", class_url, "plan")}, {"value", c.plan_name}, {"name", c.plan_name}});
  if (!c.group_number.empty()) classes.push_back({{"type", codeable("", class_url, "group")}, {"value", c.group_number}});
  put(r, "class", classes);
  put(r, "subscriberId", c.member_id);
  if (!c.relationship_to_subscriber.empty())
    r["relationship"] = codeable("", "http://terminology.hl7.org/CodeSystem/subscriber-relationship", c.relationship_to_subscriber);
  put(r, "period", period(c.start_date, c.end_date));
  if (!c.priority.empty()) r["order"] = c.priority == "primary" ? 1 : c.priority == "secondary" ? 2 : 3;
  add_liaison_fields(w, r, c, {"payer", "plan_name", "group_number", "member_id", "relationship_to_subscriber",
                               "start_date", "end_date", "priority", "status"});
  return r;
}

}  // namespace core::fhir
