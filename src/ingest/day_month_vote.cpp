#include "ingest/day_month_vote.hpp"

#include "util/text.hpp"

namespace orderlens {

void DayMonthVote::add(std::string_view value, std::uint64_t line) {
  const int e = day_first_evidence(value);
  if (e > 0 && !day_first_++) line_day_first_ = line;
  if (e < 0 && !month_first_++) line_month_first_ = line;
  const std::string_view t = trim(value);
  if (t.size() >= 8 && t.size() <= 10 && is_ascii_digit(t[0]) && t.find('.') != std::string_view::npos &&
      t.find('.') <= 2)
    ++dotted_;
  if (t.find('/') != std::string_view::npos && t.find('/') <= 2) ++slashed_;
}

DayMonthVote::Decision DayMonthVote::decide(DayMonthOrder fallback) const {
  Decision d;
  d.order = fallback;
  if (day_first_ && !month_first_) {
    d.order = DayMonthOrder::DayFirst;
    d.reason = "a date on line " + std::to_string(line_day_first_) + " has a day above 12 first";
  } else if (month_first_ && !day_first_) {
    d.order = DayMonthOrder::MonthFirst;
    d.reason = "a date on line " + std::to_string(line_month_first_) + " has a day above 12 second";
  } else if (day_first_ && month_first_) {
    d.reason = "the first rows mix day-first and month-first dates; layout default used";
    d.mixed = true;
  } else if (dotted_ > slashed_) {
    d.order = DayMonthOrder::DayFirst;
    d.reason = "dates written with dots (dd.mm.yyyy) are day-first by convention";
  } else {
    d.reason = "layout default (no date in the first rows tells)";
  }
  return d;
}

}  // namespace orderlens
