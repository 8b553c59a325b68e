// The allergy cross-check with the real reference table from assets/: each class covered, same
// drug, same class and cross-reactive classes, refuted and deleted allergies ignored, whole-word
// matching, the order of warnings; and a bad table refused with a sentence saying what is wrong.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/clinical/allergy_check.hpp"
#include "model_fixture.hpp"

namespace {

using core::AllergyMatch;
using core::EntityType;
using model_test::Fixture;

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const core::AllergyTable& real_table() {
  static const core::AllergyTable table = [] {
    auto parsed = core::parse_allergy_table(read_text_file(std::string(LIAISON_ASSETS_DIR) + "/allergy_cross_reactivity.json"));
    if (!parsed) FAIL(parsed.error().message);
    return parsed.value();
  }();
  return table;
}

struct AllergyRow {
  const char* substance;
  const char* severity;
  const char* verification;
  const char* medication;
  std::optional<AllergyMatch> expected;  // none: no warning
};

const std::vector<AllergyRow> allergy_rows = {
    // penicillins
    {"Amoxicillin", "severe", "confirmed", "amoxicillin 500 mg capsules", AllergyMatch::SameDrug},
    {"penicillin", "moderate", "confirmed", "Amoxicillin", AllergyMatch::SameClass},
    {"Penicillins", "mild", "", "Dicloxacillin", AllergyMatch::SameClass},
    {"penicillin", "severe", "confirmed", "Amoxicillin-clavulanate", AllergyMatch::SameClass},
    {"penicillin", "severe", "refuted", "Amoxicillin", std::nullopt},
    // cephalosporins, cross-reactive with penicillins both ways
    {"penicillin", "moderate", "confirmed", "Cephalexin", AllergyMatch::CrossReactive},
    {"Cephalosporins", "severe", "unconfirmed", "Ceftriaxone", AllergyMatch::SameClass},
    {"cefazolin", "severe", "confirmed", "ampicillin", AllergyMatch::CrossReactive},
    {"cephalexin", "severe", "refuted", "cefuroxime", std::nullopt},
    // sulfonamide antibiotics; non-antibiotic sulfonamides are not cross-reactive
    {"Sulfa", "moderate", "confirmed", "Trimethoprim-sulfamethoxazole", AllergyMatch::SameClass},
    {"Bactrim (trimethoprim-sulfamethoxazole)", "moderate", "confirmed", "sulfamethoxazole", AllergyMatch::SameDrug},
    {"sulfa drugs", "severe", "confirmed", "Furosemide", std::nullopt},
    {"sulfa", "severe", "refuted", "sulfadiazine", std::nullopt},
    // NSAIDs and aspirin
    {"Aspirin", "severe", "confirmed", "Ibuprofen 400 mg", AllergyMatch::SameClass},
    {"NSAIDs", "moderate", "confirmed", "naproxen", AllergyMatch::SameClass},
    {"ibuprofen", "mild", "confirmed", "Acetaminophen", std::nullopt},
    {"ibuprofen", "mild", "refuted", "naproxen", std::nullopt},
    // opioids
    {"codeine", "moderate", "confirmed", "Morphine sulfate", AllergyMatch::SameClass},
    {"Opioids", "severe", "confirmed", "oxycodone", AllergyMatch::SameClass},
    {"codeine", "moderate", "refuted", "hydrocodone", std::nullopt},
    // ACE inhibitors, and angiotensin receptor blockers after ACE-inhibitor angioedema
    {"Lisinopril", "severe", "confirmed", "enalapril", AllergyMatch::SameClass},
    {"lisinopril", "severe", "confirmed", "Losartan", AllergyMatch::CrossReactive},
    {"ACE inhibitors", "severe", "confirmed", "valsartan", AllergyMatch::CrossReactive},
    {"lisinopril", "severe", "refuted", "ramipril", std::nullopt},
    // statins; whole words only
    {"atorvastatin", "mild", "confirmed", "Simvastatin 20 mg", AllergyMatch::SameClass},
    {"Statins", "mild", "confirmed", "rosuvastatin", AllergyMatch::SameClass},
    {"statin", "mild", "confirmed", "Nystatin oral suspension", std::nullopt},
    {"atorvastatin", "mild", "refuted", "pravastatin", std::nullopt},
    // drugs not in the table match only by name
    {"Gabapentin", "mild", "confirmed", "gabapentin", AllergyMatch::SameDrug},
    {"Gabapentin", "mild", "confirmed", "pregabalin", std::nullopt},
    {"Latex", "severe", "confirmed", "Amoxicillin", std::nullopt},
};

std::string add_allergy(Fixture& f, const std::string& patient, const AllergyRow& row) {
  nlohmann::json fields = {{"patient", patient}, {"substance", row.substance}, {"severity", row.severity}};
  if (*row.verification) fields["verification"] = row.verification;
  return f.create(EntityType::Allergy, fields);
}

std::vector<core::AllergyWarning> warnings(const Fixture& f, const std::string& medication) {
  return core::allergy_warnings(real_table(), f.session->state(), core::Id<core::Patient>{f.ids.at("$patient")}, medication);
}

}  // namespace

