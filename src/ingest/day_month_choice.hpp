// The day/month order of "a/b/yyyy" dates an ingestion reads with, settled the same way for
// orders and events: the caller's order when given, else what the first rows prove
// (day_month_vote.hpp), and the choice recorded in the diagnostics.
#pragma once

#include <optional>
#include <utility>

#include "ingest/date_time.hpp"
#include "ingest/day_month_vote.hpp"

namespace orderlens {

// `sample(vote)` adds the date values of the first rows to a DayMonthVote; it only runs when
// the caller gave no order. `fallback` holds when no value proves an order. Sets
// diag.day_month_order ("day_first" / "month_first"), diag.day_month_reason and, when the
// values prove both orders, a note.
template <typename Sample, typename Diag>
DayMonthOrder settle_day_month_order(std::optional<DayMonthOrder> given, DayMonthOrder fallback, Sample&& sample,
                                     Diag& diag) {
  DayMonthOrder order = fallback;
  if (given) {
    order = *given;
    diag.day_month_reason = "set by the caller";
  } else {
    DayMonthVote vote;
    sample(vote);
    DayMonthVote::Decision decision = vote.decide(fallback);
    if (decision.mixed)
      diag.notes.emplace_back("Some dates put the day first and others the month first; set dateOrder to say which.");
    order = decision.order;
    diag.day_month_reason = std::move(decision.reason);
  }
  diag.day_month_order = order == DayMonthOrder::DayFirst ? "day_first" : "month_first";
  return order;
}

}  // namespace orderlens
