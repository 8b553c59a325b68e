// Search-as-you-type through a real Session: each way of finding a patient (name, MRN, phone
// digits, birth date), several words at once, case, the order of results, the limit, and typing
// one key at a time (forward, back and elsewhere) giving the same matches as a fresh search.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/patient_search.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;

struct SearchFixture : model_test::Fixture {
  SearchFixture() {
    create(EntityType::Patient, {{"given_name", "Ana"}, {"family_name", "Garcia"}, {"birth_date", "1950-05-01"},
                                 {"mrn", "MR-1001"}, {"phones", {"(312) 555-0142"}}});
    create(EntityType::Patient, {{"given_name", "Luis"}, {"family_name", "Garcia"}, {"birth_date", "1972-11-30"},
                                 {"mrn", "MR-2002"}, {"phones", {"773 555 0199"}}});
    create(EntityType::Patient, {{"given_name", "Mary"}, {"family_name", "Jones"}, {"preferred_name", "Molly"},
                                 {"birth_date", "1950-12-24"}, {"mrn", "MR-3003"}});
  }
  // Given names of the matches, in order.
  static std::vector<std::string> names(const std::vector<const core::Patient*>& found) {
    std::vector<std::string> out;
    for (const core::Patient* p : found) out.push_back(p->given_name);
    return out;
  }
};

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE_FIXTURE(SearchFixture, "patient search: by name, MRN, phone and birth date") {
  struct Row {
    const char* query;
    Names expected;
  };
  const Row rows[] = {
      {"garcia", {"Ana", "Luis"}},       {"GARC", {"Ana", "Luis"}},     {"ana garcia", {"Ana"}},
      {"garcia, luis", {"Luis"}},        {"molly", {"Mary"}},           {"lovelace", {"Ada"}},
      {"mr-2002", {"Luis"}},             {"MR-", {"Ana", "Luis", "Mary"}}, {"555-0142", {"Ana"}},
      {"5550142", {"Ana"}},              {"(773)", {"Luis"}},           {"0199", {"Luis"}},
      {"1950-05", {"Ana"}},              {"1950", {"Ana", "Mary"}},     {"19501224", {"Mary"}},
      {"ana 1972", {}},                  {"zebra", {}},                 {"", {}},
      {"   ", {}},                        {"grace", {}},  // Grace Hopper is deleted
  };
  for (const Row& row : rows) {
    CAPTURE(row.query);
    core::PatientSearch search(session->state());
    CHECK(names(search.type(row.query)) == row.expected);
    CHECK(search.match_count() == row.expected.size());
  }
}

TEST_CASE_FIXTURE(SearchFixture, "patient search: the limit keeps the first matches by name") {
  core::PatientSearch search(session->state());
  CHECK(search.size() == 4);
  CHECK(names(search.type("a", 2)) == Names{"Ada", "Ana"});
  CHECK(search.match_count() == 4);
  CHECK(names(search.type("a", 0)).empty());
}

TEST_CASE_FIXTURE(SearchFixture, "patient search: typing key by key gives what a fresh search gives") {
  const char* const sequences[] = {"garcia luis", "555-0142", "1950-12", "mr-3003", "-5", "ana", "an", "a",
                                   "garcia x", "garcia", "1950 mary", "(312"};
  core::PatientSearch typing(session->state());
  for (const char* typed : sequences) {
    const std::string text = typed;
    for (std::size_t n = 0; n <= text.size(); ++n) {
      const std::string query = text.substr(0, n);
      CAPTURE(query);
      core::PatientSearch fresh(session->state());
      CHECK(names(typing.type(query)) == names(fresh.type(query)));
    }
  }
}
