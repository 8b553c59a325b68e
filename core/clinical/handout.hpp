// The patient and family handout: a printable, plain-language HTML summary of the care team and
// how to reach them, current medicines and how to take them, allergies, upcoming appointments,
// and the care plan's goals and next steps. The templates live in assets/handout/ (en.html,
// es.html); the shells read the file for handout_language() and pass its text in, since the core
// does no file I/O.
//
// Template syntax (a small subset of Mustache, no other features):
//   {{name}}                 the value, HTML-escaped; an unknown name is an error
//   {{#list}}...{{/list}}    repeated for each entry of a list (its fields are then in reach), or
//                            shown once when a value is present and not empty
//   {{^list}}...{{/list}}    shown when the list or value is empty or absent
// A line holding only a section tag leaves no blank line in the output.
// The names a handout offers are those handout_data() fills (see handout.cpp); each list L also
// has "has_L", non-empty when L has entries, to wrap a whole table without repeating it.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace core {

struct Patient;
struct State;

// "es" when the patient's preferred language is Spanish ("es", "es-MX", "Spanish", "español"),
// else "en".
std::string handout_language(const Patient& patient);

// What the handout shows, as the template sees it; texts already in the handout's language.
nlohmann::json handout_data(const State& state, const Patient& patient, CivilDate today);

// Fills a template with data (syntax above). Errors name the bad placeholder.
Result<std::string> render_template(std::string_view text, const nlohmann::json& data);
std::string html_escape(std::string_view text);

Result<std::string> render_handout(const State& state, const Id<Patient>& patient, std::string_view template_text,
                                   CivilDate today);

}  // namespace core
