// The patient and family handout: which language a patient gets, the template engine (escaping,
// sections, errors), what the handout lists and leaves out, and a golden file per language built
// from a fixed fixture with the real templates in assets/handout/. LIAISON_UPDATE_GOLDEN=1
// rewrites the golden files instead of comparing (then review the diff).
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/clinical/handout.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using nlohmann::json;

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(LIAISON_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_source_file(const std::string& relative, const std::string& text) {
  std::ofstream out(std::string(LIAISON_SOURCE_DIR) + "/" + relative, std::ios::binary | std::ios::trunc);
  REQUIRE(out.good());
  out << text;
}

core::CivilDate today() { return core::CivilDate{date::year{2026}, date::November, date::day{28}}; }

// Free texts a coordinator would type for this patient, in the patient's language.
struct Texts {
  const char* language;
  const char* metformin_when;
  const char* metformin_for;
  const char* lisinopril_when;
  const char* lisinopril_for;
  const char* reaction;
  const char* goal;
  const char* walk_goal;
  const char* step;
  const char* role;
};

const Texts english{"English",       "twice a day, with breakfast and supper",
                    "diabetes",      "once a day, in the morning",
                    "blood pressure (keep it < 140)", "hives & swelling",
                    "Keep blood sugar in range", "Walk 20 minutes a day",
                    "Check blood sugar before breakfast", "primary care"};
const Texts spanish{"español",       "dos veces al día, con el desayuno y la cena",
                    "diabetes",      "una vez al día, por la mañana",
                    "presión arterial (mantenerla < 140)", "ronchas e hinchazón",
                    "Mantener el azúcar en la sangre en el rango", "Caminar 20 minutos al día",
                    "Medirse el azúcar antes del desayuno", "médica de cabecera"};

// The model fixture's patient with a full handout's worth of records, and records it must leave out.
struct HandoutFixture : model_test::Fixture {
  explicit HandoutFixture(const Texts& t) {
    update(EntityType::Patient, ids["$patient"], json{{"language", t.language}});
    update(EntityType::Practitioner, ids["$practitioner"], json{{"phones", {"(555) 201-0100"}}, {"email", "rdiaz@clinic.example"}});
    update(EntityType::CareTeamMember, ids["$care_team_member"], json{{"role", t.role}, {"lead", true}});
    ids["$home_health"] = add(EntityType::Organization, json{{"name", "Prairie Home Health & Hospice"},
                                                             {"kind", "home_health"}, {"phone", "555-201-0199"}});
    add(EntityType::CareTeamMember, json{{"patient", ids["$patient"]}, {"organization", ids["$home_health"]},
                                         {"role", "home nursing"}});
    add(EntityType::CareTeamMember, json{{"patient", ids["$patient"]}, {"organization", ids["$home_health"]},
                                         {"role", "former team"}, {"start_date", "2025-01-01"}, {"end_date", "2026-06-30"}});

    add(EntityType::Medication, json{{"patient", ids["$patient"]}, {"name", "Metformin"}, {"dose", "500 mg"},
                                     {"route", "oral"}, {"frequency", t.metformin_when}, {"indication", t.metformin_for}});
    add(EntityType::Medication, json{{"patient", ids["$patient"]}, {"name", "Lisinopril"}, {"dose", "10 mg"},
                                     {"route", "oral"}, {"frequency", t.lisinopril_when}, {"indication", t.lisinopril_for}});
    add(EntityType::Medication, json{{"patient", ids["$patient"]}, {"name", "Insulin glargine"}, {"dose", "10 units"},
                                     {"route", "subcutaneous"}, {"frequency", "at bedtime"}, {"status", "stopped"}});

    add(EntityType::Allergy, json{{"patient", ids["$patient"]}, {"substance", "Penicillin"}, {"reaction", t.reaction}});
    add(EntityType::Allergy, json{{"patient", ids["$patient"]}, {"substance", "Latex"}, {"verification", "refuted"}});

    add(EntityType::Appointment, json{{"patient", ids["$patient"]}, {"practitioner", ids["$practitioner"]},
                                      {"type", "office_visit"}, {"status", "booked"}, {"location", "Main St. Clinic"},
                                      {"start", "2026-12-01T09:30"}, {"end", "2026-12-01T10:00"}});
    add(EntityType::Appointment, json{{"patient", ids["$patient"]}, {"type", "lab"}, {"status", "confirmed"},
                                      {"start", "2026-12-15T14:00"}, {"end", "2026-12-15T14:15"}});
    add(EntityType::Appointment, json{{"patient", ids["$patient"]}, {"type", "procedure"}, {"status", "cancelled"},
                                      {"start", "2026-12-03T08:00"}, {"end", "2026-12-03T09:00"}});
    add(EntityType::Appointment, json{{"patient", ids["$patient"]}, {"type", "office_visit"}, {"status", "completed"},
                                      {"start", "2026-11-20T09:00"}, {"end", "2026-11-20T09:30"}});

    update(EntityType::Goal, ids["$goal"], json{{"description", t.goal}, {"measure", "HbA1c"}, {"target", "< 7.0 %"},
                                                {"due_date", "2027-03-01"}, {"status", "active"}});
    add(EntityType::Goal, json{{"patient", ids["$patient"]}, {"description", t.walk_goal}, {"status", "proposed"}});
    add(EntityType::Goal, json{{"patient", ids["$patient"]}, {"description", "Stop smoking"}, {"status", "achieved"}});
    add(EntityType::Intervention, json{{"patient", ids["$patient"]}, {"description", t.step},
                                       {"responsible", ids["$care_team_member"]}, {"due_date", "2026-12-05"}});
    add(EntityType::Intervention, json{{"patient", ids["$patient"]}, {"description", "Old step"}, {"status", "done"}});
  }

  std::string add(EntityType type, json fields) { return create(type, std::move(fields)); }
  void update(EntityType type, const std::string& id, json fields) {
    auto done = session->commit(core::UpdateRecord{type, id, std::move(fields)});
    REQUIRE(done);
  }
};

void check_golden(const Texts& texts, const char* language) {
  HandoutFixture f(texts);
  const core::Patient& patient = *f.session->state().find(core::Id<core::Patient>{f.ids["$patient"]});
  REQUIRE(core::handout_language(patient) == language);
  const std::string template_text = read_source_file(std::string("assets/handout/") + language + ".html");
  auto rendered = core::render_handout(f.session->state(), patient.id, template_text, today());
  REQUIRE_MESSAGE(rendered, rendered.error().message);
  const std::string golden = std::string("tests/core/golden/handout_") + language + ".html";
  const char* update = std::getenv("LIAISON_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    write_source_file(golden, rendered.value());
    MESSAGE("rewrote " << golden);
    return;
  }
  CHECK(rendered.value() == read_source_file(golden));
}

}  // namespace

