#!/usr/bin/python3
"""Reads the iCalendar files written by tests/tools/ics_fixture.cpp with an independent parser
(Debian's python3-icalendar) and compares them with the fixture's expected.json: the RFC 5545
line format (CRLF, at most 75 octets, folds between whole UTF-8 characters), then every event's
UTC times, unescaped text and status. With --liaisonctl, also runs `liaisonctl calendar` on the
fixture's store and wants the same bytes apart from DTSTAMP, and clear failures for a wrong id or
an unwritable file.

    check_icalendar.py DIR [--liaisonctl PATH]

Note: icalendar 4.0.3 unescapes a backslash followed by "n" or "N" as a line break even when the
backslash itself was escaped ("\\\\n"), so the fixture's backslashes are never followed by n.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys

import icalendar

MAX_OCTETS = 75
UTC = datetime.timedelta(0)


class Problems:
    def __init__(self):
        self.found = []

    def add(self, where, message):
        self.found.append(f"{where}: {message}")

    def expect_equal(self, where, what, actual, expected):
        if actual != expected:
            self.add(where, f"{what} is {actual!r}, expected {expected!r}")


def check_lines(problems, name, raw):
    """RFC 5545 section 3.1: CRLF line ends, at most 75 octets a line, no split characters."""
    if not raw.endswith(b"\r\n"):
        problems.add(name, "the last line does not end with CRLF")
    for number, line in enumerate(raw[:-2].split(b"\r\n"), start=1):
        where = f"{name} line {number}"
        if b"\n" in line or b"\r" in line:
            problems.add(where, "a line break that is not CRLF")
        if len(line) > MAX_OCTETS:
            problems.add(where, f"{len(line)} octets, more than {MAX_OCTETS}")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.add(where, "not UTF-8 on its own: a fold splits a character")
        if number == 1 and line != b"BEGIN:VCALENDAR":
            problems.add(where, "the file does not start with BEGIN:VCALENDAR")


def utc_datetime(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def check_utc(problems, where, event, name, expected=None):
    if name not in event:
        return problems.add(where, f"no {name}")
    value = event.decoded(name)
    if not isinstance(value, datetime.datetime) or value.tzinfo is None or value.utcoffset() != UTC:
        return problems.add(where, f"{name} {event[name].to_ical()!r} is not an aware UTC date-time")
    if expected is not None and value != utc_datetime(expected):
        problems.add(where, f"{name} is {value.isoformat()}, expected {expected}")


def text(component, name):
    """The unescaped value of a TEXT property, or None when it is absent."""
    return str(component[name]) if name in component else None


def check_event(problems, where, event, expected):
    check_utc(problems, where, event, "DTSTAMP")
    check_utc(problems, where, event, "DTSTART", expected["start"])
    check_utc(problems, where, event, "DTEND", expected["end"])
    problems.expect_equal(where, "SUMMARY", text(event, "SUMMARY"), expected["summary"])
    problems.expect_equal(where, "LOCATION", text(event, "LOCATION"), expected["location"] or None)
    problems.expect_equal(where, "DESCRIPTION", text(event, "DESCRIPTION"), expected["description"] or None)
    problems.expect_equal(where, "STATUS", text(event, "STATUS"), expected["status"])
    problems.expect_equal(where, "X-LIAISON-STATUS", text(event, "X-LIAISON-STATUS"), expected["liaison_status"])


def check_calendar(problems, path, calendar):
    name = os.path.basename(path)
    with open(path, "rb") as f:
        raw = f.read()
    check_lines(problems, name, raw)
    try:
        parsed = icalendar.Calendar.from_ical(raw)
    except ValueError as e:
        return problems.add(name, f"icalendar cannot parse it: {e}")
    for component in parsed.walk():
        for prop, error in component.errors:
            problems.add(name, f"icalendar reports {prop}: {error}")
    header = {"VERSION": "2.0", "PRODID": "-//Liaison//Liaison//EN", "CALSCALE": "GREGORIAN",
              "METHOD": "PUBLISH", "X-WR-CALNAME": calendar["name"]}
    for prop, value in header.items():
        problems.expect_equal(name, prop, text(parsed, prop), value)

    events = parsed.walk("VEVENT")
    expected = sorted(calendar["events"], key=lambda e: e["start"])
    problems.expect_equal(name, "the number of events", len(events), len(expected))
    problems.expect_equal(name, "the order of events (by UTC start)",
                          [text(e, "UID") for e in events], [e["uid"] for e in expected])
    by_uid = {text(e, "UID"): e for e in events}
    for e in expected:
        if e["uid"] not in by_uid:
            problems.add(name, f"no event {e['uid']}")
        else:
            check_event(problems, f"{name} {e['uid']}", by_uid[e["uid"]], e)


def without_dtstamp(raw):
    return [line for line in raw.split(b"\r\n") if not line.startswith(b"DTSTAMP:")]


def run(command):
    return subprocess.run(command, capture_output=True, text=True)


def check_liaisonctl(problems, liaisonctl, directory, calendars):
    store = os.path.join(directory, "store")
    for calendar in calendars:
        where = f"liaisonctl calendar --{calendar['owner']} ({calendar['file']})"
        out = os.path.join(directory, "cli-" + calendar["file"])
        result = run([liaisonctl, "calendar", "--data", store, "--" + calendar["owner"], calendar["owner_id"],
                      "--out", out])
        if result.returncode != 0:
            problems.add(where, f"exit code {result.returncode}: {result.stderr.strip()}")
            continue
        count = len(calendar["events"])
        said = f"exported {count} appointment{'' if count == 1 else 's'}"
        if said not in result.stdout:
            problems.add(where, f"printed {result.stdout.strip()!r}, expected it to say {said!r}")
        with open(out, "rb") as f:
            from_cli = f.read()
        with open(os.path.join(directory, calendar["file"]), "rb") as f:
            from_fixture = f.read()
        if without_dtstamp(from_cli) != without_dtstamp(from_fixture):
            problems.add(where, "the file differs from the fixture's (DTSTAMP aside)")
        check_calendar(problems, out, calendar)

    someone = calendars[0]
    failures = {
        "an unknown patient": ([liaisonctl, "calendar", "--data", store, "--patient", "no-such-id",
                                "--out", os.path.join(directory, "unknown.ics")], "no patient with id no-such-id"),
        "an unwritable file": ([liaisonctl, "calendar", "--data", store, "--" + someone["owner"], someone["owner_id"],
                                "--out", os.path.join(directory, "no-such-folder", "x.ics")], "cannot write"),
        "no patient or practitioner": ([liaisonctl, "calendar", "--data", store,
                                        "--out", os.path.join(directory, "nobody.ics")], "--patient ID or --practitioner ID"),
    }
    for case, (command, message) in failures.items():
        result = run(command)
        where = f"liaisonctl calendar with {case}"
        problems.expect_equal(where, "the exit code", result.returncode, 1)
        if message not in result.stderr:
            problems.add(where, f"stderr is {result.stderr.strip()!r}, expected it to say {message!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", help="the folder ics_fixture wrote")
    parser.add_argument("--liaisonctl", help="also check `liaisonctl calendar` against the fixture's files")
    args = parser.parse_args()
    with open(os.path.join(args.directory, "expected.json"), encoding="utf-8") as f:
        calendars = json.load(f)["calendars"]

    problems = Problems()
    for calendar in calendars:
        check_calendar(problems, os.path.join(args.directory, calendar["file"]), calendar)
    if args.liaisonctl:
        check_liaisonctl(problems, args.liaisonctl, args.directory, calendars)

    for p in problems.found:
        print(f"MISMATCH {p}", file=sys.stderr)
    if problems.found:
        print(f"check_icalendar: {len(problems.found)} problem(s)", file=sys.stderr)
        return 1
    events = sum(len(c["events"]) for c in calendars)
    print(f"check_icalendar: {len(calendars)} calendars with {events} events read back as expected"
          + (", and liaisonctl wrote the same" if args.liaisonctl else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
