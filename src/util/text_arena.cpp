#include "util/text_arena.hpp"

#include <algorithm>
#include <cstring>

namespace orderlens {

namespace {
constexpr std::size_t kBlockBytes = 256 * 1024;
}

std::string_view TextArena::store(std::string_view s) {
  if (block_used_ + s.size() > block_size_) {
    // A string longer than a block gets a block of its own size.
    block_size_ = std::max(kBlockBytes, s.size());
    blocks_.push_back(std::make_unique<char[]>(block_size_));
    allocated_bytes_ += block_size_;
    block_used_ = 0;
  }
  char* dst = blocks_.back().get() + block_used_;
  if (!s.empty()) std::memcpy(dst, s.data(), s.size());
  block_used_ += s.size();
  return {dst, s.size()};
}

}  // namespace orderlens
