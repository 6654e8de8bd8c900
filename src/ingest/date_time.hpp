// Dates and times as exports write them, kept as the shop-local calendar date and time of day
// that is written in the file (a UTC offset such as "-0300" or "+09:00" is accepted and not
// applied: Shopify and Korean platforms write the shop's own local time).
//
// Accepted: "2025-10-02 17:09:34 -0300", ISO 8601 ("2025-10-02T17:09:34.123+09:00", "...Z"),
// "2026.10.07", "2026. 10. 7.", "2026/10/07", "20261007", "20261007170934",
// "10/07/2026" and "07.10.2026" (day/month order from the caller or the file's own values),
// "Oct 7, 2026", "7 Oct 2026", Korean "2025-10-02 오후 5:09:34", "5:09 PM",
// and Excel serial day numbers ("45567", "45567.7125", 1900 date system).
#pragma once

#include <cstdint>
#include <string_view>

namespace orderlens {

// Order of the day and month in dates whose year comes last ("10/07/2026").
enum class DayMonthOrder : std::uint8_t { MonthFirst, DayFirst };

struct DateParseOptions {
  DayMonthOrder day_month_order = DayMonthOrder::MonthFirst;
  bool allow_excel_serial = true;
};

enum class DateError : std::uint8_t {
  None,
  Empty,
  Unrecognized,   // not a date layout we know
  InvalidDate,    // e.g. 2025-02-30, month 13
  InvalidTime,    // e.g. 25:61
  TrailingText,   // a date followed by words we do not understand
  OutOfRange,     // before 1900 or after 2200
};

struct LocalDateTime {
  std::int32_t days = 0;           // days since 1970-01-01 (shop-local calendar date)
  std::int32_t seconds_of_day = 0; // 0..86399
};

struct DateResult {
  LocalDateTime value;
  DateError error = DateError::None;
  bool ok() const { return error == DateError::None; }
};

DateResult parse_date_time(std::string_view text, const DateParseOptions& options);

std::string_view date_error_text(DateError e);

// Evidence about the day/month order from one "a/b/yyyy" value: +1 when it can only be
// day-first (a > 12), -1 when it can only be month-first (b > 12), 0 otherwise.
int day_first_evidence(std::string_view text);

// An Excel serial date-time (days since 1899-12-30 in the 1900 system, with Excel's fictitious
// 1900-02-29 as serial 60; days since 1904-01-01 in the 1904 system) as a local date-time.
DateResult excel_serial_to_local(double serial, bool date1904);

}  // namespace orderlens
