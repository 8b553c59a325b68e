// core::Table: records kept once, ordered and found by their own id, read as (id, record) pairs.
#include <doctest/doctest.h>

#include <cstdio>
#include <iterator>
#include <set>
#include <string>
#include <vector>

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

TEST_CASE("take_all moves another table's records in, each record staying where it is in memory") {
  core::Table<core::Note> table = three_notes();
  core::Table<core::Note> later;
  later.find_or_add(core::Id<core::Note>{"note-e"}).text = "e";
  const core::Note* d = &later.find_or_add(core::Id<core::Note>{"note-d"});
  table.take_all(std::move(later));
  CHECK(later.empty());
  CHECK(table.size() == 5);
  CHECK(&table.at(core::Id<core::Note>{"note-d"}) == d);  // whole blocks moved, not the records
  table.find_or_add(core::Id<core::Note>{"note-f"});        // the moved block takes more records
  std::string order;
  for (const auto& [id, note] : table) order += id.value + " ";
  CHECK(order == "note-a note-b note-c note-d note-e note-f ");

  // Ids that are not all after this table's: each record is put in its place, a repeated id
  // replacing the record that had it, as replace() would.
  core::Table<core::Note> overlapping;
  overlapping.find_or_add(core::Id<core::Note>{"note-0"}).text = "first";
  overlapping.find_or_add(core::Id<core::Note>{"note-b"}).kind = "call";
  const core::Note* b = &table.at(core::Id<core::Note>{"note-b"});
  table.take_all(std::move(overlapping));
  CHECK(overlapping.empty());
  CHECK(table.size() == 7);
  CHECK(&table.at(core::Id<core::Note>{"note-b"}) == b);
  CHECK(b->kind == "call");
  CHECK(b->text.empty());
  CHECK(table.begin()->second.text == "first");
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

// Thousands of records, so that blocks fill, split and empty: after every kind of change the table
// must read as a sorted set of the same ids would, forwards and backwards, and find each one.
TEST_CASE("a large table keeps id order and finds every record through adds in any order, splits and erases") {
  core::Table<core::Note> table;
  std::set<std::string> model;
  auto id_of = [](unsigned n) {
    char text[16];
    std::snprintf(text, sizeof text, "note-%05u", n);
    return std::string(text);
  };
  auto check_against_model = [&] {
    REQUIRE(table.size() == model.size());
    auto expected = model.begin();
    for (const auto& [id, note] : table) {
      REQUIRE(expected != model.end());
      REQUIRE(id.value == *expected);
      CHECK(note.text == "text of " + id.value);
      ++expected;
    }
    CHECK(expected == model.end());
    auto backwards = model.rbegin();
    for (auto it = table.end(); it != table.begin();) {
      --it;
      REQUIRE(it->first.value == *backwards++);
    }
    for (unsigned n = 0; n < 9000; n += 7) {
      const core::Id<core::Note> id{id_of(n)};
      const bool held = model.count(id.value) > 0;
      CHECK(table.count(id) == (held ? 1u : 0u));
      CHECK((table.find(id) != table.end()) == held);
      auto after = model.upper_bound(id.value);
      auto table_after = table.upper_bound(id);
      CHECK((table_after == table.end()) == (after == model.end()));
      if (after != model.end() && table_after != table.end()) CHECK(table_after->first.value == *after);
    }
  };

  // Appended in id order, as a snapshot is read: 4,000 records fill four blocks.
  std::vector<const core::Note*> addresses;
  for (unsigned n = 0; n < 8000; n += 2) {
    core::Note& note = table.replace(core::Id<core::Note>{id_of(n)});
    note.text = "text of " + id_of(n);
    model.insert(id_of(n));
    addresses.push_back(&note);
  }
  check_against_model();

  // Added in between, in a scrambled order, so that full blocks split.
  for (unsigned k = 0; k < 4000; ++k) {
    const unsigned n = (k * 7919u) % 8000u | 1u;  // odd: between the records above
    table.find_or_add(core::Id<core::Note>{id_of(n)}).text = "text of " + id_of(n);
    model.insert(id_of(n));
  }
  table.find_or_add(core::Id<core::Note>{id_of(8500)}).text = "text of " + id_of(8500);  // after every other
  model.insert(id_of(8500));
  check_against_model();
  for (unsigned n = 0; n < 8000; n += 2) CHECK(&table.at(core::Id<core::Note>{id_of(n)}) == addresses[n / 2]);  // never moved

  // Erased, whole runs of them, so that blocks empty and go.
  for (unsigned n = 1000; n < 5000; ++n) {
    table.erase(core::Id<core::Note>{id_of(n)});
    model.erase(id_of(n));
  }
  table.erase(core::Id<core::Note>{id_of(99999)});  // not there: nothing happens
  check_against_model();

  // Some added again, into the places the erased ones left: the records still held stay put.
  for (unsigned n = 1000; n < 2000; ++n) {
    table.replace(core::Id<core::Note>{id_of(n)}).text = "text of " + id_of(n);
    model.insert(id_of(n));
  }
  check_against_model();
  for (unsigned n = 5000; n < 8000; n += 2) CHECK(&table.at(core::Id<core::Note>{id_of(n)}) == addresses[n / 2]);

  // A copy holds records of its own, equal to these; a moved-from table is empty.
  core::Table<core::Note> copy = table;
  CHECK(copy == table);
  CHECK(&copy.at(core::Id<core::Note>{id_of(0)}) != &table.at(core::Id<core::Note>{id_of(0)}));
  copy.find_or_add(core::Id<core::Note>{id_of(0)}).text = "changed";
  CHECK_FALSE(copy == table);
  core::Table<core::Note> moved = std::move(copy);
  CHECK(copy.empty());
  CHECK(copy.begin() == copy.end());
  CHECK(moved.size() == table.size());
  copy.replace(core::Id<core::Note>{id_of(1)}).text = "a moved-from table takes records again";
  CHECK(copy.size() == 1);
  CHECK(moved.at(core::Id<core::Note>{id_of(0)}).text == "changed");
}
