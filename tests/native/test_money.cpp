// Unit tests for src/ingest/money.hpp: parse_money, decimal_comma_evidence, money_error_text.
// Expected values are worked out by hand from the header's documentation.
#include <doctest.h>

#include <string>

#include "ingest/money.hpp"

using namespace orderlens;

namespace {

constexpr DecimalSeparator kPoint = DecimalSeparator::Point;
constexpr DecimalSeparator kComma = DecimalSeparator::Comma;

// Parses and checks a successful amount.
void check_amount(std::string_view text, DecimalSeparator decimal, double expected) {
  CAPTURE(text);
  const MoneyResult r = parse_money(text, decimal);
  CHECK(r.error == MoneyError::None);
  CHECK(r.ok());
  CHECK(r.value == doctest::Approx(expected).epsilon(1e-12));
}

void check_error(std::string_view text, DecimalSeparator decimal, MoneyError expected) {
  CAPTURE(text);
  const MoneyResult r = parse_money(text, decimal);
  CHECK(r.error == expected);
  CHECK_FALSE(r.ok());
}

}  // namespace

TEST_CASE("test_money: formats listed in the header") {
  check_amount("\xE2\x82\xA9" "12,000", kPoint, 12000);       // "₩12,000"
  check_amount("12,000원", kPoint, 12000);
  check_amount("$1,234.50", kPoint, 1234.5);
  check_amount("1.234,56", kComma, 1234.56);
  check_amount("(1,000)", kPoint, -1000);                      // accounting negative
  check_amount("-5.00", kPoint, -5);
  check_amount("'-5.00", kPoint, -5);                          // CSV formula escaping
  check_amount("KRW 5000", kPoint, 5000);
  check_amount("1\xC2\xA0" "234,56", kComma, 1234.56);         // NBSP grouping
  check_amount("1\xE2\x80\xAF" "234,56", kComma, 1234.56);     // narrow NBSP (U+202F) grouping
  check_amount("1\xE2\x80\x89" "234,56", kComma, 1234.56);     // thin space (U+2009) grouping
  check_amount("1.2E+04", kPoint, 12000);                      // 1.2 x 10^4
}

TEST_CASE("test_money: plain numbers and grouping with the decimal point") {
  check_amount("0", kPoint, 0);
  check_amount("500", kPoint, 500);
  check_amount("12.50", kPoint, 12.5);
  check_amount("12,000", kPoint, 12000);
  check_amount("1,234,567.89", kPoint, 1234567.89);
  check_amount("0.99", kPoint, 0.99);
  check_amount("1.5e3", kPoint, 1500);
  check_amount("1.2E-02", kPoint, 0.012);
}

TEST_CASE("test_money: decimal comma") {
  check_amount("12,50", kComma, 12.5);
  check_amount("1.234.567,89", kComma, 1234567.89);
  check_amount("0,99", kComma, 0.99);
  check_amount("500", kComma, 500);
  check_amount("-1.234,56", kComma, -1234.56);
  check_amount("(1.234,56)", kComma, -1234.56);
  check_amount("1\xC2\xA0" "234\xC2\xA0" "567,5", kComma, 1234567.5);
  check_amount("12,50 \xE2\x82\xAC", kComma, 12.5);            // "12,50 €"
}

TEST_CASE("test_money: currency symbols, codes and padding") {
  check_amount("\xE2\x82\xAC" "12.50", kPoint, 12.5);          // "€12.50"
  check_amount("12.50 USD", kPoint, 12.5);
  check_amount("USD 12.50", kPoint, 12.5);
  check_amount("  12,000  ", kPoint, 12000);
  check_amount("\xC2\xA0" "12,000\xC2\xA0", kPoint, 12000);    // NBSP padding
  check_amount("\xE3\x80\x80" "12,000원", kPoint, 12000);  // ideographic space + 원
  check_amount("'12,000", kPoint, 12000);
  check_amount("-\xE2\x82\xA9" "5,000", kPoint, -5000);        // "-₩5,000"
  check_amount("-$1,234.50", kPoint, -1234.5);
  check_amount("\xE2\x82\xA9" "-5,000", kPoint, -5000);        // "₩-5,000"
  // Accounting negatives combined with a currency sign or code (Excel currency formats).
  check_amount("($1,000.00)", kPoint, -1000);
  check_amount("$(1,000.00)", kPoint, -1000);
  check_amount("(1,000.00) USD", kPoint, -1000);
  check_amount("(\xE2\x82\xA9" "1,000)", kPoint, -1000);       // "(₩1,000)"
  check_amount("\xC2\xA3" "12.50", kPoint, 12.5);          // "£12.50"
  check_amount("\xC2\xA5" "1,000", kPoint, 1000);          // "¥1,000"
}

