// `liaisonctl calendar`: writes a patient's or a practitioner's appointments to an iCalendar
// (.ics) file that calendar apps import (see core/scheduling/icalendar.hpp).
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace liaisonctl {

struct CalendarRequest {
  std::string data_dir;
  std::string patient_id;       // exactly one of patient_id and practitioner_id
  std::string practitioner_id;
  std::string out_file;
};

// Adds the subcommand and its options, which fill in request.
CLI::App* add_calendar_command(CLI::App& cli, CalendarRequest& request);
// Exit code 0 when the file was written; 1, with the reason on stderr, when it was not.
int export_calendar(const CalendarRequest& request);

}  // namespace liaisonctl
