// The RFC 5545 building blocks of the iCalendar export: TEXT escaping and content-line folding.
// Whole calendars are read back by an independent parser in tests/ics/check_icalendar.py.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/scheduling/icalendar.hpp"

using core::escape_ical_text;
using core::fold_content_line;

namespace {

// The physical lines of a folded content line, without their CRLFs.
std::vector<std::string> physical_lines(const std::string& folded) {
  std::vector<std::string> lines;
  REQUIRE(folded.size() >= 2);
  REQUIRE(folded.substr(folded.size() - 2) == "\r\n");
  std::size_t pos = 0;
  for (std::size_t crlf; (crlf = folded.find("\r\n", pos)) != std::string::npos; pos = crlf + 2)
    lines.push_back(folded.substr(pos, crlf - pos));
  return lines;
}

std::string unfold(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += i == 0 ? lines[i] : lines[i].substr(1);
  return out;
}

bool starts_inside_character(const std::string& line, std::size_t at) {
  return at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80;
}

}  // namespace

TEST_CASE("TEXT escaping covers backslash, semicolon, comma and line breaks") {
  CHECK(escape_ical_text("plain text") == "plain text");
  CHECK(escape_ical_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(escape_ical_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(escape_ical_text("tab\tkept, bell\a dropped") == "tab\tkept\\, bell dropped");
  CHECK(escape_ical_text("Zoë 陈") == "Zoë 陈");
}

TEST_CASE("short content lines are not folded") {
  CHECK(fold_content_line("VERSION:2.0") == "VERSION:2.0\r\n");
  std::string exactly75(75, 'x');
  CHECK(fold_content_line(exactly75) == exactly75 + "\r\n");
}

TEST_CASE("long content lines fold at 75 octets, the continuations counting their space") {
  std::string line(75 + 74 + 10, 'x');
  auto lines = physical_lines(fold_content_line(line));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].size() == 75);
  CHECK(lines[1] == " " + std::string(74, 'x'));
  CHECK(lines[2] == " " + std::string(10, 'x'));
  CHECK(unfold(lines) == line);
}

TEST_CASE("folding never splits a UTF-8 character") {
  // Every offset of three- and two-byte characters against the 75-octet limit.
  for (const std::string character : {"中", "ë", "😀"}) {
    for (std::size_t prefix = 0; prefix < 4; ++prefix) {
      std::string line = "DESCRIPTION:" + std::string(prefix, 'a');
      for (int i = 0; i < 60; ++i) line += character;
      auto lines = physical_lines(fold_content_line(line));
      CHECK(unfold(lines) == line);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].size() <= 75);
        CHECK_FALSE(starts_inside_character(lines[i], i == 0 ? 0 : 1));
        if (i > 0) CHECK(lines[i][0] == ' ');
      }
    }
  }
}
