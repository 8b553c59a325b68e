// How each entity's fields are described once and then used everywhere: validating an action's
// values (with a user-readable message per field), writing them into the record, reading them
// back for Changes, snapshots and history. A Schema<T> lists FieldSpec<T>s built with the helpers
// below (text, date, choice, ...), plus rules that span fields or records.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/byte_codec.hpp"
#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "core/shared_text.hpp"
#include "core/sparse_text.hpp"
#include "core/model/entity_type.hpp"

namespace core {

struct State;
using nlohmann::json;

// A value after validation: canonical JSON (null clears the field), or what is wrong with it.
struct Checked {
  json value;
  std::string problem;  // empty when the value is good
};

// How a field's value is laid out in a binary snapshot (binary_records.hpp).
// SharedText members and patient references are Shared from format 3 on, Text in format 2.
enum class WireType : std::uint8_t { Text = 1, Flag, Real, Integer, Date, TextList, Shared };

// What a field holds, so an interface can pick the right input for it.
enum class FieldKind { Text, LongText, Date, DateTime, Time, Choice, Flag, Number, Count, TextList, Reference };

template <class T>
struct FieldSpec {
  std::string name;   // as in Changes and forms, e.g. "birth_date"
  std::string label;  // as in messages, e.g. "date of birth"
  FieldKind kind = FieldKind::Text;
  std::vector<std::string> options;  // the allowed values of a Choice
  bool required = false;
  std::optional<EntityType> refers_to;  // the value is the id of a live record of this type
  bool no_future = false;               // a date that cannot be after today
  std::function<Checked(const json&)> check;   // for a non-null, non-empty value
  std::function<void(T&, const json&)> set;    // takes a checked value, or null to clear
  std::function<json(const T&)> get;           // null when empty
  // The same value in binary, for snapshots: write() writes a set value and says whether it did
  // (nothing for an empty one); read() reads back what write() wrote, unchecked (the snapshot's
  // values were checked when they were first applied, and its bytes by their CRC).
  WireType wire = WireType::Text;
  std::function<bool(const T&, ByteWriter&)> write;
  std::function<void(T&, ByteReader&)> read;
  std::function<void(T&, ByteReader&)> read_text;  // a Shared field as format 2 wrote it, as Text
};

// Cross-field and cross-record rules, e.g. "stop date after start date" or "MRN unique".
template <class T>
using RecordRule = std::function<void(const T& record, const State& state, std::vector<FieldError>& errors)>;

template <class T>
struct Schema {
  std::vector<FieldSpec<T>> fields;
  std::vector<RecordRule<T>> rules;