TEST_CASE("handout: the language follows the patient's preferred language") {
  struct Row {
    const char* preferred;
    const char* language;
  };
  const std::vector<Row> rows = {
      {"es", "es"},       {"ES", "es"},      {"es-MX", "es"},   {"Spanish", "es"}, {"spanish", "es"},
      {"español", "es"},  {"Español", "es"}, {"ESPAÑOL", "es"}, {" Spanish ", "es"},
      {"", "en"},         {"English", "en"}, {"en", "en"},      {"French", "en"},  {"estonian", "en"},
      {"Portuguese", "en"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.preferred);
    core::Patient p;
    p.language = row.preferred;
    CHECK(core::handout_language(p) == row.language);
  }
}

TEST_CASE("handout: the template engine escapes values and fills sections") {
  const json data = {{"name", "Ana <\"Annie\"> O'Neil & co"},
                     {"empty", ""},
                     {"items", {{{"n", "a<b"}, {"note", "x"}}, {{"n", "c"}, {"note", ""}}}},
                     {"none", json::array()},
                     {"tags", {"t1", "t&2"}}};
  struct Row {
    const char* text;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {"Hi {{name}}!", "Hi Ana &lt;&quot;Annie&quot;&gt; O&#39;Neil &amp; co!"},
      {"{{ name }}", "Ana &lt;&quot;Annie&quot;&gt; O&#39;Neil &amp; co"},
      {"[{{#items}}{{n}}{{#note}}({{note}}){{/note}};{{/items}}]", "[a&lt;b(x);c;]"},
      {"[{{#none}}x{{/none}}{{^none}}nothing{{/none}}]", "[nothing]"},
      {"[{{^items}}nothing{{/items}}]", "[]"},
      {"[{{#empty}}shown{{/empty}}{{^empty}}hidden{{/empty}}]", "[hidden]"},
      {"[{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}]", "[absent]"},
      {"{{#items}}{{name}}|{{/items}}", "Ana &lt;&quot;Annie&quot;&gt; O&#39;Neil &amp; co|Ana &lt;&quot;Annie&quot;&gt; O&#39;Neil &amp; co|"},
      {"{{#tags}}<{{.}}>{{/tags}}", "<t1><t&amp;2>"},
      {"no placeholders & <b>markup</b> kept", "no placeholders & <b>markup</b> kept"},
      {"a\n  {{#items}}\n{{n}}\n  {{/items}}\nb\n", "a\na&lt;b\nc\nb\n"},  // lines of only a section tag vanish
      {"a {{#items}}{{n}} {{/items}}\n", "a a&lt;b c \n"},                   // a tag inside a line stays
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    auto out = core::render_template(row.text, data);
    REQUIRE_MESSAGE(out, out.error().message);
    CHECK(out.value() == row.expected);
  }
}

