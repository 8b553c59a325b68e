// The distinct patients that records name, numbered (slots 0, 1, 2...) in the order they are first
// met: how State's index build groups every table's records by patient.
//
// That build looks up one patient per record, about four million of them when a 50,000-patient store
// opens, because a table seldom meets one patient's records together. A patient's id is a SharedText
// (ids.hpp), whose one kept value stands for the id, so this table is keyed by that value's address:
// no text is hashed or compared. It is made for that one job:
// - open addressing, 16-byte entries, most lookups reading one;
// - slots_of() reads the patients of the records ahead and asks the processor for their entries
//   before it looks them up, so that the cache misses overlap instead of following each other.
// Keyed by the ids' text (hashed, compared, 64-byte entries), the four million took 124-139 ms.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace core {

class PatientSlots {
 public:
  // Sized for `patients` ids without growing; more are taken too.
  explicit PatientSlots(std::size_t patients) { entries_.resize(capacity_for(patients + 1)); }

  // The slot of each record's patient (`record->patient`), in the records' order.
  template <class Record>
  std::vector<std::uint32_t> slots_of(const std::vector<const Record*>& records) {
    constexpr std::size_t kAhead = 16;  // lookups asked for before they are made
    const std::string* ids[kAhead];
    const std::size_t n = records.size();
    auto ask_for = [&](std::size_t i) {
      ids[i % kAhead] = &records[i]->patient.value.str();
      __builtin_prefetch(&entries_[place_of(ids[i % kAhead])]);
    };
    for (std::size_t i = 0; i < n && i < kAhead; ++i) ask_for(i);
    std::vector<std::uint32_t> slots(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string* id = ids[i % kAhead];
      if (i + kAhead < n) ask_for(i + kAhead);
      slots[i] = of(id);
    }
    return slots;
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(ids_.size()); }
  const std::string& id(std::uint32_t slot) const { return *ids_[slot]; }

 private:
  struct Entry {
    const std::string* id = nullptr;  // null: free
    std::uint32_t slot = 0;
  };

  // A power of two at least twice the ids, so that most lookups read one entry.
  static std::size_t capacity_for(std::size_t ids) {
    std::size_t capacity = 16;
    while (capacity < 2 * ids) capacity *= 2;
    return capacity;
  }
  // Fibonacci hashing of the address: its high bits, after a multiply that mixes them all in.
  std::size_t place_of(const std::string* id) const {
    const std::uint64_t mixed = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(id)) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(mixed >> 32) & (entries_.size() - 1);
  }

  std::uint32_t of(const std::string* id) {
    for (std::size_t at = place_of(id);; at = (at + 1) & (entries_.size() - 1)) {
      Entry& entry = entries_[at];
      if (entry.id == id) return entry.slot;
      if (entry.id == nullptr) {
        entry = {id, size()};
        ids_.push_back(id);
        if (2 * ids_.size() > entries_.size()) grow();
        return static_cast<std::uint32_t>(ids_.size() - 1);
      }
    }
  }
  void grow() {
    std::vector<Entry> old(2 * entries_.size());
    old.swap(entries_);
    for (const Entry& entry : old)
      if (entry.id) {
        std::size_t at = place_of(entry.id);
        while (entries_[at].id) at = (at + 1) & (entries_.size() - 1);
        entries_[at] = entry;
      }
  }

  std::vector<Entry> entries_;
  std::vector<const std::string*> ids_;  // by slot
};

}  // namespace core