  const FieldSpec<T>* field(std::string_view name) const {
    for (const auto& f : fields)
      if (f.name == name) return &f;
    return nullptr;
  }
};

// ---- value checks shared by the field helpers (schema.cpp) ----
Checked check_text(const json& v, const std::string& label, std::size_t max_length);
Checked check_date(const json& v, const std::string& label);  // "YYYY-MM-DD"
Checked check_date_time(const json& v, const std::string& label);  // "YYYY-MM-DDTHH:MM"
Checked check_clock_time(const json& v, const std::string& label);  // "HH:MM" (model/scheduling.cpp)
Checked check_choice(const json& v, const std::string& label, const std::vector<std::string>& options);
Checked check_number(const json& v, const std::string& label, double min, double max, bool integer);
Checked check_flag(const json& v, const std::string& label);
Checked check_phone(const json& v, const std::string& label);
Checked check_email(const json& v, const std::string& label);
Checked check_code(const json& v, const std::string& label);  // identifiers: letters, digits, - . /
Checked check_icd10(const json& v, const std::string& label);
bool is_empty_value(const json& v);
std::string a_or_an(const std::string& label);

// ---- field helpers, e.g. field::text("given_name", "given name", &Patient::given_name, true) ----
namespace field {

template <class T>
FieldSpec<T> base(std::string name, std::string label, bool required, FieldKind kind) {
  FieldSpec<T> f;
  f.name = std::move(name);
  f.label = std::move(label);
  f.required = required;
  f.kind = kind;
  return f;
}

// The text a text, shared text, sparse text or Id member holds, and setting it from a snapshot's bytes.
inline const std::string& text_of(const std::string& text) { return text; }
inline const std::string& text_of(const SharedText& text) { return text.str(); }
inline const std::string& text_of(const SparseText& text) { return text.str(); }
template <class Tag>
const std::string& text_of(const Id<Tag>& id) { return text_of(id.value); }
inline void set_text(std::string& text, std::string_view bytes) { text.assign(bytes); }
template <class Text>
void set_text(Text& text, std::string_view bytes) { text = Text(bytes); }
template <class Tag>
void set_text(Id<Tag>& id, std::string_view bytes) { set_text(id.value, bytes); }

// Whether a member holds one of the shared texts (shared_text.hpp), written by number (WireType::Shared).
template <class M>
constexpr bool kShared = std::is_same_v<M, SharedText> || std::is_same_v<M, Id<Patient>>;
inline const SharedText& shared_of(const SharedText& text) { return text; }
inline const SharedText& shared_of(const Id<Patient>& id) { return id.value; }
inline void set_shared(SharedText& text, const SharedText& value) { text = value; }
inline void set_shared(Id<Patient>& id, const SharedText& value) { id.value = value; }

template <class T, class M>
FieldSpec<T> member_field(std::string name, std::string label, bool required, M T::*member,
                          std::function<Checked(const json&)> check) {
  FieldSpec<T> f = base<T>(std::move(name), std::move(label), required, FieldKind::Text);
  f.check = std::move(check);
  f.set = [member](T& r, const json& v) {
    if (v.is_null()) r.*member = M{};
    else r.*member = v.get<M>();
  };
  f.get = [member](const T& r) -> json {
    const M& m = r.*member;
    if (m == M{}) return nullptr;
    return json(m);
  };
  f.wire = std::is_same_v<M, bool> ? WireType::Flag : kShared<M> ? WireType::Shared : WireType::Text;
  f.write = [member](const T& r, ByteWriter& out) {
    const M& m = r.*member;
    if (m == M{}) return false;
    if constexpr (std::is_same_v<M, bool>) out.byte(1);
    else if constexpr (kShared<M>) out.shared_text(shared_of(m));
    else out.text(text_of(m));
    return true;
  };
  f.read = [member](T& r, ByteReader& in) {
    if constexpr (std::is_same_v<M, bool>) r.*member = in.byte() != 0;
    else if constexpr (kShared<M>) set_shared(r.*member, in.shared_text());
    else set_text(r.*member, in.text());
  };
  if constexpr (kShared<M>) f.read_text = [member](T& r, ByteReader& in) { set_text(r.*member, in.text()); };
  return f;
}

// Text and choice members are a std::string, a SharedText for a value many records repeat word
// for word (shared_text.hpp), or a SparseText for one nearly every record leaves empty
// (sparse_text.hpp).
template <class T, class S>
FieldSpec<T> text(std::string name, std::string label, S T::*member, bool required = false,
                  std::size_t max_length = 200) {
  return member_field<T>(name, label, required, member,
                         [label, max_length](const json& v) { return check_text(v, label, max_length); });
}

template <class T, class S>
FieldSpec<T> long_text(std::string name, std::string label, S T::*member, bool required = false) {
  auto f = text<T>(std::move(name), std::move(label), member, required, 20000);
  f.kind = FieldKind::LongText;
  return f;
}

template <class T>
FieldSpec<T> code(std::string name, std::string label, std::string T::*member, bool required = false) {
  return member_field<T>(name, label, required, member, [label](const json& v) { return check_code(v, label); });
}

template <class T>
FieldSpec<T> icd10(std::string name, std::string label, std::string T::*member) {
  return member_field<T>(name, label, false, member, [label](const json& v) { return check_icd10(v, label); });
}

template <class T>
FieldSpec<T> phone(std::string name, std::string label, std::string T::*member, bool required = false) {
  return member_field<T>(name, label, required, member, [label](const json& v) { return check_phone(v, label); });
}

template <class T>
FieldSpec<T> email(std::string name, std::string label, std::string T::*member) {
  return member_field<T>(name, label, false, member, [label](const json& v) { return check_email(v, label); });
}

template <class T, class S>
FieldSpec<T> choice(std::string name, std::string label, S T::*member, std::vector<std::string> options,
                    bool required = false) {
  auto f = member_field<T>(name, label, required, member,
                           [label, options](const json& v) { return check_choice(v, label, options); });
  f.kind = FieldKind::Choice;
  f.options = options;
  return f;
}

template <class T>
FieldSpec<T> flag(std::string name, std::string label, bool T::*member) {
  auto f = member_field<T>(name, label, false, member, [label](const json& v) { return check_flag(v, label); });
  f.kind = FieldKind::Flag;
  return f;
}

template <class T>
FieldSpec<T> date_time(std::string name, std::string label, std::string T::*member, bool required = false) {
  auto f = member_field<T>(name, label, required, member, [label](const json& v) { return check_date_time(v, label); });
  f.kind = FieldKind::DateTime;
  return f;
}

template <class T>
FieldSpec<T> clock_time(std::string name, std::string label, std::string T::*member, bool required = false) {
  auto f = member_field<T>(name, label, required, member, [label](const json& v) { return check_clock_time(v, label); });
  f.kind = FieldKind::Time;
  return f;
}

// The id of another record, which must exist and not be deleted (checked by validate.cpp).
template <class T, class Target>
FieldSpec<T> reference(std::string name, std::string label, Id<Target> T::*member, bool required = false) {
  auto f = member_field<T>(name, label, required, member, [label](const json& v) { return check_text(v, label, 100); });
  f.refers_to = Target::kType;
  f.kind = FieldKind::Reference;
  return f;
}

template <class T>
FieldSpec<T> number(std::string name, std::string label, std::optional<double> T::*member, double min, double max,
                    bool required = false) {
  FieldSpec<T> f = base<T>(name, label, required, FieldKind::Number);
  f.check = [label, min, max](const json& v) { return check_number(v, label, min, max, false); };
  f.set = [member](T& r, const json& v) { r.*member = v.is_null() ? std::nullopt : std::optional<double>(v.get<double>()); };
  f.get = [member](const T& r) -> json { return r.*member ? json(*(r.*member)) : json(nullptr); };
  f.wire = WireType::Real;
  f.write = [member](const T& r, ByteWriter& out) { return r.*member && (out.real(*(r.*member)), true); };
  f.read = [member](T& r, ByteReader& in) { r.*member = in.real(); };
  return f;
}

template <class T>
FieldSpec<T> count(std::string name, std::string label, std::optional<long long> T::*member, long long max,
                   bool required = false) {
  FieldSpec<T> f = base<T>(name, label, required, FieldKind::Count);
  f.check = [label, max](const json& v) { return check_number(v, label, 0, static_cast<double>(max), true); };
  f.set = [member](T& r, const json& v) {
    r.*member = v.is_null() ? std::nullopt : std::optional<long long>(v.get<long long>());
  };
  f.get = [member](const T& r) -> json { return r.*member ? json(*(r.*member)) : json(nullptr); };
  f.wire = WireType::Integer;
  f.write = [member](const T& r, ByteWriter& out) { return r.*member && (out.signed_varint(*(r.*member)), true); };
  f.read = [member](T& r, ByteReader& in) { r.*member = in.signed_varint(); };
  return f;
}

template <class T>
FieldSpec<T> date(std::string name, std::string label, std::optional<CivilDate> T::*member, bool required = false,
                  bool allow_future = true) {
  FieldSpec<T> f = base<T>(name, label, required, FieldKind::Date);
  f.no_future = !allow_future;
  f.check = [label](const json& v) { return check_date(v, label); };
  f.set = [member](T& r, const json& v) {
    r.*member = v.is_null() ? std::nullopt : parse_civil_date(v.get_ref<const std::string&>());
  };
  f.get = [member](const T& r) -> json { return r.*member ? json(format_civil_date(*(r.*member))) : json(nullptr); };
  f.wire = WireType::Date;  // days since 1970-01-01
  f.write = [member](const T& r, ByteWriter& out) {
    return r.*member && (out.signed_varint(date::sys_days{*(r.*member)}.time_since_epoch().count()), true);
  };
  f.read = [member](T& r, ByteReader& in) {
    r.*member = CivilDate{date::sys_days{date::days{in.signed_varint()}}};
  };
  return f;
}

template <class T>
FieldSpec<T> text_list(std::string name, std::string label, std::vector<std::string> T::*member,
                       std::function<Checked(const json&)> item_check) {
  FieldSpec<T> f = base<T>(name, label, false, FieldKind::TextList);
  f.check = [label, item_check](const json& v) -> Checked {
    if (!v.is_array()) return {nullptr, "The " + label + " must be a list."};
    if (v.size() > 20) return {nullptr, "No more than 20 entries in " + label + "."};
    json out = json::array();
    for (const json& item : v) {
      if (is_empty_value(item)) continue;
      Checked c = item_check(item);
      if (!c.problem.empty()) return c;
      out.push_back(c.value);
    }
    return {out.empty() ? json(nullptr) : out, ""};
  };
  f.set = [member](T& r, const json& v) {
    r.*member = v.is_null() ? std::vector<std::string>{} : v.get<std::vector<std::string>>();
  };
  f.get = [member](const T& r) -> json { return (r.*member).empty() ? json(nullptr) : json(r.*member); };
  f.wire = WireType::TextList;
  f.write = [member](const T& r, ByteWriter& out) {
    if ((r.*member).empty()) return false;
    out.varint((r.*member).size());
    for (const std::string& item : r.*member) out.text(item);
    return true;
  };
  f.read = [member](T& r, ByteReader& in) {
    auto& list = r.*member;
    list.clear();
    for (std::uint64_t n = in.varint(); n > 0 && in.ok(); --n) list.emplace_back(in.text());
  };
  return f;
}

}  // namespace field

// Rule helper: `later` must not be before `earlier` when both are set.
template <class T>
RecordRule<T> in_order(std::optional<CivilDate> T::*earlier, std::optional<CivilDate> T::*later,
                       std::string later_field, std::string message) {
  return [=](const T& r, const State&, std::vector<FieldError>& errors) {
    if (r.*earlier && r.*later && *(r.*later) < *(r.*earlier)) errors.push_back({later_field, message});
  };
}

}  // namespace core
