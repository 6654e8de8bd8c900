// Cross-sell and upgrade targeting.
//  - With A and B: "bought A within the last n months and never B" (the campaign target),
//    "bought A within n months and B" (already has both), and everyone else.
//  - With A only ("bought C within n months"): who did and who did not.
// A and B are products (SKU or name) or categories. "Within the last n months" means a purchase
// day after the same calendar day n months before the end date; "never" means on no day up to
// the end date.
#pragma once

#include <optional>

#include "segments/item_match.hpp"
#include "segments/pack.hpp"

namespace orderlens::segments {

struct CrossSellOptions {
  ItemRef a;
  std::optional<ItemRef> b;
  std::int32_t months = 3;
};

// Throws std::invalid_argument when A names no product in the data.
PackResult cross_sell_pack(const CustomerBase& base, const CrossSellOptions& options);

}  // namespace orderlens::segments
