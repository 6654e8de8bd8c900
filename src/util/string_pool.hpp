// Interns strings to dense 32-bit ids. Ids are assigned in first-seen order, starting at 1;
// id 0 is reserved for "no value" so tables can store a missing string as 0.
//
// The characters live in large append-only blocks (never moved), so the string_views handed
// out and used as hash keys stay valid for the pool's lifetime. This is a hot path of
// ingestion (every order id, customer key and product is interned once per row), hence a
// flat open-addressing map (tsl::robin_map) instead of std::unordered_map<std::string, ...>,
// which allocates one node and one string per entry.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <tsl/robin_map.h>

#include "util/hash.hpp"

namespace orderlens {

class StringPool {
 public:
  static constexpr std::uint32_t kNone = 0;

  StringPool();

  // Returns the id of `s`, adding it when new. The empty string maps to kNone.
  std::uint32_t intern(std::string_view s);
  // Returns the id of `s`, or kNone when it was never interned.
  std::uint32_t find(std::string_view s) const;
  // The string of an id; kNone gives "".
  std::string_view view(std::uint32_t id) const { return strings_[id]; }
  // Number of ids handed out, including kNone.
  std::size_t size() const { return strings_.size(); }
  // Bytes held by the pool (characters, index and hash table), for memory reports.
  std::size_t memory_bytes() const;

 private:
  std::string_view store(std::string_view s);

  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0;
  std::size_t block_size_ = 0;
  std::size_t allocated_bytes_ = 0;
  std::vector<std::string_view> strings_;
  tsl::robin_map<std::string_view, std::uint32_t, StringViewHash> index_;
};

}  // namespace orderlens
