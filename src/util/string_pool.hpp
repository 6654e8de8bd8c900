// Interns strings to dense 32-bit ids. Ids are assigned in first-seen order, starting at 1;
// id 0 is reserved for "no value" so tables can store a missing string as 0.
//
// The characters live in a TextArena (never moved), so the string_views handed out stay valid
// for the pool's lifetime. The index is a flat open-addressing set of ids
// (tsl::robin_set with heterogeneous lookup by string_view, the 32-bit hash stored beside each
// id): about 12 bytes per slot at a load of 0.8, where a map keyed by string_view took ~32 per
// slot at 0.5. Interning is a hot path of ingestion (order ids, customer keys, products).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <tsl/robin_set.h>

#include "util/hash.hpp"
#include "util/text_arena.hpp"

namespace orderlens {

class StringPool {
 public:
  static constexpr std::uint32_t kNone = 0;

  StringPool();
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  // Returns the id of `s`, adding it when new. The empty string maps to kNone.
  std::uint32_t intern(std::string_view s);
  // Adds `s`, known to be absent (the caller looked it up earlier and has not added it since).
  std::uint32_t add_absent(std::string_view s);
  // Adds `s` when new, in one lookup; returns its id and whether it was added.
  std::pair<std::uint32_t, bool> insert(std::string_view s);
  // Forgets the strings added after the pool had `size` ids (the characters stay allocated).
  void truncate(std::size_t size);
  // Returns the id of `s`, or kNone when it was never interned.
  std::uint32_t find(std::string_view s) const;
  // The string of an id; kNone gives "".
  std::string_view view(std::uint32_t id) const { return strings_[id]; }
  // Number of ids handed out, including kNone.
  std::size_t size() const { return strings_.size(); }
  // Makes room for `more` strings without rehashing on the way.
  void reserve_more(std::size_t more) {
    strings_.reserve(strings_.size() + more);
    index_.reserve(index_.size() + more);
  }
  // Releases the slack of the id table once no more strings are expected (lookups still work).
  void shrink_to_fit() { strings_.shrink_to_fit(); }
  // Bytes held by the pool (characters, index and hash table), for memory reports.
  std::size_t memory_bytes() const;

 private:
  // Hash and equality over ids and string_views alike (ids are looked up in strings_).
  struct Hash {
    using is_transparent = void;
    const std::vector<std::string_view>* strings;
    std::size_t operator()(std::uint32_t id) const { return (*this)((*strings)[id]); }
    std::size_t operator()(std::string_view s) const { return static_cast<std::size_t>(hash64(s)); }
  };
  struct Equal {
    using is_transparent = void;
    const std::vector<std::string_view>* strings;
    std::string_view of(std::uint32_t id) const { return (*strings)[id]; }
    // Ids compare by their strings: insert(new id) must find an equal string stored under another id.
    bool operator()(std::uint32_t a, std::uint32_t b) const { return a == b || of(a) == of(b); }
    bool operator()(std::uint32_t a, std::string_view b) const { return of(a) == b; }
    bool operator()(std::string_view a, std::uint32_t b) const { return a == of(b); }
  };
  using Index = tsl::robin_set<std::uint32_t, Hash, Equal, std::allocator<std::uint32_t>, true>;

  TextArena arena_;
  std::vector<std::string_view> strings_;
  Index index_;
};

}  // namespace orderlens
