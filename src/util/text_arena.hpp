// Append-only storage for the characters of many small strings: large blocks that never move,
// so the string_views handed out stay valid for the arena's lifetime.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace orderlens {

class TextArena {
 public:
  std::string_view store(std::string_view s);
  std::size_t memory_bytes() const { return allocated_bytes_; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0;
  std::size_t block_size_ = 0;
  std::size_t allocated_bytes_ = 0;
};

// Strings kept without de-duplication (display values such as customer names): dense ids from
// 1, id 0 for "no value", no hashing.
class StringList {
 public:
  StringList() { strings_.emplace_back(); }
  std::uint32_t add(std::string_view s) {
    if (s.empty()) return 0;
    strings_.push_back(arena_.store(s));
    return static_cast<std::uint32_t>(strings_.size() - 1);
  }
  std::string_view view(std::uint32_t id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }  // ids handed out, including 0
  void shrink_to_fit() { strings_.shrink_to_fit(); }
  std::size_t memory_bytes() const { return arena_.memory_bytes() + strings_.capacity() * sizeof(std::string_view); }

 private:
  TextArena arena_;
  std::vector<std::string_view> strings_;
};

}  // namespace orderlens
