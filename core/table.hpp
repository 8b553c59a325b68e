// One entity type's records (tombstones included), ordered by id and found by id. It reads like a
// map keyed by id: iterating gives (id, record) pairs, so `for (const auto& [id, record] : table)`
// and `it->second` work, but each id is stored once, in its record.
//
// Records are made in slabs (record_slabs.hpp) and never move, so indexes may point at them. The
// order is kept apart from the records, in a list of pointers cut into blocks of at most kBlock. A
// tree (the std::set this replaced) makes each step of a scan a dependent load from a node anywhere
// in memory: scanning a large clinic's 1.4 million measurements took 145 ms that way and takes about
// 20 ms over the pointers. A record added in the middle moves at most a block's pointers.
//
// Iterators (and positions) stay valid until the table gains or loses a record; records themselves
// stay put until erased. A record's id never changes once added, which is what keeps the order.
#pragma once
#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/ids.hpp"
#include "core/record_slabs.hpp"

namespace core {

template <class T>
class Table {
  static constexpr std::size_t kBlock = 1024;
  using Block = std::vector<T*>;  // never empty, ids ascending
  using Blocks = std::vector<Block>;

  struct Position {
    std::size_t block = 0, at = 0;  // {blocks_.size(), 0} is the end
  };

 public:
  // Yields (id, record) pairs of references; `Record` is T or const T. A record reached through a
  // non-const Table may change (anything but its id).
  template <class Record>
  class Iterator {
   public:
    using value_type = std::pair<const Id<T>&, Record&>;
    using reference = value_type&;
    using pointer = value_type*;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::bidirectional_iterator_tag;

    Iterator() = default;
    Iterator(const Blocks* blocks, Position at) : blocks_(blocks), at_(at) {}
    // The pair is rebuilt on access, never copied: assigning a pair of references would assign
    // the records they refer to.
    Iterator(const Iterator& other) : blocks_(other.blocks_), at_(other.at_) {}
    Iterator& operator=(const Iterator& other) {
      blocks_ = other.blocks_;
      at_ = other.at_;
      pair_.reset();
      return *this;
    }
    operator Iterator<const T>() const
      requires(!std::is_const_v<Record>)
    {
      return Iterator<const T>(blocks_, at_);
    }

    value_type& operator*() const {
      Record& record = *(*blocks_)[at_.block][at_.at];
      pair_.emplace(record.id, record);
      return *pair_;
    }
    value_type* operator->() const { return &**this; }
    Iterator& operator++() {
      if (++at_.at == (*blocks_)[at_.block].size()) at_ = {at_.block + 1, 0};
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    Iterator& operator--() {
      if (at_.at == 0) at_ = {at_.block - 1, (*blocks_)[at_.block - 1].size()};
      --at_.at;
      return *this;
    }
    Iterator operator--(int) {
      Iterator before = *this;
      --*this;
      return before;
    }
    bool operator==(const Iterator& other) const { return at_.block == other.at_.block && at_.at == other.at_.at; }
    bool operator!=(const Iterator& other) const { return !(*this == other); }

   private:
    const Blocks* blocks_ = nullptr;
    Position at_;
    mutable std::optional<value_type> pair_;
  };
  using iterator = Iterator<T>;
  using const_iterator = Iterator<const T>;

  Table() = default;
  Table(Table&& other) noexcept { *this = std::move(other); }
  Table& operator=(Table&& other) noexcept {
    if (this == &other) return *this;
    clear();
    blocks_ = std::exchange(other.blocks_, {});
    size_ = std::exchange(other.size_, 0);
    slabs_ = std::move(other.slabs_);
    return *this;
  }
  Table(const Table& other) : size_(other.size_) {
    blocks_.reserve(other.blocks_.size());
    for (const Block& theirs : other.blocks_) {
      Block& ours = blocks_.emplace_back();
      ours.reserve(theirs.size());
      for (const T* record : theirs) ours.push_back(slabs_.make(T(*record)));
    }
  }
  ~Table() { clear(); }
  Table& operator=(const Table& other) {
    if (this != &other) *this = Table(other);
    return *this;
  }

  iterator begin() { return iterator(&blocks_, {}); }
  iterator end() { return iterator(&blocks_, {blocks_.size(), 0}); }
  const_iterator begin() const { return const_iterator(&blocks_, {}); }
  const_iterator end() const { return const_iterator(&blocks_, {blocks_.size(), 0}); }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    for (const Block& block : blocks_)
      for (T* record : block) std::destroy_at(record);
    blocks_.clear();
    size_ = 0;
    slabs_ = RecordSlabs<T>();
  }

