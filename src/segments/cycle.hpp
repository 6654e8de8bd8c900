// Purchase-cycle due: customers whose time since their last purchase exceeds their expected
// purchase cycle. The cycle is the shop's median gap between consecutive purchase days (pooled
// over all customers), or the customer's own median gap once they bought on 3 or more days; or
// a fixed cutoff the caller sets (days, or calendar months back from the end date: "no purchase
// in the last 5 months"). Due means strictly more days since the last purchase than the cycle.
#pragma once

#include <optional>
#include <span>

#include "segments/pack.hpp"

namespace orderlens::segments {

struct CycleOptions {
  std::optional<std::int32_t> cutoff_days;
  std::optional<std::int32_t> cutoff_months;
};

// Median of `values` (mean of the two middle values for an even count); reorders them.
double median_of(std::span<double> values);

// Columns cycleDays (the cycle used) and dueInDays (cycle - days since the last purchase;
// negative once due).
PackResult cycle_pack(const CustomerBase& base, const CycleOptions& options);

}  // namespace orderlens::segments
