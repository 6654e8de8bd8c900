#include "util/string_pool.hpp"

#include <algorithm>
#include <cstring>

namespace orderlens {

namespace {
constexpr std::size_t kBlockBytes = 256 * 1024;
constexpr float kMaxLoad = 0.8f;  // robin hood probing stays short at this load
}  // namespace

StringPool::StringPool() : index_(0, Hash{&strings_}, Equal{&strings_}) {
  index_.max_load_factor(kMaxLoad);
  strings_.emplace_back();
}

std::uint32_t StringPool::intern(std::string_view s) {
  if (s.empty()) return kNone;
  if (auto it = index_.find(s); it != index_.end()) return *it;
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.push_back(store(s));
  index_.insert(id);
  return id;
}

std::uint32_t StringPool::find(std::string_view s) const {
  if (s.empty()) return kNone;
  auto it = index_.find(s);
  return it == index_.end() ? kNone : *it;
}

std::string_view StringPool::store(std::string_view s) {
  if (block_used_ + s.size() > block_size_) {
    // A string longer than a block gets a block of its own size.
    block_size_ = std::max(kBlockBytes, s.size());
    blocks_.push_back(std::make_unique<char[]>(block_size_));
    allocated_bytes_ += block_size_;
    block_used_ = 0;
  }
  char* dst = blocks_.back().get() + block_used_;
  std::memcpy(dst, s.data(), s.size());
  block_used_ += s.size();
  return {dst, s.size()};
}

std::size_t StringPool::memory_bytes() const {
  // A slot holds the id, the stored 32-bit hash and the probe distance.
  constexpr std::size_t kSlotBytes = 12;
  return allocated_bytes_ + strings_.capacity() * sizeof(std::string_view) + index_.bucket_count() * kSlotBytes;
}

}  // namespace orderlens