TEST_CASE("allergy check: the real table covers the required classes, each with a source") {
  std::vector<std::string> ids;
  for (const core::DrugClass& c : real_table().classes) {
    ids.push_back(c.id);
    CHECK_MESSAGE(c.source.size() > 40, c.id);
  }
  for (const char* required : {"penicillins", "cephalosporins", "sulfonamide_antibiotics", "nsaids_aspirin", "opioids",
                               "ace_inhibitors", "statins"})
    CHECK_MESSAGE(std::count(ids.begin(), ids.end(), required) == 1, required);
}

TEST_CASE("allergy check: same drug, same class and cross-reactive class, for each class") {
  for (const AllergyRow& row : allergy_rows) {
    INFO(row.substance);
    INFO(row.medication);
    INFO(row.verification);
    Fixture f;
    const std::string allergy = add_allergy(f, f.ids["$patient"], row);
    const auto found = warnings(f, row.medication);
    if (!row.expected) {
      CHECK(found.empty());
      continue;
    }
    REQUIRE(found.size() == 1);
    CHECK(found[0].allergy.value == allergy);
    CHECK(found[0].match == *row.expected);
    CHECK(found[0].severity == row.severity);
    CHECK(found[0].sentence.find(row.medication) == 0);
    CHECK(found[0].sentence.find(row.substance) != std::string::npos);
    CHECK(found[0].source.empty() == (*row.expected == AllergyMatch::SameDrug));
  }
}

TEST_CASE("allergy check: the sentences say what matched, how severe, and what to do") {
  Fixture f;
  const std::string p = f.ids["$patient"];
  f.create(EntityType::Allergy, {{"patient", p}, {"substance", "Penicillin"}, {"reaction", "hives"}, {"severity", "severe"}});
  auto found = warnings(f, "Cephalexin");
  REQUIRE(found.size() == 1);
  CHECK(found[0].sentence ==
        "Cephalexin is one of the cephalosporins, which can cross-react with penicillins, and the patient has a severe "
        "allergy to Penicillin (reaction: hives). Check with the prescriber before adding it.");
  CHECK(found[0].source.find("Khan DA") != std::string::npos);

  Fixture g;
  g.create(EntityType::Allergy, {{"patient", g.ids["$patient"]}, {"substance", "atorvastatin"}, {"kind", "intolerance"},
                                 {"verification", "unconfirmed"}});
  found = warnings(g, "Simvastatin");
  REQUIRE(found.size() == 1);
  CHECK(found[0].sentence ==
        "Simvastatin is one of the statins, and the patient has an intolerance to atorvastatin (severity not recorded, "
        "not confirmed). Check with the prescriber before adding it.");

  Fixture h;
  h.create(EntityType::Allergy, {{"patient", h.ids["$patient"]}, {"substance", "Ibuprofen"}, {"severity", "moderate"}});
  found = warnings(h, "ibuprofen");
  REQUIRE(found.size() == 1);
  CHECK(found[0].sentence ==
        "ibuprofen matches a moderate allergy to Ibuprofen. Check with the prescriber before adding it.");
}

