// Education records through a real Session: the family member taught is one of the patient's, and
// the "teach_back_failed" worklist item is listed for a failed teach-back until the same topic is
// taught again and understood (same day or later), and leaves when done or deleted.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/clinical/education_items.hpp"
#include "core/worklist/worklist.hpp"
#include "model_fixture.hpp"

namespace {

using core::EntityType;
using model_test::Fixture;

struct EducationFixture : Fixture {
  EducationFixture() {
    ids["$daughter"] = create(EntityType::RelatedPerson,
                              {{"patient", ids["$patient"]}, {"name", "Maria Lopez"}, {"relationship", "child"}});
  }
  std::string educate(const std::string& topic, const std::string& result, const char* date,
                      const std::string& family_member = "") {
    nlohmann::json fields = {{"patient", ids["$patient"]}, {"topic", topic}, {"teach_back", result}, {"language", "Spanish"}};
    if (date) fields["date"] = date;
    if (!family_member.empty()) fields["family_member"] = ids[family_member];
    return create(EntityType::Education, fields);
  }
  std::vector<core::WorkItem> items(const std::string& coordinator = "") const {
    std::vector<core::WorkItem> out;
    for (const core::WorkItem& i : core::compute_worklist(session->state(), {coordinator, clock.today()}))
      if (i.kind == "teach_back_failed") out.push_back(i);
    return out;
  }
};

struct LaterRecord {
  const char* topic;
  const char* result;
  const char* date;  // nullptr: undated
};

struct TeachBackRow {
  const char* name;
  const char* failed_result;
  const char* failed_date;
  std::vector<LaterRecord> later;
  bool listed;
};

const std::vector<TeachBackRow> teach_back_rows = {
    {"not understood, nothing since", "not_understood", "2026-11-20", {}, true},
    {"partly understood counts as failed", "partially_understood", "2026-11-20", {}, true},
    {"understood is no item", "understood", "2026-11-20", {}, false},
    {"not assessed is no item", "not_assessed", "2026-11-20", {}, false},
    {"understood later on the same topic clears it", "not_understood", "2026-11-20",
     {{"Insulin pen technique", "understood", "2026-11-25"}}, false},
    {"understood the same day clears it", "not_understood", "2026-11-20",
     {{"Insulin pen technique", "understood", "2026-11-20"}}, false},
    {"topic matched ignoring case and spacing", "not_understood", "2026-11-20",
     {{"insulin  PEN technique", "understood", "2026-11-21"}}, false},
    {"understood the day before does not clear it", "not_understood", "2026-11-20",
     {{"Insulin pen technique", "understood", "2026-11-19"}}, true},
    {"another topic does not clear it", "not_understood", "2026-11-20", {{"Low-salt diet", "understood", "2026-11-25"}}, true},
    {"failing again later does not clear it", "not_understood", "2026-11-20",
     {{"Insulin pen technique", "partially_understood", "2026-11-25"}}, true},
    {"an undated success does not clear a dated failure", "not_understood", "2026-11-20",
     {{"Insulin pen technique", "understood", nullptr}}, true},
    {"any success clears an undated failure", "not_understood", nullptr,
     {{"Insulin pen technique", "understood", "2020-01-01"}}, false},
};

}  // namespace

TEST_CASE("education: a failed teach-back is a worklist item until the topic is understood") {
  for (const TeachBackRow& row : teach_back_rows) {
    INFO(row.name);
    EducationFixture f;
    const std::string failed = f.educate("Insulin pen technique", row.failed_result, row.failed_date);
    std::vector<std::string> later_ids;
    for (const LaterRecord& later : row.later) later_ids.push_back(f.educate(later.topic, later.result, later.date));
    const auto items = f.items();
    bool listed = false;
    for (const auto& i : items) listed = listed || i.key == "teach_back:" + failed;
    CHECK(listed == row.listed);
    // Later failures are items of their own; nothing else is listed.
    for (const auto& i : items) {
      const bool known = i.key == "teach_back:" + failed ||
                         std::find_if(later_ids.begin(), later_ids.end(), [&](const std::string& id) {
                           return i.key == "teach_back:" + id;
                         }) != later_ids.end();
      CHECK(known);
    }
  }
}

TEST_CASE("education: the teach-back item says what was not understood, by whom, and what to do") {
  EducationFixture f;
  const std::string id = f.educate("Insulin pen technique", "partially_understood", "2026-11-20", "$daughter");
  auto items = f.items();
  REQUIRE(items.size() == 1);
  const core::WorkItem& item = items[0];
  CHECK(item.key == "teach_back:" + id);
  CHECK(item.patient.value == f.ids["$patient"]);
  CHECK(item.subject_type == EntityType::Education);
  CHECK(item.subject_id == id);
  CHECK(core::format_civil_date(item.due) == "2026-11-20");
  CHECK(item.overdue);
  CHECK(item.reason == "Only partly understood at teach-back: Insulin pen technique, taught to Maria Lopez (child) on 2026-11-20");
  CHECK(item.next_action == "Teach it again, with the teach-back, and record the result");

  EducationFixture g;
  g.create(EntityType::Education, {{"patient", g.ids["$patient"]}, {"topic", "Low-salt diet"}, {"given_to", "the patient"},
                                   {"teach_back", "not_understood"}});
  items = g.items();
  REQUIRE(items.size() == 1);
  CHECK(core::format_civil_date(items[0].due) == "2026-11-28");  // undated: due today
  CHECK_FALSE(items[0].overdue);
  CHECK(items[0].reason == "Not understood at teach-back: Low-salt diet, taught to the patient");
}

TEST_CASE("education: the teach-back item leaves when marked done or the record is deleted, and keeps to scope") {
  EducationFixture f;
  REQUIRE(f.session->commit(core::UpdateRecord{EntityType::Patient, f.ids["$patient"], {{"coordinator", "casey"}}}));
  const std::string id = f.educate("Inhaler use", "not_understood", "2026-11-27");
  REQUIRE(f.items("casey").size() == 1);
  CHECK(f.items("robin").empty());
  REQUIRE(f.session->commit(core::mark_item_done(f.session->state(), f.items()[0])));
  CHECK(f.items().empty());
  REQUIRE(f.session->commit(core::UndoLast{}));
  CHECK(f.items().size() == 1);
  REQUIRE(f.session->commit(core::DeleteRecord{EntityType::Education, id}));
  CHECK(f.items().empty());
}

TEST_CASE("education: the family member taught must be one of this patient's") {
  EducationFixture f;
  const std::string other = f.create(EntityType::Patient, {{"given_name", "Tom"}, {"family_name", "Baker"},
                                                           {"birth_date", "1961-07-15"}});
  const std::string stranger = f.create(EntityType::RelatedPerson, {{"patient", other}, {"name", "Jo Baker"}, {"relationship", "child"}});
  const std::string good = R"({"patient": "$patient", "topic": "Insulin pen technique", "material": "ADA leaflet",
      "language": "Spanish", "date": "2026-11-20", "teach_back": "understood", "family_member": "$daughter"})";
  f.check_saved(EntityType::Education, good);
  f.ids["$stranger"] = stranger;
  model_test::check_bad_rows(f, EntityType::Education, good,
                             {
                                 {R"({"family_member": "$stranger"})", "family_member",
                                  "Jo Baker is not listed among this patient's family and caregivers."},
                                 {R"({"family_member": "related_person-nobody"})", "family_member", "family member taught"},
                             });
}
