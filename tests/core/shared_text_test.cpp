// SharedText (core/shared_text.hpp): one value per distinct text, whichever thread makes it.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/run_both.hpp"
#include "core/shared_text.hpp"

using core::SharedText;

TEST_CASE("equal texts share one value and different texts do not") {
  const std::string typed = "blood pressure systolic";
  const SharedText a(typed), b("blood pressure systolic"), c("blood pressure diastolic");
  CHECK(a == b);
  CHECK(a.c_str() == b.c_str());
  CHECK(a != c);
  CHECK(a.str() == typed);
  CHECK(a == typed);
  CHECK(a == "blood pressure systolic");
  CHECK(c < a);  // ordered as their texts
  CHECK(sizeof(SharedText) == sizeof(void*));
}

TEST_CASE("a text is kept exactly as written: case and spaces make another value") {
  CHECK(SharedText("mmHg") != SharedText("mmhg"));
  CHECK(SharedText("mmHg") != SharedText("mmHg "));
  CHECK(SharedText("mmHg ").size() == 5);
}

TEST_CASE("an empty text is the default value") {
  const SharedText made(""), unset;
  CHECK(made == unset);
  CHECK(unset.empty());
  CHECK(unset.str().empty());
  CHECK(SharedText("kg") != unset);
}

TEST_CASE("two threads making the same new texts at once get the same values") {
  std::vector<std::string> texts;
  for (int i = 0; i < 3000; ++i) texts.push_back("shared text test measure " + std::to_string(i));
  std::vector<const char*> first(texts.size()), second(texts.size());
  core::run_both(
      [&] {
        for (std::size_t i = 0; i < texts.size(); ++i) first[i] = SharedText(texts[i]).c_str();
      },
      [&] {
        for (std::size_t i = texts.size(); i-- > 0;) second[i] = SharedText(texts[i]).c_str();
      });
  int different = 0, wrong = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    different += first[i] != second[i];
    wrong += texts[i] != first[i];
  }
  CHECK(different == 0);
  CHECK(wrong == 0);
}

TEST_CASE("a shared text joins strings and travels in JSON as its text") {
  CHECK("Place: " + SharedText("Room 2") == "Place: Room 2");
  CHECK(std::string("Room ") + SharedText("2") == "Room 2");
  CHECK(SharedText("Room") + " 2" == "Room 2");
  const nlohmann::json j = SharedText("kg");
  CHECK(j == "kg");
  CHECK(j.get<SharedText>() == SharedText("kg"));
}
