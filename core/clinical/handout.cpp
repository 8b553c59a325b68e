// The patient and family handout: the data it shows, in the patient's language, and the small
// template engine that fills assets/handout/*.html with it (syntax in the header).
#include "handout.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <tuple>

#include "core/state.hpp"

namespace core {
namespace {

using nlohmann::json;

// ---- words in the handout's language ----

struct Words {
  const char* weekdays[7];  // Sunday first
  const char* months[12];
  std::map<std::string, std::string> routes;             // Medication.route
  std::map<std::string, std::string> appointment_types;  // Appointment.type
};

const Words& words_for(const std::string& language) {
  static const Words english{
      {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
      {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
       "December"},
      {{"oral", "by mouth"}, {"topical", "on the skin"}, {"inhaled", "breathed in"}, {"injection", "as a shot"},
       {"intravenous", "through a vein (IV)"}, {"subcutaneous", "as a shot under the skin"},
       {"transdermal", "as a patch on the skin"}},
      {{"office_visit", "Office visit"}, {"follow_up", "Follow-up visit"}, {"home_visit", "Home visit"},
       {"telehealth", "Video or phone visit"}, {"procedure", "Procedure"}, {"lab", "Lab test"}}};
  static const Words spanish{
      {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
      {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
       "diciembre"},
      {{"oral", "por la boca"}, {"topical", "sobre la piel"}, {"inhaled", "inhalado"}, {"injection", "en inyección"},
       {"intravenous", "por la vena (intravenoso)"}, {"subcutaneous", "en inyección debajo de la piel"},
       {"transdermal", "en parche sobre la piel"}},
      {{"office_visit", "Consulta"}, {"follow_up", "Consulta de seguimiento"}, {"home_visit", "Visita a domicilio"},
       {"telehealth", "Consulta por video o teléfono"}, {"procedure", "Procedimiento"},
       {"lab", "Análisis de laboratorio"}}};
  return language == "es" ? spanish : english;
}

std::string lookup(const std::map<std::string, std::string>& table, const std::string& key) {
  auto it = table.find(key);
  return it == table.end() ? std::string() : it->second;
}

// "Tuesday, December 1, 2026" or "martes, 1 de diciembre de 2026".
std::string date_words(CivilDate d, const std::string& language) {
  const Words& w = words_for(language);
  const std::string weekday = w.weekdays[date::weekday{d}.c_encoding()];
  const std::string month = w.months[static_cast<unsigned>(d.month()) - 1];
  const std::string day = std::to_string(static_cast<unsigned>(d.day()));
  const std::string year = std::to_string(static_cast<int>(d.year()));
  if (language == "es") return weekday + ", " + day + " de " + month + " de " + year;
  return weekday + ", " + month + " " + day + ", " + year;
}

// "9:30 AM" in English, "9:30" (24-hour) in Spanish, from "HH:MM".
std::string time_words(const std::string& hh_mm, const std::string& language) {
  if (hh_mm.size() != 5) return hh_mm;
  const int hour = std::stoi(hh_mm.substr(0, 2));
  const std::string minutes = hh_mm.substr(3, 2);
  if (language == "es") return std::to_string(hour) + ":" + minutes;
  const int twelve = hour % 12 == 0 ? 12 : hour % 12;
  return std::to_string(twelve) + ":" + minutes + (hour < 12 ? " AM" : " PM");
}

std::string join_nonempty(std::initializer_list<std::string> parts, const std::string& separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

bool current_on(const std::optional<CivilDate>& start, const std::optional<CivilDate>& end, CivilDate today) {
  return !(start && today < *start) && !(end && *end < today);
}

// ---- the sections ----

std::string member_name(const State& state, const CareTeamMember& m) {
  if (const Practitioner* p = state.find(m.practitioner)) return p->name;
  if (const Organization* o = state.find(m.organization)) return o->name;
  return "";
}

std::string member_phone(const State& state, const CareTeamMember& m) {
  const Practitioner* p = state.find(m.practitioner);
  if (p && !p->phones.empty()) return p->phones.front();
  const Organization* o = state.find(p ? p->organization : m.organization);
  return o ? o->phone : "";
}

std::string member_email(const State& state, const CareTeamMember& m) {
  if (const Practitioner* p = state.find(m.practitioner); p && !p->email.empty()) return p->email;
  const Organization* o = state.find(m.organization);
  return o ? o->email : "";
}

json care_team(const State& state, const Patient& patient, CivilDate today) {
  std::vector<std::tuple<bool, std::string, json>> rows;  // not lead, name, row
  for (const CareTeamMember* each : state.records_of<CareTeamMember>(patient.id)) {
    const CareTeamMember& m = *each;
    if (!current_on(m.start_date, m.end_date, today)) continue;
    const std::string name = member_name(state, m);
    if (name.empty()) continue;
    rows.emplace_back(!m.lead, name,
                      json{{"name", name}, {"role", m.role}, {"phone", member_phone(state, m)},
                           {"email", member_email(state, m)}, {"lead", m.lead ? "yes" : ""}});
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  json out = json::array();
  for (auto& row : rows) out.push_back(std::move(std::get<2>(row)));
  return out;
}

json medications(const State& state, const Patient& patient, CivilDate today, const Words& w) {
  std::vector<const Medication*> current;
  for (const Medication* m : state.records_of<Medication>(patient.id))
    if (m->status == "active" && current_on(m->start_date, m->stop_date, today)) current.push_back(m);
  std::sort(current.begin(), current.end(), [](const Medication* a, const Medication* b) {
    return std::tie(a->name, a->dose) < std::tie(b->name, b->dose);
  });
  json out = json::array();
  for (const Medication* m : current)
    out.push_back({{"name", m->name}, {"dose", m->dose}, {"how", lookup(w.routes, m->route)}, {"when", m->frequency},
                   {"reason", m->indication}});
  return out;
}

json allergies(const State& state, const Patient& patient) {
  std::vector<const Allergy*> listed;
  for (const Allergy* a : state.records_of<Allergy>(patient.id))
    if (a->verification != "refuted") listed.push_back(a);
  std::sort(listed.begin(), listed.end(), [](const Allergy* a, const Allergy* b) { return a->substance < b->substance; });
  json out = json::array();
  for (const Allergy* a : listed) out.push_back({{"substance", a->substance}, {"reaction", a->reaction}});
  return out;
}

json appointments(const State& state, const Patient& patient, CivilDate today, const std::string& language,
                  const Words& w) {
  std::vector<const Appointment*> upcoming;
  const std::string today_text = format_civil_date(today);
  for (const Appointment* a : state.records_of<Appointment>(patient.id))
    if ((a->status == "booked" || a->status == "confirmed") && a->start.substr(0, 10) >= today_text)
      upcoming.push_back(a);
  std::sort(upcoming.begin(), upcoming.end(), [](const Appointment* a, const Appointment* b) {
    return std::tie(a->start, a->end) < std::tie(b->start, b->end);
  });
  json out = json::array();
  for (const Appointment* a : upcoming) {
    auto day = parse_civil_date(a->start.substr(0, 10));
    const Practitioner* with = state.find(a->practitioner);
    out.push_back({{"date", day ? date_words(*day, language) : a->start.substr(0, 10)},
                   {"time", time_words(a->start.size() >= 16 ? a->start.substr(11, 5) : "", language)},
                   {"what", lookup(w.appointment_types, a->type)},
                   {"with", with ? with->name : ""},
                   {"where", a->location}});
  }
  return out;
}

bool open_goal(const Goal& g) { return g.status.empty() || g.status == "proposed" || g.status == "active"; }
bool open_intervention(const Intervention& i) { return i.status.empty() || i.status == "planned" || i.status == "in_progress"; }

// Items with a due date first, soonest first; then by description.
template <class T>
bool by_due_then_description(const T* a, const T* b) {
  if (a->due_date.has_value() != b->due_date.has_value()) return a->due_date.has_value();
  if (a->due_date && *a->due_date != *b->due_date) return *a->due_date < *b->due_date;
  return a->description < b->description;
}

json goals(const State& state, const Patient& patient, const std::string& language) {
  std::vector<const Goal*> open;
  for (const Goal* g : state.records_of<Goal>(patient.id))
    if (open_goal(*g)) open.push_back(g);
  std::sort(open.begin(), open.end(), by_due_then_description<Goal>);
  json out = json::array();
  for (const Goal* g : open)
    out.push_back({{"description", g->description},
                   {"target", join_nonempty({g->measure, g->target}, " ")},
                   {"by", g->due_date ? date_words(*g->due_date, language) : ""}});
  return out;
}

json next_steps(const State& state, const Patient& patient, const std::string& language) {
  std::vector<const Intervention*> open;
  for (const Intervention* i : state.records_of<Intervention>(patient.id))
    if (open_intervention(*i)) open.push_back(i);
  std::sort(open.begin(), open.end(), by_due_then_description<Intervention>);
  json out = json::array();
  for (const Intervention* i : open) {
    const CareTeamMember* who = state.find(i->responsible);
    out.push_back({{"description", i->description},
                   {"who", who ? member_name(state, *who) : ""},
                   {"by", i->due_date ? date_words(*i->due_date, language) : ""}});
  }
  return out;
}

// ---- the template engine ----

bool truthy(const json* v) {
  if (!v || v->is_null()) return false;
  if (v->is_string()) return !v->get_ref<const std::string&>().empty();
  if (v->is_array() || v->is_object()) return !v->empty();
  if (v->is_boolean()) return v->get<bool>();
  return true;
}

const json* find_name(const std::vector<const json*>& scopes, const std::string& name) {
  if (name == ".") return scopes.back();
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it)
    if ((*it)->is_object() && (*it)->contains(name)) return &(**it)[name];
  return nullptr;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// Where the section opened just before `from` closes: the start of its "{{/name}}", skipping
// nested sections of the same name. npos when it never closes.
std::size_t section_end(std::string_view text, std::size_t from, const std::string& name) {
  int depth = 1;
  std::size_t pos = from;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    const std::size_t close = text.find("}}", pos);
    if (close == std::string_view::npos) return std::string_view::npos;
    const std::string tag = trim(text.substr(pos + 2, close - pos - 2));
    if (!tag.empty() && (tag[0] == '#' || tag[0] == '^') && trim(tag.substr(1)) == name) ++depth;
    if (!tag.empty() && tag[0] == '/' && trim(tag.substr(1)) == name && --depth == 0) return pos;
    pos = close + 2;
  }
  return std::string_view::npos;
}

Status render_into(std::string_view text, std::vector<const json*>& scopes, std::string& out) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    const std::size_t close = text.find("}}", open);
    if (close == std::string_view::npos)
      return Error{ErrorCode::Invalid, "The handout template has a {{ with no closing }}.", {}};
    const std::string tag = trim(text.substr(open + 2, close - open - 2));
    pos = close + 2;
    if (tag.empty()) return Error{ErrorCode::Invalid, "The handout template has an empty {{}}.", {}};
    if (tag[0] == '/')
      return Error{ErrorCode::Invalid, "The handout template closes {{" + tag + "}} that was never opened.", {}};
    if (tag[0] == '#' || tag[0] == '^') {
      const std::string name = trim(tag.substr(1));
      const std::size_t end = section_end(text, pos, name);
      if (end == std::string_view::npos)
        return Error{ErrorCode::Invalid, "The handout template never closes {{" + tag + "}}.", {}};
      const std::string_view inner = text.substr(pos, end - pos);
      pos = text.find("}}", end) + 2;
      const json* value = find_name(scopes, name);
      if (tag[0] == '^') {
        if (!truthy(value))
          if (Status s = render_into(inner, scopes, out); !s) return s;
        continue;
      }
      if (!truthy(value)) continue;
      if (value->is_array()) {
        for (const json& entry : *value) {
          scopes.push_back(&entry);
          Status s = render_into(inner, scopes, out);
          scopes.pop_back();
          if (!s) return s;
        }
      } else if (Status s = render_into(inner, scopes, out); !s) {
        return s;
      }
      continue;
    }
    const json* value = find_name(scopes, tag);
    if (!value) return Error{ErrorCode::Invalid, "The handout template asks for {{" + tag + "}}, which it cannot fill.", {}};
    out += html_escape(value->is_string() ? value->get_ref<const std::string&>() : value->dump());
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return Ok{};
}

// A line holding nothing but one section tag ({{#x}}, {{^x}}, {{/x}}) leaves no blank line behind:
// the line's indentation and its newline are dropped, as Mustache does with "standalone" tags.
std::string drop_standalone_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    const std::string line = trim(text.substr(pos, end - pos));
    const bool standalone = line.size() > 5 && line.compare(0, 2, "{{") == 0 && std::strchr("#^/", line[2]) &&
                            line.find("}}") == line.size() - 2;
    if (standalone) out += line;
    else out.append(text.substr(pos, next - pos));
    pos = next;
  }
  return out;
}

}  // namespace

std::string handout_language(const Patient& patient) {
  std::string language;
  for (char ch : trim(patient.language)) language += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  // "español" and "espaÑol" (tolower leaves the two-byte UTF-8 letter alone).
  if (language == "es" || language.rfind("es-", 0) == 0 || language.rfind("es_", 0) == 0 || language == "spanish" ||
      language == "espa\xc3\xb1ol" || language == "espa\xc3\x91ol" || language == "espanol")
    return "es";
  return "en";
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

nlohmann::json handout_data(const State& state, const Patient& patient, CivilDate today) {
  const std::string language = handout_language(patient);
  const Words& w = words_for(language);
  json data{{"patient_name", patient.display_name()},
            {"prepared_on", date_words(today, language)},
            {"care_team", care_team(state, patient, today)},
            {"medications", medications(state, patient, today, w)},
            {"allergies", allergies(state, patient)},
            {"appointments", appointments(state, patient, today, language, w)},
            {"goals", goals(state, patient, language)},
            {"next_steps", next_steps(state, patient, language)}};
  // "has_<list>": a section around a whole list (a table and its header) shown once, not per entry.
  for (const char* list : {"care_team", "medications", "allergies", "appointments", "goals", "next_steps"})
    data[std::string("has_") + list] = data[list].empty() ? "" : "yes";
  return data;
}

Result<std::string> render_template(std::string_view text, const nlohmann::json& data) {
  std::vector<const json*> scopes{&data};
  std::string out;
  if (Status s = render_into(drop_standalone_lines(text), scopes, out); !s) return s.error();
  return out;
}

Result<std::string> render_handout(const State& state, const Id<Patient>& patient, std::string_view template_text,
                                   CivilDate today) {
  const Patient* p = state.find(patient);
  if (!p) return Error{ErrorCode::NotFound, "That patient is not in the records.", {}};
  return render_template(template_text, handout_data(state, *p, today));
}

}  // namespace core
