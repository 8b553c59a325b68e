// Worklist kind "teach_back_failed": education the patient or family did not understand when asked
// to explain it back, with no successful teaching of the same topic since.
#pragma once
#include <vector>

namespace core {

struct Education;
struct State;
struct WorkItem;
class WorklistContext;

// Teach-back results that call for teaching again: the person could not explain it back in their
// own words, fully (AHRQ Health Literacy Universal Precautions Toolkit, 2nd edition, 2015, Tool 5
// "Use the Teach-Back Method": re-explain and check again until the person explains it correctly).
bool teach_back_failed(const Education& education);

// One item per failed teach-back (key "teach_back:<education id>") unless a record of the same
// topic (ignoring case and spacing) for the same patient, dated the same day or later, says
// "understood". An undated failure is cleared by any understood record; an undated success clears
// only undated failures.
void collect_teach_back_failed(const WorklistContext& context, std::vector<WorkItem>& out);

}  // namespace core
