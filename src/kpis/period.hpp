// Calendar periods the KPI table and the cohorts are cut into: days, ISO weeks (Monday to
// Sunday) and calendar months. A period is numbered on an absolute scale (days since
// 1970-01-01, weeks since the Monday 1969-12-29, months since January of year 0), so the
// difference of two numbers is the number of periods between them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orderlens {

enum class PeriodKind : std::uint8_t { Day, Week, Month };

std::string_view period_kind_key(PeriodKind kind);  // "day", "week", "month"
std::optional<PeriodKind> period_kind_from_key(std::string_view key);

// The number of the period holding `day` (days since 1970-01-01).
std::int32_t period_of_day(PeriodKind kind, std::int32_t day);
// First and last day of period number `period`.
std::int32_t period_first_day(PeriodKind kind, std::int32_t period);
std::int32_t period_last_day(PeriodKind kind, std::int32_t period);
// "2024-03" for a month, "2024-W09" (ISO week-numbering year) for a week, "2024-03-01" for a day.
std::string period_label(PeriodKind kind, std::int32_t period);

// The periods from the one holding `first_day` to the one holding `last_day`, and which of the
// two ends the observed days do not cover completely (the data start after the first period's
// first day, or end before the last period's last day).
struct PeriodRange {
  PeriodKind kind = PeriodKind::Month;
  std::int32_t first = 0;  // period numbers, inclusive
  std::int32_t last = -1;
  bool first_partial = false;
  bool last_partial = false;

  std::size_t size() const { return last >= first ? static_cast<std::size_t>(last - first + 1) : 0; }
  std::size_t index_of_day(std::int32_t day) const { return static_cast<std::size_t>(period_of_day(kind, day) - first); }
  bool partial(std::size_t index) const {
    return (index == 0 && first_partial) || (index + 1 == size() && last_partial);
  }
};

PeriodRange period_range(PeriodKind kind, std::int32_t first_day, std::int32_t last_day);

}  // namespace orderlens
