// The distinct patient ids that records name, numbered (slots 0, 1, 2...) in the order they are
// first met: how State's index build groups every table's records by patient.
//
// That build looks up one id per record, about four million of them when a 50,000-patient store
// opens, because a table seldom meets one patient's records together. So this table is made for
// that one job:
// - open addressing, each entry one cache line holding the id itself, so a lookup that finds its
//   entry needs nothing else from memory;
// - slots_of() hashes the ids of the records ahead and asks the processor for their entries before
//   it reads them, so that the cache misses overlap instead of following each other.
// A node map cost two misses one after the other per lookup (its bucket, then its node): the four
// million took 344-456 ms; these take 124-139 ms. Ids longer than an entry holds go to a node map.
#pragma once
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace core {

class PatientSlots {
 public:
  // Sized for `patients` ids without growing; more are taken too.
  explicit PatientSlots(std::size_t patients) { entries_.resize(capacity_for(patients + 1)); }

  // The slot of each record's patient id (`record->patient.value`), in the records' order.
  template <class Record>
  std::vector<std::uint32_t> slots_of(const std::vector<const Record*>& records) {
    constexpr std::size_t kAhead = 16;  // lookups asked for before they are made
    std::size_t hashes[kAhead];
    const std::size_t n = records.size();
    auto ask_for = [&](std::size_t i) {
      hashes[i % kAhead] = hash(records[i]->patient.value);
      __builtin_prefetch(&entries_[hashes[i % kAhead] & mask()]);
    };
    for (std::size_t i = 0; i < n && i < kAhead; ++i) ask_for(i);
    std::vector<std::uint32_t> slots(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t h = hashes[i % kAhead];
      if (i + kAhead < n) ask_for(i + kAhead);
      slots[i] = of(records[i]->patient.value, h);
    }
    return slots;
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(ids_.size()); }
  const std::string& id(std::uint32_t slot) const { return ids_[slot]; }

 private:
  static constexpr std::size_t kHeld = 48;  // the longest id an entry holds (a UUID with a prefix)
  static constexpr std::uint32_t kFree = UINT32_MAX;
  struct alignas(64) Entry {
    std::size_t hash = 0;
    std::uint32_t slot = kFree;
    std::uint8_t length = 0;
    char id[kHeld];
  };

  static std::size_t hash(const std::string& id) { return std::hash<std::string>{}(id); }
  // A power of two at least twice the ids, so that most lookups read one entry.
  static std::size_t capacity_for(std::size_t ids) {
    std::size_t capacity = 16;
    while (capacity < 2 * ids) capacity *= 2;
    return capacity;
  }
  std::size_t mask() const { return entries_.size() - 1; }

  std::uint32_t of(const std::string& id, std::size_t h) {
    if (id.size() > kHeld) {
      auto [at, added] = longer_.try_emplace(id, size());
      if (added) ids_.push_back(id);
      return at->second;
    }
    for (std::size_t at = h & mask();; at = (at + 1) & mask()) {
      Entry& entry = entries_[at];
      if (entry.slot == kFree) return add(entry, id, h);
      if (entry.hash == h && entry.length == id.size() && std::memcmp(entry.id, id.data(), id.size()) == 0)
        return entry.slot;
    }
  }
  std::uint32_t add(Entry& entry, const std::string& id, std::size_t h) {
    entry.hash = h;
    entry.slot = size();
    entry.length = static_cast<std::uint8_t>(id.size());
    std::memcpy(entry.id, id.data(), id.size());
    ids_.push_back(id);
    const std::uint32_t slot = entry.slot;
    if (2 * ids_.size() > entries_.size()) grow();
    return slot;
  }
  void grow() {
    std::vector<Entry> old = std::exchange(entries_, std::vector<Entry>(2 * entries_.size()));
    for (const Entry& entry : old) {
      if (entry.slot == kFree) continue;
      std::size_t at = entry.hash & mask();
      while (entries_[at].slot != kFree) at = (at + 1) & mask();
      entries_[at] = entry;
    }
  }

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::uint32_t> longer_;  // ids longer than kHeld
  std::vector<std::string> ids_;                           // by slot
};

}  // namespace core
