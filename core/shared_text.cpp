#include "core/shared_text.hpp"

#include <memory>
#include <mutex>
#include <unordered_map>

namespace core {
namespace {

// Every value made so far, by its text. The keys view the values they map to, whose addresses
// never change.
struct Pool {
  std::mutex lock;
  std::unordered_map<std::string_view, std::unique_ptr<const std::string>> values;
};

Pool& pool() {
  static Pool* const p = new Pool;  // never destroyed: values outlive every record, even at exit
  return *p;
}

}  // namespace

const std::string SharedText::kEmpty;

SharedText::SharedText(std::string_view text) {
  if (text.empty()) return;
  // Each thread keeps the values it has used, so opening a store (two threads decoding) seldom
  // takes the pool's lock.
  thread_local std::unordered_map<std::string_view, const std::string*> seen;
  if (auto known = seen.find(text); known != seen.end()) {
    text_ = known->second;
    return;
  }
  Pool& p = pool();
  std::lock_guard<std::mutex> hold(p.lock);
  auto found = p.values.find(text);
  if (found == p.values.end()) {
    auto value = std::make_unique<const std::string>(text);
    const std::string_view key = *value;
    found = p.values.emplace(key, std::move(value)).first;
  }
  text_ = found->second.get();
  seen.emplace(*text_, text_);
}

}  // namespace core
