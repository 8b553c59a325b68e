// Text that many records repeat word for word: a measurement's type ("blood pressure systolic") and
// unit, an appointment's status and room, a medication's name and dose, a hospital's name. Each
// distinct value is kept once for the whole program, and a record holds only a pointer to it
// (8 bytes, where a std::string takes 24 and a heap block when it is longer than 22 characters).
// A million measurements name a handful of types. Free text (notes, reasons) stays std::string.
//
// The values are never freed: they are as many as the distinct values a clinic uses, each at most
// the field's length. Safe to make from several threads at once.
#pragma once
#include <string>
#include <string_view>

namespace core {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string_view text);
  SharedText(const std::string& text) : SharedText(std::string_view(text)) {}
  SharedText(const char* text) : SharedText(std::string_view(text)) {}

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }
  operator std::string_view() const { return *text_; }
  bool empty() const { return text_->empty(); }
  std::size_t size() const { return text_->size(); }
  const char* c_str() const { return text_->c_str(); }

  // Equal texts share one value, so comparing the pointers compares the texts.
  bool operator==(const SharedText& o) const { return text_ == o.text_; }
  bool operator!=(const SharedText& o) const { return text_ != o.text_; }
  bool operator==(const std::string& o) const { return *text_ == o; }
  bool operator==(std::string_view o) const { return *text_ == o; }
  bool operator==(const char* o) const { return *text_ == o; }

 private:
  static const std::string kEmpty;
  const std::string* text_ = &kEmpty;
};

// Ordered and joined as its text.
inline bool operator<(const SharedText& a, const SharedText& b) { return a.str() < b.str(); }
inline std::string operator+(std::string a, const SharedText& b) { return a += b.str(); }
inline std::string operator+(const char* a, const SharedText& b) { return std::string(a) += b.str(); }
inline std::string operator+(const SharedText& a, std::string_view b) { return std::string(a.str()).append(b); }

// SharedText travels in JSON as a plain string.
template <class Json>
void to_json(Json& j, const SharedText& text) { j = text.str(); }
template <class Json>
void from_json(const Json& j, SharedText& text) { text = SharedText(j.template get_ref<const std::string&>()); }

}  // namespace core
