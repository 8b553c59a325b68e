// The binary record form of snapshot chunks (snapshot formats 2 and 3): records are written straight
// from their fields and read straight into them, with no JSON text in between, so opening a large
// store spends its time on the records rather than on parsing.
//
//   chunk  := header "\n" item*              header: "liaison-snapshot 3" (or 2)
//   item   := 'B' block | 'R' record
//   block  := entity name (text), field count (varint), each field's name (text) and wire type (byte)
//   record := id (text), deleted (byte 0 or 1), then (field's place in its block + 1 (varint), value)*, 0
//
// Texts are a varint length and the bytes (byte_codec.hpp); each value is laid out by its field's
// WireType (schema.hpp). A block names its fields, so a reader skips a field it does not know and
// a later version can add fields without a new format. The records of a block follow it.
//
// Format 3 adds the Shared wire type, for the texts that many records repeat (each record's patient,
// a measurement's type): a varint, the text's number in the snapshot's list of shared texts, which
// the snapshot keeps in a file of its own (snapshot.hpp):
//
//   texts  := header "\n" count (varint) text*
//
// So each such text is read once per snapshot and a reference is an index, where format 2 wrote the
// text each time (as Text, which is still read) and reading it was a lookup of the text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/state.hpp"

namespace core {

template <class T>
void write_block_header(std::string& out) {
  ByteWriter w(out);
  w.byte('B');
  w.text(entity_name(T::kType));
  w.varint(T::schema().fields.size());
  for (const auto& spec : T::schema().fields) {
    w.text(spec.name);
    w.byte(static_cast<std::uint8_t>(spec.wire));
  }
}

// One record, in the block of its type's fields as write_block_header<T> lists them. `numbers` are
// the shared texts the snapshot has written so far.
template <class T>
void write_binary_record(const T& record, std::string& out, SharedTextNumbers& numbers) {
  ByteWriter w(out, &numbers);
  w.byte('R');
  w.text(record.id.value);
  w.byte(record.deleted ? 1 : 0);
  const auto& fields = T::schema().fields;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::size_t before = w.size();
    w.varint(i + 1);
    if (!fields[i].write(record, w)) w.truncate(before);  // an empty field is left out
  }
  w.byte(0);
}

// Reads the records after a chunk's header line into the state's tables, with the snapshot's shared
// texts. The indexes are left as they are: rebuild them with State::reindex() once every chunk is
// read. The error's message completes a sentence about the chunk: "has a damaged record".
Status read_binary_records(std::string_view bytes, State& state, const std::vector<SharedText>& shared);

// The shared texts, in number order, after a texts file's header line; and reading them back
// (false when the bytes are damaged).
void write_shared_texts(const SharedTextNumbers& numbers, std::string& out);
bool read_shared_texts(std::string_view bytes, std::vector<SharedText>& shared);

}  // namespace core
