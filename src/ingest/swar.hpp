// Eight-bytes-at-a-time ("SIMD within a register") byte scanning, portable to g++ and to WASM
// (where 64-bit integer ops are native). The CSV tokenizer and the UTF-8 validator spend most
// of their time looking for a few byte values; this finds them 8 bytes per step. Hand-written
// because it is the hot path of ingestion and no header-only library offers it for both targets.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace orderlens::swar {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
inline constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;

inline std::uint64_t load(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// High bit set in exactly those bytes of `w` that are zero (no false positives).
inline std::uint64_t zero_bytes(std::uint64_t w) {
  const std::uint64_t t = (w & kLow7) + kLow7;
  return ~(t | w | kLow7);
}

// High bit set in the bytes of `w` equal to `byte`.
inline std::uint64_t equal_bytes(std::uint64_t w, unsigned char byte) {
  return zero_bytes(w ^ (kOnes * byte));
}

// High bit set in the first zero byte of `w` (and maybe in some later bytes, which a borrow can
// flag): exact for finding the FIRST zero byte, and cheaper than zero_bytes().
inline std::uint64_t first_zero_byte_candidates(std::uint64_t w) { return (w - kOnes) & ~w & kHighBits; }

// Index (0-7) of the first byte flagged in a mask from the functions above.
inline unsigned first_flagged(std::uint64_t mask) {
  return static_cast<unsigned>(std::countr_zero(mask)) >> 3;
}

inline unsigned count_flagged(std::uint64_t mask) { return static_cast<unsigned>(std::popcount(mask)); }

// Finds the first of four byte values (e.g. delimiter, CR, LF, NUL) in [p, end).
class ByteSetFinder {
 public:
  ByteSetFinder(unsigned char a, unsigned char b, unsigned char c, unsigned char d)
      : a_(kOnes * a), b_(kOnes * b), c_(kOnes * c), d_(kOnes * d) {
    for (unsigned char x : {a, b, c, d}) table_[x] = true;
  }
  const char* find(const char* p, const char* end) const {
    while (end - p >= 8) {
      const std::uint64_t w = load(p);
      const std::uint64_t m = first_zero_byte_candidates(w ^ a_) | first_zero_byte_candidates(w ^ b_) |
                              first_zero_byte_candidates(w ^ c_) | first_zero_byte_candidates(w ^ d_);
      if (m) return p + first_flagged(m);
      p += 8;
    }
    while (p < end && !table_[static_cast<unsigned char>(*p)]) ++p;
    return p;
  }

 private:
  std::uint64_t a_, b_, c_, d_;
  bool table_[256] = {};
};

}  // namespace orderlens::swar
