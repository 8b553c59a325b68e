// Search-as-you-type over the panel (see the header): one lower-case text per patient, and the
// previous keystroke's matches reused when the query only grew.
#include "core/patient_search.hpp"

#include <algorithm>
#include <cctype>

#include "core/state.hpp"

namespace core {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text)
    if (is_digit(c)) out += c;
  return out;
}

// The words of a query, lower-cased and separated by spaces or commas ("Garcia, Ana").
std::vector<std::string> words_of(std::string_view query) {
  std::vector<std::string> words;
  std::string word;
  for (char c : query) {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += lower(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// A word written like a phone number or date ("555-0142", "(312)", "1950/05") is looked for by its
// digits alone; any other word as typed.
std::string needle(const std::string& word) {
  std::string digits;
  for (char c : word) {
    if (is_digit(c)) digits += c;
    else if (std::string_view("-()./+").find(c) == std::string_view::npos) return word;
  }
  return digits.empty() ? word : digits;
}

std::string search_text(const Patient& p) {
  std::string text;
  for (const std::string* part : {&p.given_name, &p.family_name, &p.preferred_name, &p.mrn}) {
    for (char c : *part) text += lower(c);
    text += '\n';
  }
  for (const std::string& phone : p.phones) text += digits_of(phone) + '\n';
  if (p.birth_date) {
    const std::string birth = format_civil_date(*p.birth_date);
    text += birth + '\n' + digits_of(birth) + '\n';
  }
  return text;
}

bool matches(const std::string& text, const std::vector<std::string>& needles) {
  for (const std::string& n : needles)
    if (text.find(n) == std::string::npos) return false;
  return true;
}

}  // namespace

PatientSearch::PatientSearch(const State& state) {
  const std::vector<const Patient*> ordered = state.patients_by_name();
  entries_.reserve(ordered.size());
  for (const Patient* p : ordered) entries_.push_back({p, search_text(*p)});
}

std::vector<const Patient*> PatientSearch::type(std::string_view query, std::size_t limit) {
  std::vector<std::string> needles;
  for (const std::string& word : words_of(query)) needles.push_back(needle(word));
  // The previous matches are a superset when every earlier needle is kept and the last one only
  // grew around itself (a patient holding the new needles then holds the old ones).
  bool narrows = !last_needles_.empty() && needles.size() >= last_needles_.size();
  for (std::size_t k = 0; narrows && k < last_needles_.size(); ++k)
    narrows = k + 1 < last_needles_.size() ? needles[k] == last_needles_[k]
                                           : needles[k].find(last_needles_[k]) != std::string::npos;
  std::vector<std::size_t> next;
  if (needles.empty()) {
    // nothing typed: no matches
  } else if (narrows) {
    for (std::size_t i : matches_)
      if (matches(entries_[i].text, needles)) next.push_back(i);
  } else {
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if (matches(entries_[i].text, needles)) next.push_back(i);
  }
  matches_ = std::move(next);
  last_needles_ = std::move(needles);
  std::vector<const Patient*> out;
  for (std::size_t k = 0; k < matches_.size() && out.size() < limit; ++k) out.push_back(entries_[matches_[k]].patient);
  return out;
}

}  // namespace core