TEST_CASE("test_money: forms listed in docs/ingestion.md") {
  check_amount("5.00-", kPoint, -5);                            // trailing minus
  check_amount("1,234.50-", kPoint, -1234.5);
  check_amount("1'234.50", kPoint, 1234.5);                     // apostrophe grouping (Swiss)
  check_amount("1'234,50", kComma, 1234.5);
  check_amount("1 234.50", kPoint, 1234.5);                     // ASCII space grouping
  check_amount("1.234", kComma, 1234);                          // '.' groups when ',' is the mark
}

TEST_CASE("test_money: magnitude limit 1e15") {
  check_amount("1000000000000000", kPoint, 1e15);              // exactly 1e15 is not beyond it
  check_amount("-1000000000000000", kPoint, -1e15);
  check_amount("999,999,999,999,999.99", kPoint, 999999999999999.99);
  check_error("1000000000000001", kPoint, MoneyError::OutOfRange);
  check_error("2,000,000,000,000,000", kPoint, MoneyError::OutOfRange);  // 2e15
  check_error("-2,000,000,000,000,000", kPoint, MoneyError::OutOfRange);
  check_error("1e16", kPoint, MoneyError::OutOfRange);
  check_error("1.5E+20", kPoint, MoneyError::OutOfRange);
  check_error("1e400", kPoint, MoneyError::OutOfRange);       // not finite as a double
  check_error("(5e15)", kPoint, MoneyError::OutOfRange);
}

TEST_CASE("test_money: empty values") {
  check_error("", kPoint, MoneyError::Empty);
  check_error("   ", kPoint, MoneyError::Empty);
  check_error("\xC2\xA0\xE3\x80\x80", kPoint, MoneyError::Empty);  // NBSP + U+3000 only
  check_error("\xE2\x82\xA9", kPoint, MoneyError::Empty);           // "₩" alone
  check_error("$ ", kPoint, MoneyError::Empty);
  check_error("원", kPoint, MoneyError::Empty);           // "원" alone
  check_error("", kComma, MoneyError::Empty);
}

TEST_CASE("test_money: not a number") {
  check_error("abc", kPoint, MoneyError::NotANumber);
  check_error("12abc", kPoint, MoneyError::NotANumber);
  check_error("twelve dollars", kPoint, MoneyError::NotANumber);
  check_error("1-2", kPoint, MoneyError::NotANumber);
  check_error("#VALUE!", kPoint, MoneyError::NotANumber);
  check_error("abc", kComma, MoneyError::NotANumber);
}

TEST_CASE("test_money: two decimal marks") {
  check_error("1.2.3", kPoint, MoneyError::TwoDecimalMarks);
  check_error("1,2,3", kComma, MoneyError::TwoDecimalMarks);
}

TEST_CASE("test_money: money_error_text") {
  for (MoneyError e : {MoneyError::Empty, MoneyError::NotANumber, MoneyError::TwoDecimalMarks,
                       MoneyError::OutOfRange}) {
    CAPTURE(static_cast<int>(e));
    CHECK_FALSE(money_error_text(e).empty());
  }
  CHECK(money_error_text(MoneyError::Empty) != money_error_text(MoneyError::OutOfRange));
  CHECK(money_error_text(MoneyError::NotANumber) != money_error_text(MoneyError::TwoDecimalMarks));
}

TEST_CASE("test_money: decimal_comma_evidence") {
  // +1: only a decimal comma explains the value.
  CHECK(decimal_comma_evidence("12,50") == 1);
  CHECK(decimal_comma_evidence("1.234,56") == 1);
  CHECK(decimal_comma_evidence("12,5") == 1);       // one digit after the comma: not grouping
  CHECK(decimal_comma_evidence("0,99") == 1);
  // -1: only a decimal point explains the value.
  CHECK(decimal_comma_evidence("12.50") == -1);
  CHECK(decimal_comma_evidence("1,234.56") == -1);
  CHECK(decimal_comma_evidence("$1,234.50") == -1);
  CHECK(decimal_comma_evidence("12.5") == -1);
  // 0: either reading works, or nothing to go on.
  CHECK(decimal_comma_evidence("12,000") == 0);     // 12000 or 12.000
  CHECK(decimal_comma_evidence("12.000") == 0);     // 12.000 or 12000
  CHECK(decimal_comma_evidence("\xE2\x82\xA9" "12,000") == 0);
  CHECK(decimal_comma_evidence("500") == 0);
  CHECK(decimal_comma_evidence("") == 0);
  CHECK(decimal_comma_evidence("abc") == 0);
}
