// The teach-back worklist kind: failed teach-backs not yet followed by a successful one.
#include "education_items.hpp"

#include <cctype>
#include <string>
#include <unordered_map>

#include "core/state.hpp"
#include "core/worklist/item_kinds.hpp"

namespace core {
namespace {

std::string topic_key(const std::string& topic) {
  std::string key;
  for (unsigned char ch : topic)
    if (!std::isspace(ch)) key += static_cast<char>(std::tolower(ch));
  return key;
}

bool clears(const Education& success, const Education& failure) {
  if (!failure.date) return true;
  return success.date && !(*success.date < *failure.date);
}

// "Insulin pen technique, given to Maria Lopez (daughter) on 2026-11-20"
std::string what_was_taught(const State& state, const Education& e) {
  std::string words = e.topic;
  if (const RelatedPerson* person = state.find(e.family_member))
    words += ", taught to " + person->name + (person->relationship.empty() ? "" : " (" + person->relationship + ")");
  else if (!e.given_to.empty())
    words += ", taught to " + e.given_to;
  if (e.date) words += " on " + format_civil_date(*e.date);
  return words;
}

}  // namespace

bool teach_back_failed(const Education& e) {
  return e.teach_back == "not_understood" || e.teach_back == "partially_understood";
}

void collect_teach_back_failed(const WorklistContext& c, std::vector<WorkItem>& out) {
  c.for_each_in_scope<Education>([&](const Education& e, const PatientFacts* facts) {
    if (!teach_back_failed(e)) return;
    // Cleared by an understood teaching of the same topic to the same patient (State's index).
    const std::string topic = topic_key(e.topic);
    bool cleared = false;
    for (const Education* success : c.records_of<Education>(facts, e.patient))
      cleared = cleared || (success->teach_back == "understood" && clears(*success, e) && topic_key(success->topic) == topic);
    if (cleared) return;
    WorkItem item = c.item("teach_back_failed", "teach_back:" + e.id.value, e.patient, EntityType::Education, e.id.value,
                           e.date.value_or(c.today));
    item.reason = std::string(e.teach_back == "not_understood" ? "Not understood" : "Only partly understood") +
                  " at teach-back: " + what_was_taught(c.state, e);
    item.next_action = "Teach it again, with the teach-back, and record the result";
    out.push_back(std::move(item));
  });
}

}  // namespace core
