// Small text helpers shared by the parsers. Everything here works on UTF-8 bytes and is
// locale-independent, so native and WASM builds behave identically.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orderlens {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// Length in bytes of a Unicode space at the start of `s` that exports use as padding:
// ASCII space/TAB/CR/LF, NBSP (U+00A0), narrow NBSP (U+202F), ideographic space (U+3000),
// and the BOM / zero-width no-break space (U+FEFF). 0 when `s` does not start with one.
std::size_t leading_space_length(std::string_view s);
// Same, for a space that ends `s`.
std::size_t trailing_space_length(std::string_view s);

// Removes the spaces above from both ends. Inline fast path: most values start and end with a
// printable ASCII byte.
std::string_view trim_slow(std::string_view s);
inline std::string_view trim(std::string_view s) {
  if (s.empty()) return s;
  const auto first = static_cast<unsigned char>(s.front());
  const auto last = static_cast<unsigned char>(s.back());
  if (first > ' ' && first < 0x80 && last > ' ' && last < 0x80) return s;
  return trim_slow(s);
}

std::string ascii_lowercase(std::string_view s);

// Header names are matched after normalization: ASCII lower-cased, and every space (as above),
// ASCII punctuation and symbol removed. "Lineitem quantity", "lineitem_quantity" and
// "LINEITEM-QUANTITY" all become "lineitemquantity"; "총 결제금액" becomes "총결제금액".
std::string normalize_header_name(std::string_view s);

// Appends the UTF-8 encoding of a Unicode scalar value.
void append_utf8(std::string& out, char32_t code_point);

// True when the value is a placeholder that means "no value" in exports ("-", "n/a", "null",
// "none", "없음", ...). Compared after trimming and ASCII lower-casing.
bool is_placeholder_value(std::string_view trimmed);

// Replaces ASCII control characters (other than TAB) by spaces so a value can be quoted
// safely inside a one-line diagnostic message; cuts to `max_bytes` on a UTF-8 boundary.
std::string printable_excerpt(std::string_view s, std::size_t max_bytes = 60);

}  // namespace orderlens
