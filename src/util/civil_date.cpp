#include "util/civil_date.hpp"

#include <chrono>
#include <cstdio>

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

std::string format_iso_date(std::int32_t days) {
  const CivilDate c = civil_from_days(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buf;
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
