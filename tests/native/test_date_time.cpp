// Unit tests for src/ingest/date_time.hpp: parse_date_time, excel_serial_to_local,
// day_first_evidence. Expected days are written with days_from_civil (src/util/civil_date.hpp);
// expected times are worked out by hand.
#include <doctest.h>

#include <string>

#include "ingest/date_time.hpp"
#include "util/civil_date.hpp"

using namespace orderlens;

namespace {

constexpr int hms(int h, int m, int s) { return h * 3600 + m * 60 + s; }

DateParseOptions month_first() { return DateParseOptions{DayMonthOrder::MonthFirst, true}; }
DateParseOptions day_first() { return DateParseOptions{DayMonthOrder::DayFirst, true}; }

void check_date(std::string_view text, const DateParseOptions& options, int y, unsigned mo, unsigned d,
                int seconds_of_day) {
  CAPTURE(text);
  const DateResult r = parse_date_time(text, options);
  CHECK(r.error == DateError::None);
  CHECK(r.ok());
  CHECK(format_iso_date(r.value.days) == format_iso_date(days_from_civil(y, mo, d)));
  CHECK(r.value.days == days_from_civil(y, mo, d));
  CHECK(r.value.seconds_of_day == seconds_of_day);
}

void check_error(std::string_view text, const DateParseOptions& options, DateError expected) {
  CAPTURE(text);
  const DateResult r = parse_date_time(text, options);
  CHECK(r.error == expected);
  CHECK_FALSE(r.ok());
}

}  // namespace

TEST_CASE("test_date_time: civil date helpers used as the reference") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1970, 1, 2) == 1);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  // 2024-10-02: 2024-01-01 is day 19723 (54 years, 13 of them leap: 54*365+13 = 19723);
  // Oct 2 is 274 + 1 = 275 days later in the leap year (31+29+31+30+31+30+31+31+30 = 274).
  CHECK(days_from_civil(2024, 10, 2) == 19998);
  CHECK(format_iso_date(19998) == "2024-10-02");
}

TEST_CASE("test_date_time: offsets are accepted and not applied") {
  // 17:09:34 = 17*3600 + 9*60 + 34 = 61774 s
  check_date("2025-10-02 17:09:34 -0300", month_first(), 2025, 10, 2, 61774);
  check_date("2025-10-02 17:09:34 +0900", month_first(), 2025, 10, 2, 61774);
  check_date("2025-10-02T17:09:34.123+09:00", month_first(), 2025, 10, 2, 61774);
  check_date("2025-10-02T17:09:34Z", month_first(), 2025, 10, 2, 61774);
  check_date("2025-10-02T17:09:34.5Z", month_first(), 2025, 10, 2, 61774);
  check_date("2025-10-02T23:59:59-05:00", month_first(), 2025, 10, 2, hms(23, 59, 59));
  check_date("2025-10-02T00:30:00+14:00", month_first(), 2025, 10, 2, hms(0, 30, 0));
}

TEST_CASE("test_date_time: ISO and year-first layouts") {
  check_date("2025-10-02", month_first(), 2025, 10, 2, 0);
  check_date("2025-10-02T17:09:34", month_first(), 2025, 10, 2, 61774);
  check_date("2025-10-02 17:09:34", month_first(), 2025, 10, 2, 61774);
  check_date("2025-10-02 17:09", month_first(), 2025, 10, 2, hms(17, 9, 0));  // 61740
  check_date("2026.10.07", month_first(), 2026, 10, 7, 0);
  check_date("2026. 10. 7.", month_first(), 2026, 10, 7, 0);
  check_date("2026/10/07", month_first(), 2026, 10, 7, 0);
  check_date("20261007", month_first(), 2026, 10, 7, 0);
  check_date("20261007170934", month_first(), 2026, 10, 7, 61774);
  check_date("202610071709", month_first(), 2026, 10, 7, hms(17, 9, 0));  // YYYYMMDDHHMM
  // the year-first layouts do not depend on the day/month order option
  check_date("2026.10.07", day_first(), 2026, 10, 7, 0);
  check_date("2026-10-07", day_first(), 2026, 10, 7, 0);
  check_date("2026/10/07", day_first(), 2026, 10, 7, 0);
}