TEST_CASE("handout: a bad template is refused with the placeholder named") {
  struct Row {
    const char* text;
    const char* message_part;
  };
  const std::vector<Row> rows = {
      {"Hello {{nmae}}", "{{nmae}}"},
      {"{{#items}}open", "never closes {{#items}}"},
      {"text {{/items}}", "closes {{/items}}"},
      {"half {{name", "no closing }}"},
      {"{{}}", "empty"},
  };
  const json data = {{"name", "x"}, {"items", json::array()}};
  for (const Row& row : rows) {
    CAPTURE(row.text);
    auto out = core::render_template(row.text, data);
    REQUIRE_FALSE(out);
    CHECK(out.error().message.find(row.message_part) != std::string::npos);
  }
}

TEST_CASE("handout: what each section lists and leaves out") {
  HandoutFixture f(english);
  const core::Patient& patient = *f.session->state().find(core::Id<core::Patient>{f.ids["$patient"]});
  const json data = core::handout_data(f.session->state(), patient, today());
  CHECK(data["patient_name"] == "Ada Lovelace");
  CHECK(data["prepared_on"] == "Saturday, November 28, 2026");
  REQUIRE(data["care_team"].size() == 2);  // the former team member is left out
  CHECK(data["care_team"][0]["name"] == "Dr. Rosa Diaz");  // the lead first
  CHECK(data["care_team"][0]["phone"] == "(555) 201-0100");
  CHECK(data["care_team"][1]["phone"] == "555-201-0199");
  REQUIRE(data["medications"].size() == 2);  // not the stopped one
  CHECK(data["medications"][0]["name"] == "Lisinopril");
  CHECK(data["medications"][0]["how"] == "by mouth");
  REQUIRE(data["allergies"].size() == 1);  // not the refuted one
  REQUIRE(data["appointments"].size() == 2);  // not the cancelled or past ones
  CHECK(data["appointments"][0]["date"] == "Tuesday, December 1, 2026");
  CHECK(data["appointments"][0]["time"] == "9:30 AM");
  CHECK(data["appointments"][1]["time"] == "2:00 PM");
  REQUIRE(data["goals"].size() == 2);  // not the achieved one
  CHECK(data["goals"][0]["target"] == "HbA1c < 7.0 %");
  REQUIRE(data["next_steps"].size() == 1);
  CHECK(data["next_steps"][0]["who"] == "Dr. Rosa Diaz");
  CHECK(data["has_goals"] == "yes");
}

TEST_CASE("handout: an unknown patient is refused") {
  model_test::Fixture f;
  auto out = core::render_handout(f.session->state(), core::Id<core::Patient>{"patient-nobody"}, "{{patient_name}}", today());
  REQUIRE_FALSE(out);
  CHECK(out.error().code == core::ErrorCode::NotFound);
}

TEST_CASE("handout: an empty chart still renders, saying each list is empty") {
  model_test::Fixture f;
  const std::string template_text = read_source_file("assets/handout/en.html");
  auto out = core::render_handout(f.session->state(), core::Id<core::Patient>{f.ids["$patient"]}, template_text, today());
  REQUIRE(out);
  for (const char* words : {"No medicines are listed.", "No allergies are listed.", "No appointments are booked.",
                            "No next steps are planned yet."})
    CHECK(out.value().find(words) != std::string::npos);
  CHECK(out.value().find("{{") == std::string::npos);
}

TEST_CASE("handout: the English handout matches its golden file") { check_golden(english, "en"); }

TEST_CASE("handout: the Spanish handout matches its golden file") { check_golden(spanish, "es"); }
