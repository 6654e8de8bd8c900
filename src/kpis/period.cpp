#include "kpis/period.hpp"

#include <array>
#include <cstdio>

#include "util/civil_date.hpp"

namespace orderlens {

namespace {

constexpr std::array<std::string_view, 3> kKeys = {"day", "week", "month"};
// Day number of Monday 1969-12-29, the start of week 0.
constexpr std::int32_t kWeekZeroMonday = -3;

std::int32_t floor_div(std::int32_t a, std::int32_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

std::int32_t month_number(const CivilDate& d) { return d.year * 12 + static_cast<std::int32_t>(d.month) - 1; }

CivilDate first_of_month(std::int32_t month) {
  const std::int32_t year = floor_div(month, 12);
  return {year, static_cast<unsigned>(month - year * 12 + 1), 1};
}

}  // namespace

std::string_view period_kind_key(PeriodKind kind) { return kKeys[static_cast<std::size_t>(kind)]; }

std::optional<PeriodKind> period_kind_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kKeys.size(); ++i)
    if (kKeys[i] == key) return static_cast<PeriodKind>(i);
  return std::nullopt;
}

std::int32_t period_of_day(PeriodKind kind, std::int32_t day) {
  switch (kind) {
    case PeriodKind::Day: return day;
    case PeriodKind::Week: return floor_div(day - kWeekZeroMonday, 7);
    case PeriodKind::Month: return month_number(civil_from_days(day));
  }
  return day;
}

std::int32_t period_first_day(PeriodKind kind, std::int32_t period) {
  switch (kind) {
    case PeriodKind::Day: return period;
    case PeriodKind::Week: return kWeekZeroMonday + 7 * period;
    case PeriodKind::Month: {
      const CivilDate d = first_of_month(period);
      return days_from_civil(d.year, d.month, 1);
    }
  }
  return period;
}

std::int32_t period_last_day(PeriodKind kind, std::int32_t period) { return period_first_day(kind, period + 1) - 1; }

std::string period_label(PeriodKind kind, std::int32_t period) {
  char buf[32];
  switch (kind) {
    case PeriodKind::Day: return format_iso_date(period);
    case PeriodKind::Week: {
      // The ISO week-numbering year is the year of the week's Thursday.
      const std::int32_t thursday = period_first_day(kind, period) + 3;
      const int year = civil_from_days(thursday).year;
      const std::int32_t week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
      std::snprintf(buf, sizeof buf, "%04d-W%02d", year, static_cast<int>(week));
      return buf;
    }
    case PeriodKind::Month: {
      const CivilDate d = first_of_month(period);
      std::snprintf(buf, sizeof buf, "%04d-%02u", d.year, d.month);
      return buf;
    }
  }
  return {};
}

PeriodRange period_range(PeriodKind kind, std::int32_t first_day, std::int32_t last_day) {
  PeriodRange r;
  r.kind = kind;
  if (last_day < first_day) return r;
  r.first = period_of_day(kind, first_day);
  r.last = period_of_day(kind, last_day);
  r.first_partial = first_day > period_first_day(kind, r.first);
  r.last_partial = last_day < period_last_day(kind, r.last);
  return r;
}

}  // namespace orderlens
