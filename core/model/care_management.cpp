// The schema of care-management time entries.
#include "care_management.hpp"

#include "core/model/patient.hpp"
#include "core/state.hpp"

namespace core {

// One entry is at most a working day of ten hours; longer is almost surely a typing mistake.
constexpr long long kMaxMinutesPerEntry = 600;

const Schema<CareManagementTime>& CareManagementTime::schema() {
  using T = CareManagementTime;
  static const Schema<T> schema{
      {
          field::reference("patient", "patient", &T::patient, true),
          field::date("date", "date", &T::date, true, false),
          field::count("minutes", "minutes", &T::minutes, kMaxMinutesPerEntry, true),
          field::text("activity", "activity", &T::activity, false, 500),
          field::text("performed_by", "performed by", &T::performed_by, false, 100),
      },
      {
          [](const T& t, const State&, std::vector<FieldError>& errors) {
            if (t.minutes && *t.minutes < 1) errors.push_back({"minutes", "Enter at least 1 minute."});
          },
      }};
  return schema;
}

}  // namespace core