TEST_CASE("test_date_time: padding around the value") {
  check_date("  2025-10-02 17:09:34  ", month_first(), 2025, 10, 2, 61774);
  check_date("\xC2\xA0" "2025-10-02\xE3\x80\x80", month_first(), 2025, 10, 2, 0);  // NBSP, U+3000
  check_date("\xEF\xBB\xBF" "2025-10-02", month_first(), 2025, 10, 2, 0);           // BOM
}

TEST_CASE("test_date_time: year-last dates follow the day/month order") {
  check_date("10/07/2026", month_first(), 2026, 10, 7, 0);
  check_date("10/07/2026", day_first(), 2026, 7, 10, 0);
  check_date("07.10.2026", day_first(), 2026, 10, 7, 0);
  // The order comes from the caller also for dotted dates (the header: "day/month order from
  // the caller or the file's own values"); the "dotted is day-first" convention of
  // docs/ingestion.md is the ingestor's file-level choice of that option.
  check_date("07.10.2026", month_first(), 2026, 7, 10, 0);
  check_date("25.12.2026 17:09", day_first(), 2026, 12, 25, hms(17, 9, 0));
  check_error("25.12.2026", month_first(), DateError::InvalidDate);
  check_date("1/2/2026", month_first(), 2026, 1, 2, 0);
  check_date("1/2/2026", day_first(), 2026, 2, 1, 0);
  check_date("10/07/2026 17:09:34", month_first(), 2026, 10, 7, 61774);
  check_date("10/07/2026 17:09", day_first(), 2026, 7, 10, hms(17, 9, 0));
  // Only day-first can read 13/01/2026; the caller said month-first, so month 13 is invalid.
  check_error("13/01/2026", month_first(), DateError::InvalidDate);
  check_date("13/01/2026", day_first(), 2026, 1, 13, 0);
  check_error("01/13/2026", day_first(), DateError::InvalidDate);
  check_date("01/13/2026", month_first(), 2026, 1, 13, 0);
}

TEST_CASE("test_date_time: month names and RFC 2822") {
  check_date("Oct 7, 2026", month_first(), 2026, 10, 7, 0);
  check_date("Oct 7, 2026", day_first(), 2026, 10, 7, 0);
  check_date("7 Oct 2026", month_first(), 2026, 10, 7, 0);
  check_date("7 Oct 2026", day_first(), 2026, 10, 7, 0);
  check_date("Jan 31, 2026", month_first(), 2026, 1, 31, 0);
  check_date("31 Dec 2026", month_first(), 2026, 12, 31, 0);
  check_date("Thu, 02 Oct 2025 17:09:34 +0000", month_first(), 2025, 10, 2, 61774);
  check_date("Thu, 02 Oct 2025 17:09:34 +0000", day_first(), 2025, 10, 2, 61774);
  check_error("Oct 32, 2026", month_first(), DateError::InvalidDate);
  check_error("29 Feb 2025", month_first(), DateError::InvalidDate);
}

TEST_CASE("test_date_time: 12-hour clocks (Korean and English)") {
  // 오후 = PM, 오전 = AM
  check_date("2025-10-02 오후 5:09:34", month_first(), 2025, 10, 2, 61774);
  // 오전 12:05 is five past midnight: 0*3600 + 5*60 = 300
  check_date("2025-10-02 오전 12:05", month_first(), 2025, 10, 2, 300);
  // 오후 12:05 is five past noon: 12*3600 + 300 = 43500
  check_date("2025-10-02 오후 12:05", month_first(), 2025, 10, 2, 43500);
  // 오전 9:05:00 = 9*3600 + 300 = 32700
  check_date("2025-10-02 오전 9:05:00", month_first(), 2025, 10, 2, 32700);
  // 5:09 PM = 17:09 = 61740
  check_date("2025-10-02 5:09 PM", month_first(), 2025, 10, 2, 61740);
  check_date("10/07/2026 5:09 PM", month_first(), 2026, 10, 7, 61740);
  check_date("10/07/2026 5:09:34 PM", day_first(), 2026, 7, 10, 61774);
  check_date("2025-10-02 12:00 AM", month_first(), 2025, 10, 2, 0);
  check_date("2025-10-02 12:30 PM", month_first(), 2025, 10, 2, hms(12, 30, 0));  // 45000
  check_date("2025-10-02 11:59:59 PM", month_first(), 2025, 10, 2, hms(23, 59, 59));
}

