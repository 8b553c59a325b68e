// The allergy cross-check: before a medication is added, the patient's recorded allergies are
// compared with it through a reference table of drug classes (assets/allergy_cross_reactivity.json,
// each class with its published source). Core reads no files: the shell passes the table's text.
#pragma once
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace core {

struct Allergy;
struct Patient;
struct State;

struct DrugClass {
  std::string id;                           // e.g. "penicillins"
  std::string name;                         // as sentences say it, e.g. "penicillins"
  std::vector<std::string> aliases;         // what an allergy to the whole class may be written as, e.g. "sulfa"
  std::vector<std::string> members;         // generic drug names
  std::vector<std::string> cross_reactive;  // ids of classes an allergy to this one may extend to
  std::string source;                       // the published source of the entry
};

struct AllergyTable {
  std::vector<DrugClass> classes;
};

// Parses and checks the table: every class has an id (unique), a name, at least one member and a
// source, and names only known classes as cross-reactive. A bad table gives a sentence saying
// what is wrong and where.
Result<AllergyTable> parse_allergy_table(const std::string& json_text);

enum class AllergyMatch {
  SameDrug,       // the allergy is to this drug
  SameClass,      // the allergy is to another drug of its class, or to the class
  CrossReactive,  // the allergy is to a class the table lists as cross-reactive with the drug's
};

struct AllergyWarning {
  Id<Allergy> allergy;
  AllergyMatch match = AllergyMatch::SameDrug;
  std::string severity;  // the allergy's: mild, moderate, severe, or empty when not recorded
  std::string sentence;  // what to show the coordinator
  std::string source;    // the table entry's source, for a class or cross-reactivity warning
};

// Warnings for adding `medication` (a name as typed, e.g. "Amoxicillin 500 mg capsules") for the
// patient: one per live allergy that matches, the closest match kind; refuted allergies are
// ignored. Names match ignoring case, and a table name matches whole words of the text (so
// "trimethoprim-sulfamethoxazole" holds "sulfamethoxazole", while "nystatin" is not "statin").
// Ordered same drug first, then same class, then cross-reactive; severe before moderate before
// mild before unknown.
std::vector<AllergyWarning> allergy_warnings(const AllergyTable& table, const State& state, const Id<Patient>& patient,
                                             const std::string& medication);

}  // namespace core
