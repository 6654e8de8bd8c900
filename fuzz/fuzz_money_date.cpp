// The money and date parsers (ingest/money.hpp, ingest/date_time.hpp) on any text, and Excel
// serial dates on any double. Invariants: an accepted amount is finite and within the 1e15
// bound; an accepted date lies in 1900..2200 with a time of day in 0..86399.
#include <cmath>
#include <cstring>

#include "fuzz_support.hpp"
#include "ingest/date_time.hpp"
#include "ingest/money.hpp"

namespace {

using namespace orderlens;

// 1900-01-01 and 2200-12-31 as days since 1970-01-01.
constexpr std::int32_t kFirstDay = -25567, kLastDay = 84370;

void check_date(const DateResult& r) {
  if (!r.ok()) return;
  if (r.value.days < kFirstDay || r.value.days > kLastDay) fuzz::invariant_broken("an accepted date is out of range");
  if (r.value.seconds_of_day < 0 || r.value.seconds_of_day > 86399) fuzz::invariant_broken("a time of day is out of range");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (DecimalSeparator d : {DecimalSeparator::Point, DecimalSeparator::Comma}) {
    const MoneyResult m = parse_money(text, d);
    if (m.ok() && (!std::isfinite(m.value) || std::fabs(m.value) > 1e15)) fuzz::invariant_broken("an accepted amount is out of range");
    if (!m.ok() && money_error_text(m.error).empty()) fuzz::invariant_broken("a money error without words");
  }
  (void)decimal_comma_evidence(text);
  for (DayMonthOrder order : {DayMonthOrder::MonthFirst, DayMonthOrder::DayFirst}) {
    for (bool serial : {true, false}) {
      const DateResult r = parse_date_time(text, DateParseOptions{order, serial});
      check_date(r);
      if (!r.ok() && date_error_text(r.error).empty()) fuzz::invariant_broken("a date error without words");
    }
  }
  (void)day_first_evidence(text);
  if (size >= sizeof(double)) {
    double serial;
    std::memcpy(&serial, data, sizeof serial);
    check_date(excel_serial_to_local(serial, false));
    check_date(excel_serial_to_local(serial, true));
  }
  return 0;
}