TEST_CASE("test_date_time: Excel serial numbers in text") {
  // 45567 days after 1899-12-30 = 2024-10-02 (45567 - 25569 days to 1970-01-01 = 19998)
  check_date("45567", month_first(), 2024, 10, 2, 0);
  // 0.7125 x 86400 = 61560 s = 17:06:00
  check_date("45567.7125", month_first(), 2024, 10, 2, 61560);
  // 0.5 day = 43200 s = noon
  check_date("45567.5", day_first(), 2024, 10, 2, 43200);
  // Excel's fictitious 1900-02-29
  check_error("60", month_first(), DateError::InvalidDate);
  // Serial numbers are not dates when the caller turns them off.
  DateParseOptions no_serial = month_first();
  no_serial.allow_excel_serial = false;
  CHECK_FALSE(parse_date_time("45567", no_serial).ok());
  CHECK_FALSE(parse_date_time("45567.7125", no_serial).ok());
  // an 8-digit yyyymmdd value is still a date without serials
  check_date("20261007", no_serial, 2026, 10, 7, 0);
}

TEST_CASE("test_date_time: excel_serial_to_local, 1900 system") {
  auto check_serial = [](double serial, int y, unsigned mo, unsigned d, int seconds) {
    CAPTURE(serial);
    const DateResult r = excel_serial_to_local(serial, false);
    CHECK(r.error == DateError::None);
    CHECK(r.value.days == days_from_civil(y, mo, d));
    CHECK(format_iso_date(r.value.days) == format_iso_date(days_from_civil(y, mo, d)));
    CHECK(r.value.seconds_of_day == seconds);
  };
  check_serial(45567, 2024, 10, 2, 0);
  check_serial(45567.7125, 2024, 10, 2, 61560);  // 0.7125 x 86400 = 61560 s = 17:06:00
  check_serial(45567.25, 2024, 10, 2, 21600);    // 0.25 day = 6 h
  check_serial(25569, 1970, 1, 1, 0);            // 1899-12-30 + 25569 days = the Unix epoch
  // 61 = 1900-03-01: 1899-12-30 + 61 days (serials from 61 count from 1899-12-30 because the
  // fictitious 1900-02-29 takes serial 60).
  check_serial(61, 1900, 3, 1, 0);
  // Below 60 Excel counts from 1899-12-31: 1 = 1900-01-01, 59 = 1900-02-28.
  check_serial(1, 1900, 1, 1, 0);
  check_serial(59, 1900, 2, 28, 0);
  // 60 is Excel's 1900-02-29, which never existed.
  const DateResult fake = excel_serial_to_local(60, false);
  CHECK(fake.error == DateError::InvalidDate);
  CHECK(excel_serial_to_local(60.5, false).error == DateError::InvalidDate);
  // Negative serials are before 1900.
  CHECK_FALSE(excel_serial_to_local(-1, false).ok());
  // After 2200: 2201-01-01 is serial 25569 + days_from_civil(2201,1,1).
  CHECK(excel_serial_to_local(25569.0 + days_from_civil(2201, 1, 1), false).error == DateError::OutOfRange);
}

TEST_CASE("test_date_time: excel_serial_to_local, 1904 system") {
  // Serial 0 = 1904-01-01; 1904-01-01 is 1462 days after 1899-12-30 (2 + 4*365).
  DateResult r = excel_serial_to_local(0, true);
  CHECK(r.ok());
  CHECK(r.value.days == days_from_civil(1904, 1, 1));
  CHECK(r.value.seconds_of_day == 0);
  r = excel_serial_to_local(1, true);
  CHECK(r.value.days == days_from_civil(1904, 1, 2));
  // 44105 + 1462 = 45567 in the 1900 system = 2024-10-02; .7125 day = 17:06:00
  r = excel_serial_to_local(44105.7125, true);
  CHECK(r.ok());
  CHECK(r.value.days == days_from_civil(2024, 10, 2));
  CHECK(r.value.seconds_of_day == 61560);
  // 60 has no special meaning in the 1904 system: 1904-01-01 + 60 days = 1904-03-01 (1904 is leap:
  // 31 Jan + 29 Feb = 60).
  r = excel_serial_to_local(60, true);
  CHECK(r.ok());
  CHECK(r.value.days == days_from_civil(1904, 3, 1));
}