TEST_CASE("allergy check: one warning per allergy, closest match and most severe first, other records ignored") {
  Fixture f;
  const std::string p = f.ids["$patient"];
  const std::string other = f.create(EntityType::Patient, {{"given_name", "Tom"}, {"family_name", "Baker"},
                                                           {"birth_date", "1961-07-15"}});
  const std::string cross_mild = f.create(EntityType::Allergy, {{"patient", p}, {"substance", "cefazolin"}, {"severity", "mild"}});
  const std::string class_unknown = f.create(EntityType::Allergy, {{"patient", p}, {"substance", "penicillin"}});
  const std::string class_severe = f.create(EntityType::Allergy, {{"patient", p}, {"substance", "ampicillin"}, {"severity", "severe"}});
  const std::string same = f.create(EntityType::Allergy, {{"patient", p}, {"substance", "AMOXICILLIN"}, {"severity", "mild"}});
  const std::string deleted = f.create(EntityType::Allergy, {{"patient", p}, {"substance", "amoxicillin"}, {"severity", "severe"}});
  REQUIRE(f.session->commit(core::DeleteRecord{EntityType::Allergy, deleted}));
  f.create(EntityType::Allergy, {{"patient", other}, {"substance", "amoxicillin"}, {"severity", "severe"}});

  const auto found = warnings(f, "Amoxicillin 875 mg");
  std::vector<std::string> order;
  for (const auto& w : found) order.push_back(w.allergy.value);
  CHECK(order == std::vector<std::string>{same, class_severe, class_unknown, cross_mild});
  CHECK(warnings(f, "").empty());
  CHECK(warnings(f, "  -  ").empty());
}

TEST_CASE("allergy check: a bad table is refused with a sentence saying what is wrong") {
  const std::string good_class = R"({"id": "statins", "name": "statins", "members": ["simvastatin"], "source": "AHA 2019"})";
  struct BadTable {
    std::string text;
    const char* message;
  };
  const std::vector<BadTable> rows = {
      {"{\"classes\": [", "it is not valid JSON (near character"},
      {"[]", "it has no \"classes\" list."},
      {R"({"classes": {}})", "it has no \"classes\" list."},
      {R"({"classes": []})", "its \"classes\" list is empty."},
      {R"({"classes": [42]})", "class 1 is not an object."},
      {R"({"classes": [{"name": "x", "members": ["a"], "source": "s"}]})", "class 1 has no \"id\"."},
      {R"({"classes": [)" + good_class + R"(, {"id": "opioids", "name": "opioids", "members": ["codeine"]}]})",
       "class 2 (opioids) has no \"source\"."},
      {R"({"classes": [{"id": "a", "name": "a", "source": "s"}]})", "class 1 (a) has no \"members\" list."},
      {R"({"classes": [{"id": "a", "name": "a", "source": "s", "members": []}]})", "class 1 (a) \"members\" is empty."},
      {R"({"classes": [{"id": "a", "name": "a", "source": "s", "members": "codeine"}]})",
       "class 1 (a) \"members\" must be a list of names."},
      {R"({"classes": [{"id": "a", "name": "a", "source": "s", "members": ["codeine", ""]}]})",
       "class 1 (a) \"members\" must hold only non-empty names."},
      {R"({"classes": [)" + good_class + "," + good_class + "]}", "the class id \"statins\" is used twice."},
      {R"({"classes": [{"id": "a", "name": "a", "source": "s", "members": ["x"], "cross_reactive": ["b"]}]})",
       "class a names an unknown cross-reactive class \"b\"."},
      {R"({"classes": [{"id": "a", "name": "a", "source": "s", "members": ["x"], "cross_reactive": ["a"]}]})",
       "class a lists itself as cross-reactive."},
  };
  for (const BadTable& row : rows) {
    INFO(row.text);
    auto parsed = core::parse_allergy_table(row.text);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == core::ErrorCode::Invalid);
    CAPTURE(parsed.error().message);
    CHECK(parsed.error().message.find("The allergy reference table cannot be used: " + std::string(row.message)) == 0);
  }
  CHECK(core::parse_allergy_table(R"({"classes": [)" + good_class + "]}"));
}
