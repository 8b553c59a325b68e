// One entity type's records (tombstones included), ordered by id and found by id. The records are
// kept in a set ordered by their own `id`, so each id is stored once: a map keyed by a copy of it
// held the id twice, a tenth of a large clinic's memory. It reads like that map: iterating gives
// (id, record) pairs, so `for (const auto& [id, record] : table)` and `it->second` work as before.
// A record's id never changes once added, which is what keeps the set's order.
#pragma once
#include <cstddef>
#include <iterator>
#include <optional>
#include <set>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "core/ids.hpp"

namespace core {

template <class T>
class Table {
  struct ById {
    using is_transparent = void;
    bool operator()(const T& a, const T& b) const { return a.id.value < b.id.value; }
    bool operator()(const T& a, const Id<T>& b) const { return a.id.value < b.value; }
    bool operator()(const Id<T>& a, const T& b) const { return a.value < b.id.value; }
  };
  using Records = std::set<T, ById>;

 public:
  // Yields (id, record) pairs of references; `Record` is T or const T. The set hands out its
  // elements as const so that their order cannot be broken; a record reached through a non-const
  // Table may change (anything but its id).
  template <class Record>
  class Iterator {
   public:
    using value_type = std::pair<const Id<T>&, Record&>;
    using reference = value_type&;
    using pointer = value_type*;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::bidirectional_iterator_tag;

    Iterator() = default;
    explicit Iterator(typename Records::const_iterator at) : at_(at) {}
    // The pair is rebuilt on access, never copied: assigning a pair of references would assign
    // the records they refer to.
    Iterator(const Iterator& other) : at_(other.at_) {}
    Iterator& operator=(const Iterator& other) {
      at_ = other.at_;
      pair_.reset();
      return *this;
    }
    operator Iterator<const T>() const
      requires(!std::is_const_v<Record>)
    {
      return Iterator<const T>(at_);
    }

    value_type& operator*() const {
      Record& record = const_cast<Record&>(*at_);
      pair_.emplace(record.id, record);
      return *pair_;
    }
    value_type* operator->() const { return &**this; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++at_;
      return before;
    }
    Iterator& operator--() {
      --at_;
      return *this;
    }
    Iterator operator--(int) {
      Iterator before = *this;
      --at_;
      return before;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    typename Records::const_iterator at_;
    mutable std::optional<value_type> pair_;
  };
  using iterator = Iterator<T>;
  using const_iterator = Iterator<const T>;

  iterator begin() { return iterator(records_.begin()); }
  iterator end() { return iterator(records_.end()); }
  const_iterator begin() const { return const_iterator(records_.begin()); }
  const_iterator end() const { return const_iterator(records_.end()); }
  std::size_t size() const { return records_.size(); }
  bool empty() const { return records_.empty(); }
  void clear() { records_.clear(); }

  iterator find(const Id<T>& id) { return iterator(records_.find(id)); }
  const_iterator find(const Id<T>& id) const { return const_iterator(records_.find(id)); }
  const_iterator upper_bound(const Id<T>& id) const { return const_iterator(records_.upper_bound(id)); }
  std::size_t count(const Id<T>& id) const { return records_.count(id); }
  const T& at(const Id<T>& id) const {
    auto it = records_.find(id);
    if (it == records_.end()) throw std::out_of_range("no record " + id.value);
    return *it;
  }
  void erase(const Id<T>& id) {
    if (auto it = records_.find(id); it != records_.end()) records_.erase(it);
  }

  // The record with this id, added empty (with only its id) if there is none.
  T& find_or_add(const Id<T>& id) {
    auto at = records_.lower_bound(id);
    if (at == records_.end() || at->id != id) at = records_.emplace_hint(at, with_id(id));
    return const_cast<T&>(*at);
  }
  // The record with this id emptied, or added empty: a record read afresh. Records mostly come
  // in id order (a snapshot is written in table order), so the end is tried first.
  T& replace(Id<T> id) {
    auto at = records_.empty() || records_.rbegin()->id < id ? records_.end() : records_.lower_bound(id);
    if (at != records_.end() && at->id == id) {
      T& record = const_cast<T&>(*at);
      record = with_id(std::move(id));
      return record;
    }
    return const_cast<T&>(*records_.emplace_hint(at, with_id(std::move(id))));
  }

  bool operator==(const Table& other) const { return records_ == other.records_; }

 private:
  static T with_id(Id<T> id) {
    T record;
    record.id = std::move(id);
    return record;
  }

  Records records_;
};

}  // namespace core
