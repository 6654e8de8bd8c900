// "Time to reorder": consumables and their usual repurchase interval.
//
// Over the customers' purchase histories up to the end day: buyers(p) = customers who bought p,
// repeaters(p) = those who bought it on two or more days. p is a consumable when repeaters(p) >=
// min_customers and repeaters(p) / buyers(p) >= min_share. Its typical interval is the median,
// over its repeaters, of each one's own interval (the median gap between their days with p).
//
// A customer who bought a consumable is due to reorder it once the days since they last bought
// it reach their own interval (reason "reorder"), or the typical one when they bought it on one
// day only ("reorder_typical"). The score is repeat share of the product.
#pragma once

#include <cstdint>
#include <vector>

#include "recommend/purchase_history.hpp"

namespace orderlens::recommend {

struct Consumables {
  std::vector<std::uint8_t> is_consumable;  // per product
  std::vector<double> repeat_share;         // per product: repeaters / buyers
  std::vector<double> typical_interval;     // per product: days (0 when nobody repeated)
  std::uint64_t count = 0;
};

Consumables consumables(const PurchaseHistory& history, std::size_t products, std::uint32_t min_customers,
                        double min_share);

}  // namespace orderlens::recommend
