// SparseText (core/sparse_text.hpp): one null pointer while empty, its own copy of the text when set.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>

#include "core/sparse_text.hpp"

using core::SparseText;

TEST_CASE("an empty text holds nothing, and setting it to empty lets its value go") {
  CHECK(sizeof(SparseText) == sizeof(void*));
  SparseText notes;
  CHECK(notes.empty());
  CHECK(notes.str().empty());
  CHECK(notes == "");
  notes = "Bring the glucose diary";
  CHECK_FALSE(notes.empty());
  CHECK(notes.size() == 23);
  notes = std::string();
  CHECK(notes.empty());
  CHECK(notes == SparseText());
}

TEST_CASE("a copy is a value of its own: changing one leaves the other as it was") {
  SparseText first("Interpreter needed: Spanish");
  SparseText second = first;
  CHECK(second == first);
  CHECK(second.c_str() != first.c_str());
  second = "Transport booked";
  CHECK(first == "Interpreter needed: Spanish");
  CHECK(second == std::string("Transport booked"));
  SparseText moved = std::move(second);
  CHECK(moved == "Transport booked");
  const SparseText& same = first;
  first = same;  // assigning a text to itself keeps it
  CHECK(first == "Interpreter needed: Spanish");
}

TEST_CASE("texts compare by their words and join and travel in JSON as strings") {
  CHECK(SparseText("every 8 weeks") == SparseText(std::string("every 8 weeks")));
  CHECK_FALSE(SparseText("every 8 weeks") == SparseText("every 8 weeks "));
  CHECK(std::string("Series: ") + SparseText("A1") == "Series: A1");
  CHECK(SparseText("A1") + " of 6" == "A1 of 6");

  const nlohmann::json j = SparseText("Never smoker");
  CHECK(j == "Never smoker");
  CHECK(j.get<SparseText>() == "Never smoker");
  CHECK(nlohmann::json("").get<SparseText>().empty());
}
