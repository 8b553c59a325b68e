// `liaisonctl figures`: reads the store and prints the caseload figures (see the header).
#include "figures_command.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>

#include "core/clinical/caseload_figures.hpp"
#include "core/scheduling/business_days.hpp"
#include "core/session.hpp"

namespace liaisonctl {
namespace {

int fail(const std::string& why) {
  std::fprintf(stderr, "liaisonctl: %s\n", why.c_str());
  return 1;
}

// The date given, or `fallback` when none was; nullopt when it cannot be read.
std::optional<core::CivilDate> date_option(const std::string& text, core::CivilDate fallback) {
  if (text.empty()) return fallback;
  return core::parse_civil_date(text);
}

}  // namespace

CLI::App* add_figures_command(CLI::App& cli, FiguresRequest& request) {
  auto* cmd = cli.add_subcommand("figures", "Print the caseload figures of a coordinator or the whole clinic");
  cmd->add_option("--data", request.data_dir, "Data folder")->capture_default_str();
  cmd->add_option("--coordinator", request.coordinator, "Only this coordinator's patients (default: the whole clinic)");
  cmd->add_option("--from", request.from, "First day of the period, YYYY-MM-DD (default: the 1st of the month of --to)");
  cmd->add_option("--to", request.to, "Last day of the period, YYYY-MM-DD (default: today)");
  return cmd;
}

int print_figures(const FiguresRequest& request) {
  if (!std::filesystem::is_directory(request.data_dir)) return fail(request.data_dir + " is not a folder");
  core::SystemClock clock;
  const core::CivilDate today = clock.today();
  const auto to = date_option(request.to, today);
  if (!to) return fail("--to " + request.to + " is not a date; write it as YYYY-MM-DD");
  const auto from = date_option(request.from, core::CivilDate{to->year(), to->month(), date::day{1}});
  if (!from) return fail("--from " + request.from + " is not a date; write it as YYYY-MM-DD");
  if (*to < *from) return fail("the period ends (--to) before it starts (--from)");

  core::DirectoryStorage storage(request.data_dir);
  auto session = core::Session::open(storage, clock, {"liaisonctl"});
  if (!session) return fail(session.error().message);
  for (const auto& w : session.value()->warnings()) std::fprintf(stderr, "warning: %s\n", w.c_str());

  const core::State& state = session.value()->state();
  const core::CaseloadFigures f =
      core::caseload_figures(state, *from, *to, request.coordinator, core::BusinessCalendar(state), today);
  std::printf("Caseload figures for %s, %s to %s\n",
              request.coordinator.empty() ? "the whole clinic" : request.coordinator.c_str(),
              core::format_civil_date(*from).c_str(), core::format_civil_date(*to).c_str());
  for (const std::string& line : {f.appointments_kept.summary(), f.tcm_contacts.summary(), f.readmissions.summary(),
                                  f.prior_auth_turnaround.summary(), f.goals.summary()})
    std::printf("  %s\n", line.c_str());
  return 0;
}

}  // namespace liaisonctl
