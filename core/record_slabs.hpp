// Where a table's records live: slabs, arrays of records allocated together, each twice the size
// of the one before up to about 128 KiB. An erased record's place is kept for the next record made.
//
// A heap block per record cost the allocator's rounding up (a 168-byte measurement in a 192-byte
// block, a 264-byte encounter in a 320-byte one: about 100 MB at 50,000 patients) and one allocation
// per record, over four million when a large store opens. Records made here never move.
#pragma once
#include <algorithm>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace core {

template <class T>
class RecordSlabs {
  static constexpr std::size_t kFirst = 8;  // records in the first slab
  static constexpr std::size_t kMost = std::max<std::size_t>(kFirst, (128 << 10) / sizeof(T));
  struct Slab {
    T* places;
    std::size_t size;
  };

 public:
  RecordSlabs() = default;
  RecordSlabs(const RecordSlabs&) = delete;
  RecordSlabs& operator=(const RecordSlabs&) = delete;
  RecordSlabs(RecordSlabs&& other) noexcept { *this = std::move(other); }
  RecordSlabs& operator=(RecordSlabs&& other) noexcept {
    if (this == &other) return *this;
    release();
    slabs_ = std::exchange(other.slabs_, {});
    free_ = std::exchange(other.free_, {});
    used_ = std::exchange(other.used_, 0);
    return *this;
  }
  // Frees the memory only: the table destroys the records it holds first.
  ~RecordSlabs() { release(); }

  T* make(T&& record) {
    if (!free_.empty()) {
      T* place = free_.back();
      free_.pop_back();
      return std::construct_at(place, std::move(record));
    }
    if (slabs_.empty() || used_ == slabs_.back().size) {
      const std::size_t size = slabs_.empty() ? kFirst : std::min(kMost, 2 * slabs_.back().size);
      slabs_.push_back({std::allocator<T>().allocate(size), size});
      used_ = 0;
    }
    return std::construct_at(slabs_.back().places + used_++, std::move(record));
  }
  void destroy(T* record) {
    std::destroy_at(record);
    free_.push_back(record);
  }
  // Takes over `other`'s slabs, the records in them staying where they are; `other` is left empty.
  void take_all(RecordSlabs&& other) {
    if (other.slabs_.empty()) return;
    if (!slabs_.empty())
      for (std::size_t i = used_; i < slabs_.back().size; ++i) free_.push_back(slabs_.back().places + i);
    slabs_.insert(slabs_.end(), other.slabs_.begin(), other.slabs_.end());
    free_.insert(free_.end(), other.free_.begin(), other.free_.end());
    used_ = other.used_;
    other.slabs_.clear();
    other.free_.clear();
    other.used_ = 0;
  }

 private:
  void release() {
    for (const Slab& slab : slabs_) std::allocator<T>().deallocate(slab.places, slab.size);
    slabs_.clear();
    free_.clear();
    used_ = 0;
  }

  std::vector<Slab> slabs_;
  std::vector<T*> free_;  // places of erased records
  std::size_t used_ = 0;  // places taken in the last slab
};

}  // namespace core
