// Transitional care after a hospital discharge, as Medicare's Transitional Care Management
// services define it (CPT 99495 and 99496). Recording a discharge from an inpatient, observation
// or skilled nursing stay opens an episode; it is computed from the records, never stored. Its
// clocks: an interactive contact within 2 business days, a face-to-face visit within 7 or 14 days,
// the medicines reconciled on or before that visit, and the 30 days of the episode itself. Each
// clock says when it is due and, once met, which record met it, on what day and by whom.
// Sources: CMS, "Transitional Care Management Services", MLN908628 (Medicare Learning Network
// booklet); CMS, "Frequently Asked Questions about Billing the Physician Fee Schedule for
// Transitional Care Management Services" (March 2016).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/model/entity_type.hpp"

namespace core {

struct Appointment;
struct Encounter;
struct Note;
struct Patient;
struct State;
struct WorkItem;
class BusinessCalendar;
class WorklistContext;

// CMS MLN908628: the interactive contact is due within 2 business days after discharge.
constexpr int kTcmContactBusinessDays = 2;
// CMS MLN908628: the face-to-face visit is due within 7 calendar days for high-complexity medical
// decision making (CPT 99496) and within 14 calendar days for moderate complexity (CPT 99495).
constexpr int kTcmVisitDaysHigh = 7;
constexpr int kTcmVisitDaysModerate = 14;
// CMS MLN908628: the TCM period is 30 days, beginning on the day of discharge and continuing for
// the next 29 days.
constexpr int kTcmEpisodeDays = 30;
// CMS TCM FAQ (March 2016): two or more separate, documented, unsuccessful attempts made in a
// timely manner count when the contact could not be made.
constexpr int kTcmAttemptsThatCount = 2;

// One clock of an episode.
struct TransitionClock {
  CivilDate due;        // the last day on which it can be met
  bool met = false;
  std::optional<CivilDate> met_on;
  std::string met_by;   // in words, e.g. "Dr. Rosa Diaz", "call, reached (daughter)"
  EntityType met_by_type = EntityType::Note;  // the record that met it, when met
  std::string met_by_id;
};

struct TransitionEpisode {
  const Encounter* discharge = nullptr;
  CivilDate discharge_date;
  // 7 or 14 days by the encounter's complexity; 7 (the stricter) while it is not recorded.
  int visit_window_days = kTcmVisitDaysHigh;
  bool complexity_recorded = false;

  TransitionClock contact;                 // interactive contact within 2 business days
  std::vector<const Note*> attempts;       // unsuccessful attempts inside that window, oldest first
  TransitionClock visit;                   // face-to-face visit within 7 or 14 days
  const Appointment* booked_visit = nullptr;  // a visit booked inside the window, not yet attended
  TransitionClock medication_reconciliation;  // completed on or before the visit
  CivilDate episode_end;                   // day 30; the discharge day is day 1

  // Day 1 on the discharge day; 0 or less before it; more than 30 once the episode is over.
  int episode_day(CivilDate day) const;
  bool in_episode(CivilDate day) const { return episode_day(day) >= 1 && episode_day(day) <= kTcmEpisodeDays; }
};

// Whether the encounter opens an episode: a live inpatient, observation or skilled nursing stay
// with a discharge date, ending at home or in the community. A death, or a transfer to skilled
// nursing or inpatient rehabilitation, opens none (that facility's own discharge will; CMS
// MLN908628 lists the community settings TCM follows).
bool opens_transition_episode(const Encounter& e);
// Whether the encounter opens an episode whose 30 days include `day`.
bool episode_open_on(const Encounter& e, CivilDate day);

// The episode of one discharge, or nullopt when it opens none.
std::optional<TransitionEpisode> transition_episode(const State& state, const Encounter& e,
                                                    const BusinessCalendar& calendar);
// The patient's episodes, latest discharge first.
std::vector<TransitionEpisode> transition_episodes(const State& state, const Id<Patient>& patient,
                                                   const BusinessCalendar& calendar);
// Every episode whose 30 days include `day`, each reading its patient's records from State's index.
std::vector<TransitionEpisode> episodes_open_on(const State& state, CivilDate day, const BusinessCalendar& calendar);

// Worklist kinds (transition_items.cpp): each clock not yet met, from the discharge day to the
// end of the episode. Keys "tcm_contact:<encounter id>", "tcm_visit:<id>", "tcm_med_rec:<id>".
void collect_tcm_contacts(const WorklistContext& context, std::vector<WorkItem>& out);
void collect_tcm_visits(const WorklistContext& context, std::vector<WorkItem>& out);
void collect_tcm_medication_reconciliations(const WorklistContext& context, std::vector<WorkItem>& out);

}  // namespace core
