// 64-bit hashing that gives the same value natively and in WASM (std::hash is 32-bit in
// wasm32, too weak to fingerprint a million rows). xxHash (BSD-2) from libxxhash-dev, inlined.
// XXH64 rather than XXH3: XXH3 relies on 64x64->128-bit multiplies, which WebAssembly emulates
// (measured: string-pool lookups took twice as long in WASM).
#pragma once

#include <cstdint>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace orderlens {

inline std::uint64_t hash64(const void* data, std::size_t size, std::uint64_t seed = 0) {
  return XXH64(data, size, seed);
}

inline std::uint64_t hash64(std::string_view s, std::uint64_t seed = 0) { return hash64(s.data(), s.size(), seed); }

// Fingerprint of a long text (a whole CSV row): XXH3, whose long-input path uses only 32x32-bit
// multiplies and is fast in WASM too.
inline std::uint64_t fingerprint64(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// For hash tables keyed by a 64-bit number whose low bits barely vary (a double's bits, an
// index pair packed as hi << 32 | lo): std::hash is the identity there, which puts such keys in
// the same buckets of a power-of-two table (and makes tsl::robin_map grow without end).
struct Mix64Hash {
  std::size_t operator()(std::uint64_t k) const {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return static_cast<std::size_t>(k);
  }
};

}  // namespace orderlens
