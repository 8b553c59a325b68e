// Errors the core returns instead of throwing: a code for callers, a sentence for the person at
// the keyboard, and per-field messages for forms. Result<T> holds either a value or an Error.
#pragma once
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace core {

enum class ErrorCode { Invalid, NotFound, StorageFailed, Corrupt };

struct FieldError {
  std::string field;    // the form field it belongs to, e.g. "birth_date"
  std::string message;  // shown next to that field
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorCode code = ErrorCode::Invalid;
  std::string message;             // one user-readable sentence
  std::vector<FieldError> fields;  // filled for validation errors
};

struct Ok {};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

using Status = Result<Ok>;

inline Error storage_error(std::string message) {
  return Error{ErrorCode::StorageFailed, std::move(message), {}};
}

}  // namespace core
