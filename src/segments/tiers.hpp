// Loyalty tiers: the top 20% of customers and the next 20% (21-40%) by a composite of total net
// order amount and number of purchases, the rest below.
//
// Composite = w * pct(revenue) + (1 - w) * pct(purchases), w = 0.5 by default, where pct is the
// mid-rank percentile in [0, 1]: (customers strictly below + (customers tied - 1) / 2) / (n - 1).
// Customers are ranked by composite, then revenue, then purchases (all descending), then by
// first appearance in the file, so the ranking is deterministic and a customer with at least
// the revenue and the purchases of another never ranks below them. The top tier is the first
// ceil(0.2 n) ranks, the next tier runs to rank ceil(0.4 n).
#pragma once

#include "segments/pack.hpp"

namespace orderlens::segments {

struct TierOptions {
  double revenue_weight = 0.5;
};

// Columns rank (1 = best) and composite.
PackResult tiers_pack(const CustomerBase& base, const TierOptions& options);

}  // namespace orderlens::segments
