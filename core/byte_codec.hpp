// Little binary building blocks for the snapshot's record form (binary_records.hpp): unsigned
// LEB128 varints, length-prefixed text, little-endian doubles, and shared texts by their number in
// the snapshot's list of them. The reader never reads past its bytes: once anything is out of range
// it stays failed and hands out empty values.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/shared_text.hpp"

namespace core {

// The shared texts a snapshot's records have written, numbered from 0 in the order first written:
// the snapshot lists them in that order.
struct SharedTextNumbers {
  std::unordered_map<const std::string*, std::uint64_t> of;  // by the text's one kept value
  std::vector<const std::string*> in_order;
  std::uint64_t number(const SharedText& text) {
    const auto [at, added] = of.try_emplace(&text.str(), in_order.size());
    if (added) in_order.push_back(&text.str());
    return at->second;
  }
};

class ByteWriter {
 public:
  // `numbers` are needed to write shared texts.
  explicit ByteWriter(std::string& out, SharedTextNumbers* numbers = nullptr) : out_(&out), numbers_(numbers) {}
  void byte(std::uint8_t b) { out_->push_back(static_cast<char>(b)); }
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      byte(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    byte(static_cast<std::uint8_t>(v));
  }
  void signed_varint(std::int64_t v) {  // zigzag, so small negative numbers stay short
    varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void text(std::string_view s) {
    varint(s.size());
    out_->append(s);
  }
  void real(double d) {
    std::uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; ++i) byte(static_cast<std::uint8_t>(bits >> (8 * i)));
  }
  void shared_text(const SharedText& s) { varint(numbers_->number(s)); }
  std::size_t size() const { return out_->size(); }
  void truncate(std::size_t size) { out_->resize(size); }

 private:
  std::string* out_;
  SharedTextNumbers* numbers_;
};

class ByteReader {
 public:
  // `shared` are the snapshot's shared texts, by number, needed to read them.
  explicit ByteReader(std::string_view bytes, const std::vector<SharedText>* shared = nullptr)
      : bytes_(bytes), shared_(shared) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ >= bytes_.size(); }
  int peek() const { return at_end() ? -1 : static_cast<std::uint8_t>(bytes_[pos_]); }
  std::uint8_t byte() {
    if (pos_ >= bytes_.size()) return fail(), 0;
    return static_cast<std::uint8_t>(bytes_[pos_++]);
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t b = byte();
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail(), 0;
  }
  std::int64_t signed_varint() {
    const std::uint64_t v = varint();
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
  }
  std::string_view text() {
    const std::uint64_t n = varint();
    if (!ok_ || n > bytes_.size() - pos_) return fail(), std::string_view();
    std::string_view s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  SharedText shared_text() {
    const std::uint64_t number = varint();
    if (!shared_ || number >= shared_->size()) return fail(), SharedText();
    return (*shared_)[number];
  }
  double real() {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(byte()) << (8 * i);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  void fail() {
    ok_ = false;
    pos_ = bytes_.size();
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
  bool ok_ = true;
  const std::vector<SharedText>* shared_;
};

}  // namespace core
