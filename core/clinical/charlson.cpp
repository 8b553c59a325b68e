// The Charlson categories' ICD-10 codes (Quan 2005, Table 1) and LACE weights (van Walraven
// 2010), and the index computed from a patient's coded conditions.
#include "charlson.hpp"

#include <cctype>

#include "core/state.hpp"

namespace core {
namespace {

// Quan H, et al. Med Care 2005;43(11):1130-1139, Table 1 ("Enhanced ICD-10" column): the codes of
// each Charlson category. Weights: van Walraven C, Dhalla IA, Bell C, et al., "Derivation and
// validation of an index to predict early death or unplanned readmission after discharge from
// hospital to the community", CMAJ 2010;182(6):551-557 (the Charlson weights of the LACE index;
// peptic ulcer disease, hemiplegia and renal disease carry no points there).
const std::vector<CharlsonCategory>& categories() {
  static const std::vector<CharlsonCategory> table{
      {"Myocardial infarction", 1, nullptr, {"I21", "I22", "I25.2"}},
      {"Congestive heart failure", 2, nullptr,
       {"I09.9", "I11.0", "I13.0", "I13.2", "I25.5", "I42.0", "I42.5-I42.9", "I43", "I50", "P29.0"}},
      {"Peripheral vascular disease", 1, nullptr,
       {"I70", "I71", "I73.1", "I73.8", "I73.9", "I77.1", "I79.0", "I79.2", "K55.1", "K55.8", "K55.9", "Z95.8",
        "Z95.9"}},
      {"Cerebrovascular disease", 1, nullptr, {"G45", "G46", "H34.0", "I60-I69"}},
      {"Dementia", 3, nullptr, {"F00-F03", "F05.1", "G30", "G31.1"}},
      {"Chronic pulmonary disease", 2, nullptr,
       {"I27.8", "I27.9", "J40-J47", "J60-J67", "J68.4", "J70.1", "J70.3"}},
      {"Connective tissue (rheumatic) disease", 3, nullptr,
       {"M05", "M06", "M31.5", "M32-M34", "M35.1", "M35.3", "M36.0"}},
      {"Peptic ulcer disease", 0, nullptr, {"K25-K28"}},
      {"Mild liver disease", 2, nullptr,
       {"B18", "K70.0-K70.3", "K70.9", "K71.3-K71.5", "K71.7", "K73", "K74", "K76.0", "K76.2-K76.4", "K76.8",
        "K76.9", "Z94.4"}},
      {"Diabetes without chronic complications", 1, nullptr,
       {"E10.0", "E10.1", "E10.6", "E10.8", "E10.9", "E11.0", "E11.1", "E11.6", "E11.8", "E11.9", "E12.0", "E12.1",
        "E12.6", "E12.8", "E12.9", "E13.0", "E13.1", "E13.6", "E13.8", "E13.9", "E14.0", "E14.1", "E14.6", "E14.8",
        "E14.9"}},
      {"Diabetes with chronic complications", 2, "Diabetes without chronic complications",
       {"E10.2-E10.5", "E10.7", "E11.2-E11.5", "E11.7", "E12.2-E12.5", "E12.7", "E13.2-E13.5", "E13.7",
        "E14.2-E14.5", "E14.7"}},
      {"Hemiplegia or paraplegia", 0, nullptr,
       {"G04.1", "G11.4", "G80.1", "G80.2", "G81", "G82", "G83.0-G83.4", "G83.9"}},
      {"Renal disease", 0, nullptr,
       {"I12.0", "I13.1", "N03.2-N03.7", "N05.2-N05.7", "N18", "N19", "N25.0", "Z49.0-Z49.2", "Z94.0", "Z99.2"}},
      {"Any malignancy, including lymphoma and leukemia (not skin)", 2, nullptr,
       {"C00-C26", "C30-C34", "C37-C41", "C43", "C45-C58", "C60-C76", "C81-C85", "C88", "C90-C97"}},
      {"Moderate or severe liver disease", 4, "Mild liver disease",
       {"I85.0", "I85.9", "I86.4", "I98.2", "K70.4", "K71.1", "K72.1", "K72.9", "K76.5", "K76.6", "K76.7"}},
      {"Metastatic solid tumour", 6, "Any malignancy, including lymphoma and leukemia (not skin)", {"C77-C80"}},
      {"AIDS/HIV", 4, nullptr, {"B20-B22", "B24"}},
  };
  return table;
}

// "e11.65" -> "E1165"
std::string plain_code(const std::string& code) {
  std::string out;
  for (char ch : code)
    if (ch != '.') out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

// Whether the code falls in "I21" (any I21.x), "I25.2" or a range such as "I42.5-I42.9".
bool code_in(const std::string& plain, const std::string& pattern) {
  const auto dash = pattern.find('-');
  const std::string low = plain_code(pattern.substr(0, dash));
  const std::string high = dash == std::string::npos ? low : plain_code(pattern.substr(dash + 1));
  if (plain.size() < low.size()) return false;
  const std::string head = plain.substr(0, low.size());
  return !(head < low) && !(high < head);
}

bool counts_on(const Condition& c, CivilDate as_of) { return !c.onset_date || !(as_of < *c.onset_date); }

}  // namespace

const CharlsonCategory* charlson_category(const std::string& icd10) {
  const std::string plain = plain_code(icd10);
  for (const CharlsonCategory& category : categories())
    for (const char* pattern : category.codes)
      if (code_in(plain, pattern)) return &category;
  return nullptr;
}

CharlsonResult charlson_index(const State& state, const Id<Patient>& patient, CivilDate as_of) {
  CharlsonResult result;
  std::vector<CharlsonHit> hits(categories().size());
  for (const Condition* each : state.records_of<Condition>(patient)) {
    const Condition& c = *each;
    if (!counts_on(c, as_of)) continue;
    if (c.icd10.empty()) {
      result.uncoded.push_back(&c);
      continue;
    }
    ++result.coded_conditions;
    if (const CharlsonCategory* category = charlson_category(c.icd10)) {
      CharlsonHit& hit = hits[static_cast<std::size_t>(category - categories().data())];
      hit.category = category;
      hit.conditions.push_back(&c);
    }
  }
  for (const CharlsonHit& hit : hits)
    if (hit.category && hit.category->milder)
      for (CharlsonHit& milder : hits)
        if (milder.category && std::string(milder.category->name) == hit.category->milder) milder.counted = false;
  for (CharlsonHit& hit : hits) {
    if (!hit.category) continue;
    if (hit.counted) result.score += hit.category->lace_weight;
    result.hits.push_back(std::move(hit));
  }
  return result;
}

}  // namespace core
