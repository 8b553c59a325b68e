// Reading the drug-class table and matching a new medication against the patient's allergies.
#include "allergy_check.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/state.hpp"

namespace core {
namespace {

using nlohmann::json;
using Words = std::vector<std::string>;

Error bad_table(const std::string& what) {
  return Error{ErrorCode::Invalid, "The allergy reference table cannot be used: " + what, {}};
}

// Lower-case words, split at anything that is not a letter or digit.
Words words_of(const std::string& text) {
  Words words;
  std::string word;
  for (unsigned char ch : text + " ") {
    if (std::isalnum(ch)) {
      word += static_cast<char>(std::tolower(ch));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// Whether `phrase` appears as consecutive whole words of `text`.
bool has_phrase(const Words& text, const Words& phrase) {
  if (phrase.empty() || phrase.size() > text.size()) return false;
  for (std::size_t i = 0; i + phrase.size() <= text.size(); ++i)
    if (std::equal(phrase.begin(), phrase.end(), text.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

// ---- reading the table ----

std::string describe_class(std::size_t index, const json& entry) {
  std::string where = "class " + std::to_string(index + 1);
  if (entry.is_object() && entry.contains("id") && entry["id"].is_string()) where += " (" + entry["id"].get<std::string>() + ")";
  return where;
}

// A list of non-empty strings, or a problem.
std::string read_names(const json& entry, const char* key, bool required, std::vector<std::string>& out) {
  if (!entry.contains(key)) return required ? std::string("has no \"") + key + "\" list." : "";
  const json& list = entry[key];
  if (!list.is_array()) return std::string("\"") + key + "\" must be a list of names.";
  for (const json& name : list) {
    if (!name.is_string() || words_of(name.get<std::string>()).empty())
      return std::string("\"") + key + "\" must hold only non-empty names.";
    out.push_back(name.get<std::string>());
  }
  if (required && out.empty()) return std::string("\"") + key + "\" is empty.";
  return "";
}

std::string read_text(const json& entry, const char* key, std::string& out) {
  if (!entry.contains(key) || !entry[key].is_string() || entry[key].get<std::string>().empty())
    return std::string("has no \"") + key + "\".";
  out = entry[key].get<std::string>();
  return "";
}

Result<DrugClass> read_class(std::size_t index, const json& entry) {
  const std::string where = describe_class(index, entry);
  if (!entry.is_object()) return bad_table(where + " is not an object.");
  DrugClass c;
  for (std::string problem : {read_text(entry, "id", c.id), read_text(entry, "name", c.name),
                              read_text(entry, "source", c.source), read_names(entry, "members", true, c.members),
                              read_names(entry, "aliases", false, c.aliases),
                              read_names(entry, "cross_reactive", false, c.cross_reactive)})
    if (!problem.empty()) return bad_table(where + " " + problem);
  return c;
}

// Cross-references point at known classes, never at the class itself; ids are unique.
std::string check_references(const AllergyTable& table) {
  std::set<std::string> ids;
  for (const DrugClass& c : table.classes)
    if (!ids.insert(c.id).second) return "the class id \"" + c.id + "\" is used twice.";
  for (const DrugClass& c : table.classes)
    for (const std::string& other : c.cross_reactive) {
      if (other == c.id) return "class " + c.id + " lists itself as cross-reactive.";
      if (!ids.count(other)) return "class " + c.id + " names an unknown cross-reactive class \"" + other + "\".";
    }
  return "";
}

// ---- matching ----

// The table's classes a text names: by a member drug, or (for an allergy) by the class's own name.
struct Named {
  std::set<std::size_t> classes;
  std::set<std::string> members;  // the member drugs it names
};

Named named_in(const AllergyTable& table, const Words& text, bool class_names_count) {
  Named named;
  for (std::size_t i = 0; i < table.classes.size(); ++i) {
    const DrugClass& c = table.classes[i];
    for (const std::string& member : c.members)
      if (has_phrase(text, words_of(member))) {
        named.classes.insert(i);
        named.members.insert(member);
      }
    if (!class_names_count) continue;
    for (const std::string& alias : c.aliases)
      if (has_phrase(text, words_of(alias))) named.classes.insert(i);
  }
  return named;
}

bool lists(const DrugClass& c, const std::string& other_id) {
  return std::find(c.cross_reactive.begin(), c.cross_reactive.end(), other_id) != c.cross_reactive.end();
}

// "a severe allergy to penicillin (reaction: hives)"
std::string allergy_words(const Allergy& a) {
  const std::string noun = a.kind == "intolerance" ? "intolerance" : "allergy";
  const std::string adjective = a.severity.empty() ? "" : a.severity + " ";
  const std::string phrase = adjective + noun;
  std::string words = (phrase[0] == 'a' || phrase[0] == 'i' || phrase[0] == 'e' || phrase[0] == 'o' || phrase[0] == 'u'
                           ? "an "
                           : "a ") +
                      phrase + " to " + a.substance;
  std::vector<std::string> notes;
  if (!a.reaction.empty()) notes.push_back("reaction: " + a.reaction);
  if (a.severity.empty()) notes.push_back("severity not recorded");
  if (a.verification == "unconfirmed") notes.push_back("not confirmed");
  for (std::size_t i = 0; i < notes.size(); ++i) words += (i == 0 ? " (" : ", ") + notes[i];
  return notes.empty() ? words : words + ")";
}

int severity_rank(const std::string& severity) {
  if (severity == "severe") return 0;
  if (severity == "moderate") return 1;
  if (severity == "mild") return 2;
  return 3;
}

std::string joined_sources(const DrugClass& a, const DrugClass& b) {
  return a.source == b.source ? a.source : a.source + " " + b.source;
}

}  // namespace

Result<AllergyTable> parse_allergy_table(const std::string& json_text) {
  json document;
  try {
    document = json::parse(json_text);
  } catch (const json::parse_error& e) {
    return bad_table("it is not valid JSON (near character " + std::to_string(e.byte) + ").");
  }
  if (!document.is_object() || !document.contains("classes") || !document["classes"].is_array())
    return bad_table("it has no \"classes\" list.");
  if (document["classes"].empty()) return bad_table("its \"classes\" list is empty.");
  AllergyTable table;
  for (std::size_t i = 0; i < document["classes"].size(); ++i) {
    auto c = read_class(i, document["classes"][i]);
    if (!c) return c.error();
    table.classes.push_back(std::move(c.value()));
  }
  if (std::string problem = check_references(table); !problem.empty()) return bad_table(problem);
  return table;
}

std::vector<AllergyWarning> allergy_warnings(const AllergyTable& table, const State& state, const Id<Patient>& patient,
                                             const std::string& medication) {
  const Words drug_words = words_of(medication);
  if (drug_words.empty()) return {};
  const Named drug = named_in(table, drug_words, false);
  const std::string check = " Check with the prescriber before adding it.";
  std::vector<AllergyWarning> out;
  for (const Allergy* each : state.records_of<Allergy>(patient)) {
    const Allergy& a = *each;
    if (a.verification == "refuted") continue;
    const Words substance = words_of(a.substance);
    const Named allergy = named_in(table, substance, true);
    AllergyWarning w{a.id, AllergyMatch::SameDrug, a.severity, "", ""};
    bool shared_member = std::any_of(allergy.members.begin(), allergy.members.end(),
                                     [&](const std::string& m) { return drug.members.count(m) > 0; });
    if (!substance.empty() && (substance == drug_words || shared_member)) {
      w.sentence = medication + " matches " + allergy_words(a) + "." + check;
      out.push_back(std::move(w));
      continue;
    }
    const DrugClass* same = nullptr;
    std::pair<const DrugClass*, const DrugClass*> cross{nullptr, nullptr};  // the drug's class, the allergy's
    for (std::size_t d : drug.classes)
      for (std::size_t k : allergy.classes) {
        const DrugClass& dc = table.classes[d];
        const DrugClass& ac = table.classes[k];
        if (d == k && !same) same = &dc;
        if (!cross.first && (lists(dc, ac.id) || lists(ac, dc.id))) cross = {&dc, &ac};
      }
    if (same) {
      w.match = AllergyMatch::SameClass;
      w.sentence = medication + " is one of the " + same->name + ", and the patient has " + allergy_words(a) + "." + check;
      w.source = same->source;
    } else if (cross.first) {
      w.match = AllergyMatch::CrossReactive;
      w.sentence = medication + " is one of the " + cross.first->name + ", which can cross-react with " +
                   cross.second->name + ", and the patient has " + allergy_words(a) + "." + check;
      w.source = joined_sources(*cross.first, *cross.second);
    } else {
      continue;
    }
    out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(), [](const AllergyWarning& x, const AllergyWarning& y) {
    if (x.match != y.match) return x.match < y.match;
    return severity_rank(x.severity) < severity_rank(y.severity);
  });
  return out;
}

}  // namespace core
