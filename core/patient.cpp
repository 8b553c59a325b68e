#include "patient.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "state.hpp"

namespace core {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxMrn = 40;
constexpr std::size_t kMaxPhone = 40;
constexpr CivilDate kEarliestBirth{date::year{1900}, date::January, date::day{1}};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::optional<std::string> birth_date_problem(const std::string& text, CivilDate today) {
  if (text.empty()) return "Enter the date of birth.";
  auto date = parse_civil_date(text);
  if (!date) return "Use the form YYYY-MM-DD with a real calendar date, e.g. 1948-03-21.";
  if (*date > today) return "The date of birth cannot be in the future.";
  if (*date < kEarliestBirth) return "The date of birth cannot be before 1900-01-01.";
  return std::nullopt;
}

std::optional<std::string> mrn_problem(const std::string& mrn, const State& state) {
  if (mrn.empty()) return std::nullopt;
  if (mrn.size() > kMaxMrn) return "The MRN is longer than 40 characters.";
  bool allowed = std::all_of(mrn.begin(), mrn.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '/';
  });
  if (!allowed) return "Use letters, digits, '-', '.' or '/' in the MRN.";
  if (const Patient* other = state.patient_with_mrn(mrn))
    return "MRN " + mrn + " already belongs to " + other->name + ".";
  return std::nullopt;
}

std::optional<std::string> phone_problem(const std::string& phone) {
  if (phone.empty()) return std::nullopt;
  if (phone.size() > kMaxPhone) return "The phone number is longer than 40 characters.";
  int digit_count = 0;
  for (char c : phone) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digit_count;
    } else if (!std::strchr("+-() .", c)) {
      return "Use digits, spaces and + - ( ) . in the phone number.";
    }
  }
  if (digit_count < 3) return "The phone number needs at least 3 digits.";
  return std::nullopt;
}

}  // namespace

std::string trimmed(const std::string& text) {
  auto first = std::find_if_not(text.begin(), text.end(), is_space);
  auto last = std::find_if_not(text.rbegin(), text.rend(), is_space).base();
  return first < last ? std::string(first, last) : std::string();
}

std::vector<FieldError> validate_new_patient(const PatientDraft& draft, const State& state,
                                             CivilDate today) {
  std::vector<FieldError> errors;
  auto check = [&](const char* field, std::optional<std::string> problem) {
    if (problem) errors.push_back({field, std::move(*problem)});
  };
  std::string name = trimmed(draft.name);
  check("name", name.empty()              ? std::optional<std::string>("Enter the patient's name.")
                : name.size() > kMaxName ? std::optional<std::string>("The name is longer than 200 characters.")
                                         : std::nullopt);
  check("birth_date", birth_date_problem(trimmed(draft.birth_date), today));
  check("mrn", mrn_problem(trimmed(draft.mrn), state));
  check("phone", phone_problem(trimmed(draft.phone)));
  return errors;
}

}  // namespace core
