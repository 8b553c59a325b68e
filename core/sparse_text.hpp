// Free text that nearly every record leaves empty: an appointment's notes, a measurement's result
// in words. Empty, it is one null pointer (8 bytes, where a std::string takes 24, or 12 in the
// browser build); set, it owns a std::string on the heap. At 50,000 patients a few million of these
// fields are empty, so this keeps tens of megabytes out of memory.
//
// It reads as a `const std::string&` and is written by assigning a new value.
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace core {

class SparseText {
 public:
  SparseText() = default;
  SparseText(std::string_view text) { assign(text); }
  SparseText(const std::string& text) : SparseText(std::string_view(text)) {}
  SparseText(const char* text) : SparseText(std::string_view(text)) {}
  SparseText(const SparseText& o) : SparseText(o.str()) {}
  SparseText(SparseText&&) noexcept = default;
  SparseText& operator=(const SparseText& o) {
    if (this != &o) assign(o.str());
    return *this;
  }
  SparseText& operator=(SparseText&&) noexcept = default;

  const std::string& str() const { return text_ ? *text_ : kEmpty; }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  bool empty() const { return !text_; }
  std::size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }

  bool operator==(const SparseText& o) const { return str() == o.str(); }
  bool operator==(const std::string& o) const { return str() == o; }
  bool operator==(std::string_view o) const { return str() == o; }
  bool operator==(const char* o) const { return str() == o; }

 private:
  void assign(std::string_view text) { text_ = text.empty() ? nullptr : std::make_unique<std::string>(text); }

  inline static const std::string kEmpty;
  std::unique_ptr<std::string> text_;
};

// Joined as its text.
inline std::string operator+(std::string a, const SparseText& b) { return a += b.str(); }
inline std::string operator+(const SparseText& a, std::string_view b) { return std::string(a.str()).append(b); }

// SparseText travels in JSON as a plain string.
template <class Json>
void to_json(Json& j, const SparseText& text) { j = text.str(); }
template <class Json>
void from_json(const Json& j, SparseText& text) { text = SparseText(j.template get_ref<const std::string&>()); }

}  // namespace core
