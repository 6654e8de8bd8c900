#include "util/text.hpp"

#include <array>

namespace orderlens {

namespace {

// Multi-byte spaces, as UTF-8.
constexpr std::array<std::string_view, 4> kWideSpaces = {
    "\xC2\xA0",      // U+00A0 no-break space
    "\xE2\x80\xAF",  // U+202F narrow no-break space
    "\xE3\x80\x80",  // U+3000 ideographic space
    "\xEF\xBB\xBF",  // U+FEFF BOM / zero-width no-break space
};

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

}  // namespace

// Both functions run for every value of every row: decide on the first (last) byte before
// comparing multi-byte sequences.
std::size_t leading_space_length(std::string_view s) {
  if (s.empty()) return 0;
  const auto b = static_cast<unsigned char>(s.front());
  if (b < 0x80) return is_ascii_space(static_cast<char>(b)) ? 1 : 0;
  if (b != 0xC2 && b != 0xE2 && b != 0xE3 && b != 0xEF) return 0;
  for (std::string_view w : kWideSpaces)
    if (s.substr(0, w.size()) == w) return w.size();
  return 0;
}

std::size_t trailing_space_length(std::string_view s) {
  if (s.empty()) return 0;
  const auto b = static_cast<unsigned char>(s.back());
  if (b < 0x80) return is_ascii_space(static_cast<char>(b)) ? 1 : 0;
  if (b != 0xA0 && b != 0xAF && b != 0x80 && b != 0xBF) return 0;
  for (std::string_view w : kWideSpaces)
    if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) return w.size();
  return 0;
}

std::string_view trim_slow(std::string_view s) {
  while (std::size_t n = leading_space_length(s)) s.remove_prefix(n);
  while (std::size_t n = trailing_space_length(s)) s.remove_suffix(n);
  return s;
}

std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string normalize_header_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    if (std::size_t n = leading_space_length(s)) {
      s.remove_prefix(n);
      continue;
    }
    const char c = s.front();
    s.remove_prefix(1);
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !is_ascii_digit(c) && !is_ascii_alpha(c)) continue;  // punctuation, symbols
    out.push_back(ascii_lower(c));
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_placeholder_value(std::string_view trimmed) {
  if (trimmed.empty() || trimmed.size() > 8) return false;  // the longest is "(없음)", 8 bytes
  const char first = trimmed.front();
  if (first != '-' && first != 'n' && first != 'N' && first != '(' && static_cast<unsigned char>(first) != 0xEC)
    return false;  // none of the placeholders starts otherwise (0xEC: 없)
  static constexpr std::array<std::string_view, 9> kPlaceholders = {
      "-", "--", "n/a", "na", "null", "none", "nil", "없음", "(없음)"};
  const std::string lower = ascii_lowercase(trimmed);
  for (std::string_view p : kPlaceholders)
    if (lower == p) return true;
  return false;
}

std::string printable_excerpt(std::string_view s, std::size_t max_bytes) {
  std::string out;
  std::size_t cut = s.size();
  if (cut > max_bytes) {
    cut = max_bytes;
    // Step back to the start of a UTF-8 sequence so the excerpt stays valid UTF-8.
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  out.reserve(cut + 3);
  for (std::size_t i = 0; i < cut; ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    out.push_back((u < 0x20 && u != '\t') || u == 0x7F ? ' ' : s[i]);
  }
  if (cut < s.size()) out += "…";
  return out;
}

}  // namespace orderlens
