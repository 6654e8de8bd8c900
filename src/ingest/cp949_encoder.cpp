#include "ingest/cp949_encoder.hpp"

#include <cstdint>
#include <vector>

#include "ingest/cp949_table.hpp"

namespace orderlens {

namespace {

// Code point (BMP) -> lead << 8 | trail; 0 when CP949 has no double-byte form.
const std::vector<std::uint16_t>& inverse_table() {
  static const std::vector<std::uint16_t> table = [] {
    std::vector<std::uint16_t> t(0x10000, 0);
    for (int lead = kCp949FirstLead; lead <= kCp949LastLead; ++lead) {
      for (int trail = kCp949FirstTrail; trail <= kCp949LastTrail; ++trail) {
        const std::uint16_t cp = cp949_lookup(static_cast<unsigned char>(lead), static_cast<unsigned char>(trail));
        if (cp != 0 && t[cp] == 0) t[cp] = static_cast<std::uint16_t>(lead << 8 | trail);
      }
    }
    return t;
  }();
  return table;
}

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i, or -1 (and skips
// one byte) for an invalid sequence.
long next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  const int length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) {
    ++i;
    return -1;
  }
  long cp = length == 1 ? b0 : b0 & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = cp << 6 | (b & 0x3F);
  }
  static constexpr long kMinimum[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return -1;
  }
  i += length;
  return cp;
}

}  // namespace

Cp949Text encode_cp949(std::string_view utf8) {
  Cp949Text out;
  out.bytes.reserve(utf8.size());
  const std::vector<std::uint16_t>& table = inverse_table();
  for (std::size_t i = 0; i < utf8.size();) {
    const long cp = next_code_point(utf8, i);
    if (cp >= 0 && cp < 0x80) {
      out.bytes.push_back(static_cast<char>(cp));
      continue;
    }
    const std::uint16_t pair = cp > 0 && cp < 0x10000 ? table[static_cast<std::size_t>(cp)] : 0;
    if (pair == 0) {
      out.bytes.push_back('?');
      ++out.unmappable;
      continue;
    }
    out.bytes.push_back(static_cast<char>(pair >> 8));
    out.bytes.push_back(static_cast<char>(pair & 0xFF));
  }
  return out;
}

}  // namespace orderlens
