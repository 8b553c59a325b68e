#include "schema.hpp"

#include <cctype>
#include <cmath>
#include <cstring>

namespace core {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// Valid UTF-8 without control characters other than tab and newline.
bool is_clean_text(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\n' && c != '\t') return false;
      if (c == 0x7F) return false;
      ++i;
      continue;
    }
    int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return false;
    if (extra == 1 && c < 0xC2) return false;  // overlong
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

}  // namespace

bool is_empty_value(const json& v) {
  return v.is_null() || (v.is_string() && trim(v.get_ref<const std::string&>()).empty()) ||
         (v.is_array() && v.empty());
}

std::string a_or_an(const std::string& label) {
  return (!label.empty() && std::strchr("aeiouAEIOU", label[0]) ? "an " : "a ") + label;
}

Checked check_text(const json& v, const std::string& label, std::size_t max_length) {
  if (!v.is_string()) return {nullptr, capitalised(label) + " must be text."};
  std::string text = trim(v.get_ref<const std::string&>());
  if (!is_clean_text(text)) return {nullptr, capitalised(label) + " contains characters that are not allowed."};
  if (text.size() > max_length)
    return {nullptr, capitalised(label) + " is longer than " + std::to_string(max_length) + " characters."};
  return {text.empty() ? json(nullptr) : json(text), ""};
}

Checked check_date(const json& v, const std::string& label) {
  if (!v.is_string()) return {nullptr, capitalised(label) + " must be a date (YYYY-MM-DD)."};
  std::string text = trim(v.get_ref<const std::string&>());
  if (!parse_civil_date(text))
    return {nullptr, "Use the form YYYY-MM-DD with a real calendar date for the " + label + ", e.g. 1948-03-21."};
  return {text, ""};
}

Checked check_date_time(const json& v, const std::string& label) {
  const std::string example = "Use the form YYYY-MM-DDTHH:MM for the " + label + ", e.g. 2026-03-04T09:30.";
  if (!v.is_string()) return {nullptr, example};
  std::string text = trim(v.get_ref<const std::string&>());
  if (text.size() != 16 || text[10] != 'T' || text[13] != ':' || !parse_civil_date(text.substr(0, 10)))
    return {nullptr, example};
  if (!std::isdigit(static_cast<unsigned char>(text[11])) || !std::isdigit(static_cast<unsigned char>(text[12])) ||
      !std::isdigit(static_cast<unsigned char>(text[14])) || !std::isdigit(static_cast<unsigned char>(text[15])))
    return {nullptr, example};
  int hour = (text[11] - '0') * 10 + (text[12] - '0');
  int minute = (text[14] - '0') * 10 + (text[15] - '0');
  if (hour > 23 || minute > 59) return {nullptr, example};
  return {text, ""};
}

Checked check_choice(const json& v, const std::string& label, const std::vector<std::string>& options) {
  if (v.is_string()) {
    std::string text = trim(v.get_ref<const std::string&>());
    for (const auto& o : options)
      if (o == text) return {text, ""};
  }
  std::string list;
  for (std::size_t i = 0; i < options.size(); ++i) list += (i ? ", " : "") + options[i];
  return {nullptr, "Choose the " + label + " from: " + list + "."};
}

Checked check_number(const json& v, const std::string& label, double min, double max, bool integer) {
  double value = 0;
  if (v.is_number()) {
    value = v.get<double>();
  } else if (v.is_string()) {
    std::string text = trim(v.get_ref<const std::string&>());
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size()) return {nullptr, capitalised(label) + " must be a number."};
  } else {
    return {nullptr, capitalised(label) + " must be a number."};
  }
  if (!std::isfinite(value)) return {nullptr, capitalised(label) + " must be a number."};
  if (integer && value != std::floor(value)) return {nullptr, capitalised(label) + " must be a whole number."};
  auto shown = [&](double x) {
    char out[32];
    std::snprintf(out, sizeof out, "%g", x);
    return std::string(out);
  };
  if (value < min || value > max)
    return {nullptr, capitalised(label) + " must be between " + shown(min) + " and " + shown(max) + "."};
  return {integer ? json(static_cast<long long>(value)) : json(value), ""};
}

Checked check_flag(const json& v, const std::string& label) {
  if (v.is_boolean()) return {v, ""};
  return {nullptr, capitalised(label) + " must be yes or no."};
}

Checked check_phone(const json& v, const std::string& label) {
  Checked c = check_text(v, label, 40);
  if (!c.problem.empty() || c.value.is_null()) return c;
  int digits = 0;
  for (char ch : c.value.get_ref<const std::string&>()) {
    if (std::isdigit(static_cast<unsigned char>(ch))) ++digits;
    else if (!std::strchr("+-() .", ch)) return {nullptr, "Use digits, spaces and + - ( ) . in the " + label + "."};
  }
  if (digits < 3) return {nullptr, capitalised(label) + " needs at least 3 digits."};
  return c;
}

Checked check_email(const json& v, const std::string& label) {
  Checked c = check_text(v, label, 254);
  if (!c.problem.empty() || c.value.is_null()) return c;
  const std::string& s = c.value.get_ref<const std::string&>();
  std::size_t at = s.find('@');
  bool ok = at != std::string::npos && at > 0 && s.find('@', at + 1) == std::string::npos &&
            s.find('.', at) != std::string::npos && s.back() != '.' && s.find(' ') == std::string::npos;
  if (!ok) return {nullptr, capitalised(label) + " does not look like an email address (name@example.org)."};
  return c;
}

Checked check_code(const json& v, const std::string& label) {
  Checked c = check_text(v, label, 40);
  if (!c.problem.empty() || c.value.is_null()) return c;
  for (char ch : c.value.get_ref<const std::string&>())
    if (!std::isalnum(static_cast<unsigned char>(ch)) && !std::strchr("-./", ch))
      return {nullptr, "Use letters, digits, '-', '.' or '/' in the " + label + "."};
  return c;
}

// ICD-10(-CM) code shape: a letter, two characters (digits, or a digit and a letter), then
// optionally a dot and one to four characters, e.g. E11.9, I50.22, S72.001A.
Checked check_icd10(const json& v, const std::string& label) {
  Checked c = check_text(v, label, 10);
  if (!c.problem.empty() || c.value.is_null()) return c;
  std::string s = c.value.get<std::string>();
  for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto alnum = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
  bool ok = s.size() >= 3 && std::isalpha(static_cast<unsigned char>(s[0])) &&
            std::isdigit(static_cast<unsigned char>(s[1])) && alnum(s[2]);
  if (ok && s.size() > 3) {
    ok = s[3] == '.' && s.size() >= 5 && s.size() <= 8;
    for (std::size_t i = 4; ok && i < s.size(); ++i) ok = alnum(s[i]);
  }
  if (!ok) return {nullptr, "\"" + c.value.get<std::string>() + "\" is not an ICD-10 code (for example E11.9)."};
  return {s, ""};
}

}  // namespace core
