// What each customer bought up to a day, product by product, as flat arrays: the input of the
// recommender, its reorder rule and the holdout's "actually bought". 255k customers and a
// million lines: one counting sort and a small per-customer sort, no allocation per customer.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/dataset.hpp"
#include "util/group_by.hpp"

namespace orderlens::recommend {

// Entries of customer c are [items.offsets[c], items.offsets[c + 1]), one per distinct product,
// by product index ascending.
struct PurchaseHistory {
  Groups items;                         // members: product indices
  std::vector<std::int32_t> last_day;   // per entry: the last day the customer bought the product
  std::vector<std::uint32_t> days;      // per entry: distinct days they bought it
  std::vector<double> own_interval;     // per entry: median gap between those days (0 for one day)
  std::vector<std::uint32_t> later_days;  // per entry: the customer's purchase days after last_day
  std::vector<std::uint8_t> purchased;  // per customer: 1 with a purchase order in the range
  std::int32_t last_purchase_day = 0;   // of the range (0 when there is none)
};

// Purchases (OrdersTable::counts_as_purchase) with day in [from_day, to_day]; none: unbounded.
PurchaseHistory purchase_history(const Dataset& dataset, std::optional<std::int32_t> from_day,
                                 std::optional<std::int32_t> to_day);

// Distinct products bought by each customer (a PurchaseHistory's items, without the rest).
Groups products_bought(const Dataset& dataset, std::optional<std::int32_t> from_day, std::optional<std::int32_t> to_day);

}  // namespace orderlens::recommend
