// Calendar dates as day numbers (days since 1970-01-01), through C++20 <chrono>.
// Orders keep the shop-local calendar date as written in the export; no time zone math here.
#pragma once

#include <cstdint>
#include <string>

namespace orderlens {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

// True for a real calendar date (leap years included).
bool is_valid_civil_date(int year, unsigned month, unsigned day);
// Day number of a valid date.
std::int32_t days_from_civil(int year, unsigned month, unsigned day);
CivilDate civil_from_days(std::int32_t days);
// The same calendar day `months` months earlier, clamped to the end of a shorter month
// (31 March minus one month is the last day of February).
std::int32_t months_before(std::int32_t day, int months);
// "YYYY-MM-DD".
std::string format_iso_date(std::int32_t days);
// `value` in decimal, zero-padded to `width` digits, appended to `out`.
void append_padded(std::string& out, unsigned value, int width);

}  // namespace orderlens
