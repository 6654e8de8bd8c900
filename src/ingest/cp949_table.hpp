// CP949 (Unified Hangul Code, a superset of EUC-KR) double-byte table: lead bytes 0x81-0xFE,
// trail bytes 0x41-0xFE. Generated from glibc iconv by tools/gen_cp949_table.cpp.
#pragma once

#include <cstdint>

namespace orderlens {

inline constexpr int kCp949FirstLead = 0x81;
inline constexpr int kCp949LastLead = 0xFE;
inline constexpr int kCp949FirstTrail = 0x41;
inline constexpr int kCp949LastTrail = 0xFE;
inline constexpr int kCp949LeadCount = kCp949LastLead - kCp949FirstLead + 1;
inline constexpr int kCp949TrailCount = kCp949LastTrail - kCp949FirstTrail + 1;

// Unicode code point of (lead, trail), or 0 when the pair is not mapped.
extern const std::uint16_t kCp949Table[kCp949LeadCount * kCp949TrailCount];

inline std::uint16_t cp949_lookup(unsigned char lead, unsigned char trail) {
  if (lead < kCp949FirstLead || lead > kCp949LastLead || trail < kCp949FirstTrail || trail > kCp949LastTrail)
    return 0;
  return kCp949Table[(lead - kCp949FirstLead) * kCp949TrailCount + (trail - kCp949FirstTrail)];
}

}  // namespace orderlens
