#include "binary_records.hpp"

#include <vector>

namespace core {
namespace {

void skip_value(WireType wire, ByteReader& in) {
  switch (wire) {
    case WireType::Text: in.text(); return;
    case WireType::Flag: in.byte(); return;
    case WireType::Real: in.real(); return;
    case WireType::Integer:
    case WireType::Date: in.signed_varint(); return;
    case WireType::TextList:
      for (std::uint64_t n = in.varint(); n > 0 && in.ok(); --n) in.text();
      return;
    case WireType::Shared: in.varint(); return;
  }
  in.fail();  // a wire type this version does not know: its size cannot be told
}

// A block's field table, then its records.
template <class T>
void read_block(ByteReader& in, State& state) {
  struct Field {
    const std::function<void(T&, ByteReader&)>* read;  // null when this version has no such field
    WireType wire;                                      // (or holds it differently)
  };
  std::vector<Field> fields;
  for (std::uint64_t n = in.varint(); n > 0 && in.ok(); --n) {
    const std::string_view name = in.text();
    const auto wire = static_cast<WireType>(in.byte());
    const FieldSpec<T>* spec = T::schema().field(name);
    const bool as_written = spec && spec->wire == wire;
    const bool from_format_2 = spec && spec->wire == WireType::Shared && wire == WireType::Text;
    fields.push_back({as_written ? &spec->read : from_format_2 ? &spec->read_text : nullptr, wire});
  }
  auto& table = state.table<T>();
  while (in.ok() && in.peek() == 'R') {
    in.byte();
    T& record = table.replace(Id<T>{std::string(in.text())});  // a repeated id: the last one counts, as in a replay
    record.deleted = in.byte() == 1;
    for (std::uint64_t place = in.varint(); place != 0 && in.ok(); place = in.varint()) {
      if (place > fields.size()) return in.fail();
      const Field& field = fields[place - 1];
      if (field.read) (*field.read)(record, in);
      else skip_value(field.wire, in);
    }
  }
}

}  // namespace

Status read_binary_records(std::string_view bytes, State& state, const std::vector<SharedText>& shared) {
  ByteReader in(bytes, &shared);
  while (in.ok() && !in.at_end()) {
    if (in.byte() != 'B') in.fail();
    if (!in.ok()) break;
    const auto type = entity_from_name(in.text());
    if (!type) return Error{ErrorCode::Corrupt, "holds an unknown entity type", {}};
    visit_entity(*type, [&]<class T>() { read_block<T>(in, state); });
  }
  if (!in.ok()) return Error{ErrorCode::Corrupt, "has a damaged record", {}};
  return Ok{};
}

void write_shared_texts(const SharedTextNumbers& numbers, std::string& out) {
  ByteWriter w(out);
  w.varint(numbers.in_order.size());
  for (const std::string* text : numbers.in_order) w.text(*text);
}

bool read_shared_texts(std::string_view bytes, std::vector<SharedText>& shared) {
  ByteReader in(bytes);
  std::uint64_t count = in.varint();
  if (count > bytes.size()) in.fail();  // each text takes a byte at least
  shared.reserve(shared.size() + count);
  for (; count > 0 && in.ok(); --count) shared.emplace_back(in.text());
  return in.ok() && in.at_end();
}

}  // namespace core
