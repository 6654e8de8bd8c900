#include "util/string_pool.hpp"

#include <algorithm>
#include <cstring>

namespace orderlens {

namespace {
constexpr float kMaxLoad = 0.8f;  // robin hood probing stays short at this load
}  // namespace

StringPool::StringPool() : index_(0, Hash{&strings_}, Equal{&strings_}) {
  index_.max_load_factor(kMaxLoad);
  strings_.emplace_back();
}

std::uint32_t StringPool::intern(std::string_view s) {
  return insert(s).first;
}

std::pair<std::uint32_t, bool> StringPool::insert(std::string_view s) {
  if (s.empty()) return {kNone, false};
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.push_back(s);  // the index hashes and compares through strings_
  const auto [it, added] = index_.insert(id);
  if (!added) {
    strings_.pop_back();
    return {*it, false};
  }
  strings_.back() = arena_.store(s);
  return {id, true};
}

void StringPool::truncate(std::size_t size) {
  while (strings_.size() > std::max<std::size_t>(size, 1)) {
    index_.erase(static_cast<std::uint32_t>(strings_.size() - 1));
    strings_.pop_back();
  }
}

std::uint32_t StringPool::add_absent(std::string_view s) {
  if (s.empty()) return kNone;
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.push_back(arena_.store(s));
  index_.insert(id);
  return id;
}

std::uint32_t StringPool::find(std::string_view s) const {
  if (s.empty()) return kNone;
  auto it = index_.find(s);
  return it == index_.end() ? kNone : *it;
}

std::size_t StringPool::memory_bytes() const {
  // A slot holds the id, the stored 32-bit hash and the probe distance.
  constexpr std::size_t kSlotBytes = 12;
  return arena_.memory_bytes() + strings_.capacity() * sizeof(std::string_view) + index_.bucket_count() * kSlotBytes;
}

}  // namespace orderlens
