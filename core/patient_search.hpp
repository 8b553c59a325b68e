// Search-as-you-type over the whole panel: a patient matches when every word typed is found in
// their name, MRN, a phone number (digits only, so "555-0142" finds "555 0142") or date of birth
// ("1950-05" or "19500501"). Built once from a State; each keystroke that extends the previous
// query filters only the previous matches, so typing stays fast at 50,000 patients. Results come
// in the order lists show patients: by display name, then id.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/patient.hpp"

namespace core {

struct State;

class PatientSearch {
 public:
  // Indexes the live patients of `state`; rebuild it after the patients change.
  explicit PatientSearch(const State& state);

  // The patients matching `query` (case-insensitive), at most `limit`. An empty query matches no one.
  std::vector<const Patient*> type(std::string_view query, std::size_t limit = 50);
  // How many patients matched the last query in all (not only the first `limit`).
  std::size_t match_count() const { return matches_.size(); }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    const Patient* patient;
    std::string text;  // lower-case name words, MRN, phone digits and birth date, separated by '\n'
  };
  std::vector<Entry> entries_;
  std::vector<std::string> last_needles_;  // what the last query looked for
  std::vector<std::size_t> matches_;  // indexes into entries_ matching the last query
};

}  // namespace core
