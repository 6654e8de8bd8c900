#include "util/civil_date.hpp"

#include <chrono>

namespace orderlens {

namespace chr = std::chrono;

bool is_valid_civil_date(int year, unsigned month, unsigned day) {
  return chr::year_month_day{chr::year{year}, chr::month{month}, chr::day{day}}.ok();
}

std::int32_t days_from_civil(int year, unsigned month, unsigned day) {
  const chr::sys_days d{chr::year{year} / chr::month{month} / chr::day{day}};
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}

CivilDate civil_from_days(std::int32_t days) {
  const chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

void append_padded(std::string& out, unsigned value, int width) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0 && n < 10);
  for (int k = n; k < width; ++k) out.push_back('0');
  while (n > 0) out.push_back(digits[--n]);
}

// Digits by hand: a workbook's date cells come through here by the million, and snprintf
// cost more than the rest of reading such a cell.
std::string format_iso_date(std::int32_t days) {
  const CivilDate c = civil_from_days(days);
  std::string out;
  out.reserve(12);
  if (c.year < 0) out.push_back('-');
  append_padded(out, static_cast<unsigned>(c.year < 0 ? -c.year : c.year), 4);
  out.push_back('-');
  append_padded(out, c.month, 2);
  out.push_back('-');
  append_padded(out, c.day, 2);
  return out;
}

std::int32_t months_before(std::int32_t day, int months) {
  const CivilDate date = civil_from_days(day);
  const int month_index = date.year * 12 + static_cast<int>(date.month) - 1 - months;
  const int year = month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
  const auto month = static_cast<unsigned>(month_index - year * 12 + 1);
  unsigned d = date.day;
  while (!is_valid_civil_date(year, month, d)) --d;
  return days_from_civil(year, month, d);
}

}  // namespace orderlens
