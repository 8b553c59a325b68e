// One list of an appointment index (State::appointments_of_patient and the others): appointments
// by wall start time, equal starts in the order they were added. It reads like the multimap it
// replaced (lower_bound by start, then (start, appointment) pairs), but is a sorted vector: a
// large clinic's indexes hold millions of entries, and a tree node for each cost a heap block and
// a cache miss when opening the store. An edit moves at most the entries after its place, which
// for a clinic's longest list (an appointment status) is a few megabytes at the worst.
#pragma once
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "core/time_zone.hpp"  // Minutes

namespace core {

struct Appointment;

class AppointmentsByStart {
 public:
  using Entry = std::pair<Minutes, const Appointment*>;
  using const_iterator = std::vector<Entry>::const_iterator;

  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  // The first entry starting at or after `start`, and the first starting after it.
  const_iterator lower_bound(Minutes start) const {
    return std::lower_bound(begin(), end(), start, [](const Entry& e, Minutes s) { return e.first < s; });
  }
  const_iterator upper_bound(Minutes start) const {
    return std::upper_bound(begin(), end(), start, [](Minutes s, const Entry& e) { return s < e.first; });
  }

  // Room for `entries` in all, so that adding them allocates once.
  void reserve(std::size_t entries) { entries_.reserve(entries); }
  // Adds after every entry with the same start, as a multimap's insert does.
  void insert(Minutes start, const Appointment* appointment) {
    if (entries_.empty() || entries_.back().first <= start) entries_.emplace_back(start, appointment);
    else entries_.insert(entries_.begin() + (upper_bound(start) - begin()), Entry{start, appointment});
  }
  // Takes out the entry for this appointment at this start; false if there is none.
  bool erase(Minutes start, const Appointment* appointment) {
    for (auto it = lower_bound(start); it != end() && it->first == start; ++it)
      if (it->second == appointment) {
        entries_.erase(entries_.begin() + (it - begin()));
        return true;
      }
    return false;
  }

  bool operator==(const AppointmentsByStart&) const = default;

 private:
  std::vector<Entry> entries_;
};

}  // namespace core
