#include "calendar_export.hpp"

#include <cstdio>
#include <filesystem>

#include "core/scheduling/icalendar.hpp"
#include "core/session.hpp"
#include "output_file.hpp"

namespace liaisonctl {
namespace {

int fail(const std::string& why) {
  std::fprintf(stderr, "liaisonctl: %s\n", why.c_str());
  return 1;
}

}  // namespace

CLI::App* add_calendar_command(CLI::App& cli, CalendarRequest& request) {
  auto* cmd = cli.add_subcommand("calendar", "Write a patient's or a practitioner's appointments to an iCalendar file");
  cmd->add_option("--data", request.data_dir, "Data folder")->capture_default_str();
  auto* patient = cmd->add_option("--patient", request.patient_id, "Id of the patient whose appointments to export");
  auto* practitioner =
      cmd->add_option("--practitioner", request.practitioner_id, "Id of the practitioner whose appointments to export");
  patient->excludes(practitioner);
  cmd->add_option("--out", request.out_file, "The .ics file to write")->required();
  return cmd;
}

int export_calendar(const CalendarRequest& request) {
  if (request.patient_id.empty() == request.practitioner_id.empty())
    return fail("calendar needs either --patient ID or --practitioner ID");
  if (!std::filesystem::is_directory(request.data_dir)) return fail(request.data_dir + " is not a folder");
  core::DirectoryStorage storage(request.data_dir);
  core::SystemClock clock;
  auto session = core::Session::open(storage, clock, {"liaisonctl"});
  if (!session) return fail(session.error().message);
  for (const auto& w : session.value()->warnings()) std::fprintf(stderr, "warning: %s\n", w.c_str());

  const core::State& state = session.value()->state();
  bool for_patient = !request.patient_id.empty();
  core::EntityType owner = for_patient ? core::EntityType::Patient : core::EntityType::Practitioner;
  const std::string& owner_id = for_patient ? request.patient_id : request.practitioner_id;
  if (!state.exists(owner, owner_id))
    return fail(std::string("there is no ") + (for_patient ? "patient" : "practitioner") + " with id " + owner_id +
                " in " + request.data_dir);

  core::Minutes now_utc = clock.now_ms() / 60'000;
  std::string calendar = core::appointments_icalendar(state, owner, owner_id, now_utc);
  if (auto problem = write_atomically(request.out_file, calendar); !problem.empty()) return fail(problem);
  std::size_t count = core::calendar_appointments(state, owner, owner_id).size();
  std::printf("exported %zu appointment%s of %s to %s\n", count, count == 1 ? "" : "s",
              core::calendar_owner_name(state, owner, owner_id).c_str(), request.out_file.c_str());
  return 0;
}

}  // namespace liaisonctl
