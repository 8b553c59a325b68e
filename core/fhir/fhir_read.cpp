// Reading values out of a FHIR resource with their JSON path; see fhir_read.hpp.
#include "fhir_read.hpp"

#include <cmath>
#include <cstdio>

#include "core/civil_date.hpp"

namespace core::fhir {
namespace {

using nlohmann::json;

bool digits(const std::string& s, std::size_t from, std::size_t count) {
  if (from + count > s.size()) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number_at(const std::string& s, std::size_t from, std::size_t count) {
  int n = 0;
  for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

// Splits a FHIR date or dateTime into its date ("YYYY-MM-DD", partial ones completed) and its
// wall time ("HH:MM", empty when there is none); false when it is not one.
bool split_fhir_date(const std::string& s, std::string& date, std::string& time) {
  std::string d;
  if (s.size() == 4 && digits(s, 0, 4)) d = s + "-01-01";
  else if (s.size() == 7 && digits(s, 0, 4) && s[4] == '-' && digits(s, 5, 2)) d = s + "-01";
  else if (s.size() >= 10 && digits(s, 0, 4) && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' && digits(s, 8, 2)) d = s.substr(0, 10);
  else return false;
  if (!parse_civil_date(d)) return false;
  time.clear();
  if (s.size() > 10) {
    // Thh:mm[:ss[.f+]] then Z or +hh:mm / -hh:mm (R4 wants the zone; its absence is tolerated).
    if (s[10] != 'T' || !digits(s, 11, 2) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2)) return false;
    if (number_at(s, 11, 2) > 23 || number_at(s, 14, 2) > 59) return false;
    std::size_t i = 16;
    if (i < s.size() && s[i] == ':') {
      if (!digits(s, i + 1, 2) || number_at(s, i + 1, 2) > 60) return false;
      i += 3;
      if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        if (j == i + 1) return false;
        i = j;
      }
    }
    if (i < s.size()) {
      if (s[i] == 'Z') ++i;
      else if ((s[i] == '+' || s[i] == '-') && digits(s, i + 1, 2) && i + 3 < s.size() && s[i + 3] == ':' &&
               digits(s, i + 4, 2) && number_at(s, i + 1, 2) <= 14 && number_at(s, i + 4, 2) <= 59)
        i += 6;
      else return false;
    }
    if (i != s.size()) return false;
    time = s.substr(11, 5);
  }
  date = d;
  return true;
}

}  // namespace

Node Node::operator[](const char* key) const {
  if (!present()) return Node(nullptr, path_ + "/" + key);
  if (!value_->is_object()) fail("expected an object");
  auto it = value_->find(key);
  return Node(it == value_->end() ? nullptr : &*it, path_ + "/" + key);
}

std::vector<Node> Node::list() const {
  std::vector<Node> out;
  if (!present()) return out;
  if (!value_->is_array()) fail("expected a list");
  for (std::size_t i = 0; i < value_->size(); ++i) out.emplace_back(&(*value_)[i], path_ + "/" + std::to_string(i));
  return out;
}

Node Node::first() const {
  auto items = list();
  return items.empty() ? Node(nullptr, path_ + "/0") : items.front();
}

std::string Node::text() const {
  if (!present()) return "";
  if (!value_->is_string()) fail("expected text");
  return value_->get<std::string>();
}

std::optional<double> Node::number() const {
  if (!present()) return std::nullopt;
  if (!value_->is_number()) fail("expected a number");
  double v = value_->get<double>();
  if (!std::isfinite(v)) fail("the number is too large");
  return v;
}

std::optional<bool> Node::flag() const {
  if (!present()) return std::nullopt;
  if (!value_->is_boolean()) fail("expected true or false");
  return value_->get<bool>();
}

std::string read_date(const Node& n) {
  std::string text = n.text(), date, time;
  if (text.empty()) return "";
  if (!split_fhir_date(text, date, time)) n.fail("\"" + clip(text, 40) + "\" is not a valid FHIR date");
  return date;
}

std::string read_date_time(const Node& n) {
  std::string text = n.text(), date, time;
  if (text.empty()) return "";
  if (!split_fhir_date(text, date, time)) n.fail("\"" + clip(text, 40) + "\" is not a valid FHIR date");
  return date + "T" + (time.empty() ? "00:00" : time);
}

std::string concept_text(const Node& codeable) {
  if (!codeable.present()) return "";
  std::string text = codeable["text"].text();
  if (!text.empty()) return text;
  for (const Node& coding : codeable["coding"].list()) {
    std::string display = coding["display"].text();
    if (!display.empty()) return display;
  }
  for (const Node& coding : codeable["coding"].list()) {
    std::string code = coding["code"].text();
    if (!code.empty()) return code;
  }
  return "";
}

std::string concept_code(const Node& codeable, const std::string& system) {
  for (const Node& coding : codeable["coding"].list())
    if (system.empty() || coding["system"].text() == system) {
      std::string code = coding["code"].text();
      if (!code.empty()) return code;
    }
  return "";
}

std::string name_text(const Node& name) {
  if (!name.present()) return "";
  std::string text = name["text"].text();
  if (!text.empty()) return text;
  std::string out;
  for (const Node& g : name["given"].list()) {
    std::string part = g.text();
    if (!part.empty()) out += (out.empty() ? "" : " ") + part;
  }
  std::string family = name["family"].text();
  if (!family.empty()) out += (out.empty() ? "" : " ") + family;
  return out;
}

std::string quantity_text(const Node& quantity) {
  if (!quantity.present()) return "";
  std::string out;
  if (auto v = quantity["value"].number()) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%g", *v);
    out = buffer;
  }
  std::string unit = quantity["unit"].text();
  if (unit.empty()) unit = quantity["code"].text();
  if (!unit.empty()) out += (out.empty() ? "" : " ") + unit;
  return out;
}

std::string clip(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace core::fhir
