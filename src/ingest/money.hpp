// Money amounts as exports write them: "₩12,000", "12,000원", "$1,234.50", "1.234,56" (decimal
// comma), "(1,000)" (accounting negative), "-5.00", "'-5.00" (CSV formula escaping), "KRW 5000",
// "1 234,56" with NBSP / thin-space grouping, "1.2E+04" (Excel scientific).
#pragma once

#include <cstdint>
#include <string_view>

namespace orderlens {

enum class DecimalSeparator : std::uint8_t { Point, Comma };

enum class MoneyError : std::uint8_t {
  None,
  Empty,              // nothing but spaces / currency
  NotANumber,         // letters or symbols where digits were expected
  TwoDecimalMarks,    // "1.2.3" with '.' as the decimal mark
  OutOfRange,         // not finite, or beyond 1e15 in magnitude
};

struct MoneyResult {
  double value = 0;
  MoneyError error = MoneyError::None;
  bool ok() const { return error == MoneyError::None; }
};

MoneyResult parse_money(std::string_view text, DecimalSeparator decimal);

// Words for a diagnostic, e.g. "expected an amount such as 12,000 or $1,234.50".
std::string_view money_error_text(MoneyError e);

// Evidence about the decimal mark from one value: +1 says "decimal comma" (e.g. "12,50",
// "1.234,56"), -1 says "decimal point" ("12.50", "1,234.56"), 0 says nothing ("12,000", "500").
int decimal_comma_evidence(std::string_view text);

}  // namespace orderlens