  iterator find(const Id<T>& id) { return iterator(&blocks_, found(id)); }
  const_iterator find(const Id<T>& id) const { return const_iterator(&blocks_, found(id)); }
  const_iterator upper_bound(const Id<T>& id) const {
    Position at = lower_bound(id);
    if (holds(at, id)) at = next(at);
    return const_iterator(&blocks_, at);
  }
  std::size_t count(const Id<T>& id) const { return holds(lower_bound(id), id) ? 1 : 0; }
  const T& at(const Id<T>& id) const {
    const Position at = lower_bound(id);
    if (!holds(at, id)) throw std::out_of_range("no record " + id.value);
    return record(at);
  }
  void erase(const Id<T>& id) {
    const Position at = lower_bound(id);
    if (!holds(at, id)) return;
    Block& block = blocks_[at.block];
    slabs_.destroy(block[at.at]);
    block.erase(block.begin() + static_cast<std::ptrdiff_t>(at.at));
    if (block.empty()) blocks_.erase(blocks_.begin() + static_cast<std::ptrdiff_t>(at.block));
    --size_;
  }

  // The record with this id, added empty (with only its id) if there is none.
  T& find_or_add(const Id<T>& id) {
    const Position at = lower_bound(id);
    return holds(at, id) ? record(at) : add(at, slabs_.make(with_id(id)));
  }
  // The record with this id emptied, or added empty: a record read afresh.
  T& replace(Id<T> id) { return put(slabs_.make(with_id(std::move(id)))); }
  // Takes every record of `later` (left empty) as replace() would read each afresh. When they all
  // follow this table's ids, as the parts of a snapshot read apart do, whole blocks move.
  void take_all(Table&& later) {
    slabs_.take_all(std::move(later.slabs_));
    if (!empty() && !later.empty() && !(blocks_.back().back()->id < later.blocks_.front().front()->id)) {
      for (Block& block : later.blocks_)
        for (T* r : block) put(r);
    } else {
      blocks_.insert(blocks_.end(), std::make_move_iterator(later.blocks_.begin()), std::make_move_iterator(later.blocks_.end()));
      size_ += later.size_;
    }
    later.blocks_.clear();  // its records are this table's now
    later.size_ = 0;
  }

  bool operator==(const Table& other) const {
    return size_ == other.size_ && std::equal(begin(), end(), other.begin(), other.end(), [](const auto& a, const auto& b) {
             return a.second == b.second;
           });
  }

 private:
  static T with_id(Id<T> id) {
    T record;
    record.id = std::move(id);
    return record;
  }
  T& record(Position at) const { return *blocks_[at.block][at.at]; }
  bool holds(Position at, const Id<T>& id) const { return at.block < blocks_.size() && record(at).id == id; }
  Position next(Position at) const {
    return ++at.at == blocks_[at.block].size() ? Position{at.block + 1, 0} : at;
  }
  Position found(const Id<T>& id) const {
    const Position at = lower_bound(id);
    return holds(at, id) ? at : Position{blocks_.size(), 0};
  }
  // The first record whose id is not less than `id`, or the end.
  Position lower_bound(const Id<T>& id) const {
    auto block = std::partition_point(blocks_.begin(), blocks_.end(), [&](const Block& b) { return b.back()->id < id; });
    if (block == blocks_.end()) return {blocks_.size(), 0};
    auto in = std::partition_point(block->begin(), block->end(), [&](const auto& r) { return r->id < id; });
    return {static_cast<std::size_t>(block - blocks_.begin()), static_cast<std::size_t>(in - block->begin())};
  }
  // Puts a record in its place, over the one with its id if there is one. Records mostly come in id
  // order (a snapshot is written in table order), so the end is tried first.
  T& put(T* made) {
    const Id<T>& id = made->id;
    const Position at = empty() || blocks_.back().back()->id < id ? Position{blocks_.size(), 0} : lower_bound(id);
    if (!holds(at, id)) return add(at, std::move(made));
    T& existing = record(at);
    existing = std::move(*made);
    slabs_.destroy(made);
    return existing;
  }
  // Adds a record where lower_bound placed its id: before the record there, or appended at the end
  // when its id is the largest.
  T& add(Position at, T* made) {
    T& added = *made;
    ++size_;
    if (at.block == blocks_.size()) {  // after every record: appended, as a snapshot is read
      if (blocks_.empty() || blocks_.back().size() == kBlock) blocks_.emplace_back().reserve(kBlock);
      blocks_.back().push_back(made);
      return added;
    }
    if (blocks_[at.block].size() == kBlock) {  // full: its second half becomes a block of its own
      Block& full = blocks_[at.block];
      Block second(std::make_move_iterator(full.begin() + kBlock / 2), std::make_move_iterator(full.end()));
      full.resize(kBlock / 2);
      blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(at.block) + 1, std::move(second));
      if (at.at > kBlock / 2) at = {at.block + 1, at.at - kBlock / 2};
    }
    Block& block = blocks_[at.block];
    block.insert(block.begin() + static_cast<std::ptrdiff_t>(at.at), made);
    return added;
  }

  Blocks blocks_;
  std::size_t size_ = 0;
  RecordSlabs<T> slabs_;
};

}  // namespace core
