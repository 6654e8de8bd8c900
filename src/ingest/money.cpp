#include "ingest/money.hpp"

#include <array>
#include <cmath>

#include <fast_float/fast_float.h>

#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr double kMaxAbsAmount = 1e15;

// Currency signs written before or after amounts (UTF-8).
constexpr std::array<std::string_view, 12> kCurrencySigns = {
    "\xE2\x82\xA9",  // ₩
    "\xEF\xBF\xA6",  // ￦ (full width)
    "\xEC\x9B\x90",  // 원
    "$", "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */, "\xC2\xA5" /* ¥ */, "\xEF\xBF\xA5" /* ￥ */,
    "\xE5\x86\x86",  // 円
    "\xE5\x85\x83",  // 元
    "\xE2\x82\xB9",  // ₹
    "\xE2\x82\xBD",  // ₽
};

// Grouping spaces inside numbers: NBSP, narrow NBSP, thin space.
constexpr std::array<std::string_view, 3> kGroupSpaces = {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"};

bool strip_prefix(std::string_view& s, std::string_view p) {
  if (s.substr(0, p.size()) != p) return false;
  s.remove_prefix(p.size());
  return true;
}
bool strip_suffix(std::string_view& s, std::string_view p) {
  if (s.size() < p.size() || s.substr(s.size() - p.size()) != p) return false;
  s.remove_suffix(p.size());
  return true;
}

// Removes currency signs, ISO codes (KRW, usd, US$) and spaces around the number.
void strip_currency(std::string_view& s) {
  for (bool changed = true; changed;) {
    changed = false;
    s = trim(s);
    for (std::string_view sign : kCurrencySigns) changed |= strip_prefix(s, sign) || strip_suffix(s, sign);
    while (!s.empty() && is_ascii_alpha(s.front())) {
      s.remove_prefix(1);
      changed = true;
    }
    while (!s.empty() && is_ascii_alpha(s.back())) {
      s.remove_suffix(1);
      changed = true;
    }
  }
}

}  // namespace

MoneyResult parse_money(std::string_view text, DecimalSeparator decimal) {
  std::string_view s = trim(text);
  strip_prefix(s, "'");  // formula escaping added by exporters ('-5.00)
  bool negative = false;
  s = trim(s);
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    negative = true;
    s = s.substr(1, s.size() - 2);
  }
  strip_currency(s);
  // Sign before or after the currency: "-₩5,000", "₩-5,000", "5,000-".
  if (strip_prefix(s, "-") || strip_prefix(s, "\xE2\x88\x92" /* − */)) negative = !negative;
  else strip_prefix(s, "+");
  strip_currency(s);
  if (strip_suffix(s, "-")) negative = !negative;
  s = trim(s);
  if (s.empty()) return {0, MoneyError::Empty};

  // Copy digits into a plain "123456.78" buffer, dropping grouping marks.
  const char decimal_mark = decimal == DecimalSeparator::Comma ? ',' : '.';
  const char group_mark = decimal == DecimalSeparator::Comma ? '.' : ',';
  char buf[64];
  std::size_t n = 0;
  bool seen_decimal = false;
  bool seen_digit = false;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (is_ascii_digit(c)) {
      seen_digit = true;
    } else if (c == decimal_mark) {
      if (seen_decimal) return {0, MoneyError::TwoDecimalMarks};
      seen_decimal = true;
      if (n < sizeof buf) buf[n++] = '.';
      ++i;
      continue;
    } else if (c == group_mark || c == '\'' || c == ' ' || c == '_') {
      ++i;
      continue;
    } else if ((c == 'e' || c == 'E') && seen_digit && i + 1 < s.size()) {
      // Exponent: keep the rest as is for the number parser ("1.2E+04").
    } else if ((c == '+' || c == '-') && n > 0 && (buf[n - 1] == 'e' || buf[n - 1] == 'E')) {
    } else {
      bool grouped = false;
      for (std::string_view g : kGroupSpaces) {
        if (s.substr(i, g.size()) == g) {
          i += g.size();
          grouped = true;
          break;
        }
      }
      if (grouped) continue;
      return {0, MoneyError::NotANumber};
    }
    if (n >= sizeof buf) return {0, MoneyError::OutOfRange};
    buf[n++] = c;
    ++i;
  }
  if (!seen_digit) return {0, MoneyError::NotANumber};
  double value = 0;
  const auto res = fast_float::from_chars(buf, buf + n, value);
  if (res.ec != std::errc() || res.ptr != buf + n) return {0, MoneyError::NotANumber};
  if (!std::isfinite(value) || std::fabs(value) > kMaxAbsAmount) return {0, MoneyError::OutOfRange};
  return {negative ? -value : value, MoneyError::None};
}

std::string_view money_error_text(MoneyError e) {
  switch (e) {
    case MoneyError::None: return "";
    case MoneyError::Empty: return "expected an amount, found no digits";
    case MoneyError::NotANumber: return "expected an amount such as 12000, 12,000원 or $1,234.50";
    case MoneyError::TwoDecimalMarks: return "expected one decimal mark, found two";
    case MoneyError::OutOfRange: return "amount is not a finite number below 1e15";
  }
  return "";
}

int decimal_comma_evidence(std::string_view text) {
  const std::string_view s = trim(text);
  const std::size_t comma = s.rfind(',');
  const std::size_t point = s.rfind('.');
  auto digits_after = [&](std::size_t pos) {
    std::size_t k = 0;
    while (pos + 1 + k < s.size() && is_ascii_digit(s[pos + 1 + k])) ++k;
    return k;
  };
  if (comma != std::string_view::npos && point != std::string_view::npos) return comma > point ? 1 : -1;
  if (comma != std::string_view::npos) {
    const std::size_t k = digits_after(comma);
    return (k == 1 || k == 2) ? 1 : 0;  // "12,50" vs "12,000"
  }
  if (point != std::string_view::npos) {
    const std::size_t k = digits_after(point);
    return (k == 1 || k == 2) ? -1 : 0;  // "12.50" vs "1.234" (could be either)
  }
  return 0;
}

}  // namespace orderlens