TEST_CASE("test_date_time: invalid calendar dates") {
  check_error("2025-02-29", month_first(), DateError::InvalidDate);  // 2025 is not a leap year
  check_date("2024-02-29", month_first(), 2024, 2, 29, 0);           // 2024 is
  check_date("2000-02-29", month_first(), 2000, 2, 29, 0);           // divisible by 400
  check_error("2100-02-29", month_first(), DateError::InvalidDate);  // divisible by 100 only
  check_error("2025-02-30", month_first(), DateError::InvalidDate);
  check_error("2025-04-31", month_first(), DateError::InvalidDate);
  check_error("2025-13-01", month_first(), DateError::InvalidDate);
  check_error("2025-00-10", month_first(), DateError::InvalidDate);
  check_error("2025-10-00", month_first(), DateError::InvalidDate);
  check_error("2025.13.01", month_first(), DateError::InvalidDate);
  check_error("20251301", month_first(), DateError::InvalidDate);
  check_error("02/29/2025", month_first(), DateError::InvalidDate);
  check_error("31.04.2026", day_first(), DateError::InvalidDate);
}

TEST_CASE("test_date_time: invalid times") {
  check_error("2025-10-02 25:00:00", month_first(), DateError::InvalidTime);
  check_error("2025-10-02 25:61", month_first(), DateError::InvalidTime);
  check_error("2025-10-02 12:61", month_first(), DateError::InvalidTime);
  check_error("2025-10-02 12:30:61", month_first(), DateError::InvalidTime);
  check_error("2025-10-02T99:00:00Z", month_first(), DateError::InvalidTime);
  check_error("20261007256100", month_first(), DateError::InvalidTime);
}

TEST_CASE("test_date_time: trailing text") {
  check_error("2025-10-02 17:09:34 foo", month_first(), DateError::TrailingText);
  check_error("2025-10-02 hello", month_first(), DateError::TrailingText);
  check_error("10/07/2026 tomorrow", month_first(), DateError::TrailingText);
}

TEST_CASE("test_date_time: years outside 1900..2200") {
  check_date("1900-01-01", month_first(), 1900, 1, 1, 0);
  check_date("2200-12-31", month_first(), 2200, 12, 31, 0);
  check_error("1899-12-31", month_first(), DateError::OutOfRange);
  check_error("2201-01-01", month_first(), DateError::OutOfRange);
  check_error("0001-01-01", month_first(), DateError::OutOfRange);
  check_error("9999-12-31", month_first(), DateError::OutOfRange);
  check_error("01/01/1850", month_first(), DateError::OutOfRange);
  check_error("1 Jan 2300", month_first(), DateError::OutOfRange);
}

TEST_CASE("test_date_time: empty and unrecognized") {
  check_error("", month_first(), DateError::Empty);
  check_error("   ", month_first(), DateError::Empty);
  check_error("\xC2\xA0", month_first(), DateError::Empty);
  check_error("hello", month_first(), DateError::Unrecognized);
  check_error("yesterday", month_first(), DateError::Unrecognized);
  check_error("n/a", month_first(), DateError::Unrecognized);
}

TEST_CASE("test_date_time: date_error_text") {
  for (DateError e : {DateError::Empty, DateError::Unrecognized, DateError::InvalidDate, DateError::InvalidTime,
                      DateError::TrailingText, DateError::OutOfRange}) {
    CAPTURE(static_cast<int>(e));
    CHECK_FALSE(date_error_text(e).empty());
  }
}

TEST_CASE("test_date_time: day_first_evidence") {
  CHECK(day_first_evidence("13/01/2026") == 1);   // 13 cannot be a month
  CHECK(day_first_evidence("31/12/2026") == 1);
  CHECK(day_first_evidence("01/13/2026") == -1);  // 13 cannot be a month, so it is the day
  CHECK(day_first_evidence("12/31/2026") == -1);
  CHECK(day_first_evidence("10/07/2026") == 0);   // either order works
  CHECK(day_first_evidence("12/12/2026") == 0);
  CHECK(day_first_evidence("1/2/2026") == 0);
  CHECK(day_first_evidence("2026-10-07") == 0);   // year first: not an a/b/yyyy value
  CHECK(day_first_evidence("2026/10/17") == 0);
  CHECK(day_first_evidence("") == 0);
  CHECK(day_first_evidence("hello") == 0);
  // the same values with a time of day
  CHECK(day_first_evidence("13/01/2026 17:09") == 1);
  CHECK(day_first_evidence("01/13/2026 5:09 PM") == -1);
}
