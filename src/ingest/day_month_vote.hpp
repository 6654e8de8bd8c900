// Decides the day/month order of "a/b/yyyy" dates from the values of a file's first rows:
// a value with a day above 12 first (or second) proves it, dotted dates (dd.mm.yyyy) are
// day-first by convention, and otherwise the layout's default holds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/date_time.hpp"

namespace orderlens {

class DayMonthVote {
 public:
  void add(std::string_view value, std::uint64_t line);

  struct Decision {
    DayMonthOrder order = DayMonthOrder::MonthFirst;
    std::string reason;  // in words, for the diagnostics
    bool mixed = false;  // the values prove both orders: `fallback` was used
  };
  Decision decide(DayMonthOrder fallback) const;

 private:
  std::uint64_t day_first_ = 0, month_first_ = 0, dotted_ = 0, slashed_ = 0;
  std::uint64_t line_day_first_ = 0, line_month_first_ = 0;  // the first proof of each
};

}  // namespace orderlens
