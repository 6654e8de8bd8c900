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
  if (!s.starts_with(p)) return false;
  s.remove_prefix(p.size());
  return true;
}
bool strip_suffix(std::string_view& s, std::string_view p) {
  if (!s.ends_with(p)) return false;
  s.remove_suffix(p.size());
  return true;
}

// ISO 4217 codes written next to amounts (any letter case: Stripe writes "usd").
constexpr std::array<std::string_view, 40> kCurrencyCodes = {
    "KRW", "USD", "EUR", "JPY", "GBP", "CNY", "CAD", "AUD", "NZD", "CHF", "HKD", "SGD", "TWD", "THB",
    "VND", "IDR", "MYR", "PHP", "INR", "BRL", "MXN", "ARS", "CLP", "COP", "PEN", "ZAR", "SEK", "NOK",
    "DKK", "PLN", "CZK", "HUF", "TRY", "RUB", "AED", "SAR", "ILS", "BDT", "RMB", "WON"};

bool is_currency_code(std::string_view letters) {
  if (letters.size() != 3) return false;
  char upper[3];
  for (int k = 0; k < 3; ++k) upper[k] = static_cast<char>(letters[k] & ~0x20);
  for (std::string_view code : kCurrencyCodes)
    if (code == std::string_view(upper, 3)) return true;
  return false;
}

std::size_t leading_letters(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_ascii_alpha(s[n])) ++n;
  return n;
}

std::size_t trailing_letters(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_ascii_alpha(s[s.size() - 1 - n])) ++n;
  return n;
}

// Removes currency signs ("₩", "원", "$"), ISO codes ("KRW", "usd") and dollar prefixes ("US$",
// "R$") around the number. Other letters stay, so "12abc" is not a number.
void strip_currency(std::string_view& s) {
  for (bool changed = true; changed;) {
    changed = false;
    s = trim(s);
    for (std::string_view sign : kCurrencySigns) changed |= strip_prefix(s, sign) || strip_suffix(s, sign);
    if (const std::size_t n = leading_letters(s); n > 0) {
      if (n < s.size() && n <= 3 && s[n] == '$') {  // US$, A$, HK$, R$
        s.remove_prefix(n + 1);
        changed = true;
      } else if (is_currency_code(s.substr(0, n))) {
        s.remove_prefix(n);
        changed = true;
      }
    }
    if (const std::size_t n = trailing_letters(s); n > 0 && is_currency_code(s.substr(s.size() - n))) {
      s.remove_suffix(n);
      changed = true;
    }
  }
}

// "(1,000)" is an accounting negative; the parentheses may sit inside or outside the currency.
bool strip_parentheses(std::string_view& s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
  s = trim(s.substr(1, s.size() - 2));
  return true;
}

// Plain numbers ("12000", "-5.00", "1234,56" with a decimal comma) are most values of most
// exports: parse them without the currency and separator handling below.
bool parse_plain_number(std::string_view s, DecimalSeparator decimal, double& value) {
  const char mark = decimal == DecimalSeparator::Comma ? ',' : '.';
  std::size_t i = (!s.empty() && s.front() == '-') ? 1 : 0;
  if (i >= s.size()) return false;
  int marks = 0;
  for (std::size_t k = i; k < s.size(); ++k) {
    const char c = s[k];
    if (c == mark) {
      if (++marks > 1 || k == i || k + 1 == s.size()) return false;
    } else if (!is_ascii_digit(c)) {
      return false;
    }
  }
  if (decimal == DecimalSeparator::Comma && marks) {
    char buf[64];
    if (s.size() > sizeof buf) return false;
    for (std::size_t k = 0; k < s.size(); ++k) buf[k] = s[k] == ',' ? '.' : s[k];
    return fast_float::from_chars(buf, buf + s.size(), value).ec == std::errc();
  }
  return fast_float::from_chars(s.data(), s.data() + s.size(), value).ec == std::errc();
}

}  // namespace

MoneyResult parse_money(std::string_view text, DecimalSeparator decimal) {
  std::string_view s = trim(text);
  if (double plain = 0; parse_plain_number(s, decimal, plain)) {
    if (std::fabs(plain) > kMaxAbsAmount) return {0, MoneyError::OutOfRange};
    return {plain == 0 ? 0.0 : plain, MoneyError::None};  // no negative zero
  }
  strip_prefix(s, "'");  // formula escaping added by exporters ('-5.00)
  s = trim(s);
  bool negative = strip_parentheses(s);
  strip_currency(s);
  if (strip_parentheses(s)) negative = !negative;
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
  if (value == 0) return {0.0, MoneyError::None};  // no negative zero
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
