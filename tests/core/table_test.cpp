// core::Table: records kept once, ordered and found by their own id, read as (id, record) pairs.
#include <doctest/doctest.h>

#include <iterator>

#include "core/state.hpp"

namespace {

core::Table<core::Note> three_notes() {
  core::Table<core::Note> table;
  for (const char* id : {"note-b", "note-c", "note-a"}) table.find_or_add(core::Id<core::Note>{id}).text = std::string("text of ") + id;
  return table;
}

}  // namespace

TEST_CASE("a table lists its records in id order as (id, record) pairs, each id the record's own") {
  const core::Table<core::Note> table = three_notes();
  std::string order;
  for (const auto& [id, note] : table) {
    CHECK(&id == &note.id);  // the id is not a copy
    CHECK(note.text == "text of " + id.value);
    order += id.value + " ";
  }
  CHECK(order == "note-a note-b note-c ");
  CHECK(table.size() == 3);
  CHECK(table.find(core::Id<core::Note>{"note-b"})->second.text == "text of note-b");
  CHECK(table.find(core::Id<core::Note>{"note-z"}) == table.end());
  CHECK(table.count(core::Id<core::Note>{"note-c"}) == 1);
  CHECK(table.upper_bound(core::Id<core::Note>{"note-a"})->first.value == "note-b");
  CHECK_THROWS_AS(table.at(core::Id<core::Note>{"note-z"}), std::out_of_range);
}

TEST_CASE("find_or_add keeps a record's fields, replace empties them; a changed record stays in place") {
  core::Table<core::Note> table = three_notes();
  core::Note& b = table.find_or_add(core::Id<core::Note>{"note-b"});
  CHECK(b.text == "text of note-b");
  b.kind = "call";
  CHECK(table.at(core::Id<core::Note>{"note-b"}).kind == "call");
  core::Note& again = table.replace(core::Id<core::Note>{"note-b"});
  CHECK(&again == &b);
  CHECK(again.id.value == "note-b");
  CHECK(again.text.empty());
  CHECK(table.replace(core::Id<core::Note>{"note-d"}).id.value == "note-d");  // added at the end
  CHECK(table.replace(core::Id<core::Note>{"note-0"}).id.value == "note-0");  // added at the front
  CHECK(table.begin()->first.value == "note-0");
  CHECK(std::prev(table.end())->first.value == "note-d");
  table.erase(core::Id<core::Note>{"note-0"});
  CHECK(table.size() == 4);
}

TEST_CASE("copying and assigning table iterators never writes through to the records") {
  core::Table<core::Note> table = three_notes();
  const core::Table<core::Note> before = table;
  auto a = table.begin();
  auto b = std::next(a);
  CHECK(a->first.value == "note-a");  // both have built their (id, record) pair
  CHECK(b->first.value == "note-b");
  a = b;  // moves the iterator: note-a is not overwritten with note-b
  CHECK(a->first.value == "note-b");
  auto c = a;
  ++c;
  CHECK(c->first.value == "note-c");
  CHECK(table == before);
  a->second.text = "changed";  // a record reached through a non-const table may change
  CHECK_FALSE(table == before);
  core::Table<core::Note>::const_iterator read_only = a;
  CHECK(read_only->second.text == "changed");
}
