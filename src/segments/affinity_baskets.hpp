// The inputs of the affinity counts (affinity.hpp), as flat arrays built by counting sorts:
// the items, the distinct items of each purchase order, and each customer's purchase days.
// A million-row export has ~400k orders: nothing here allocates per order or per customer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "segments/affinity.hpp"
#include "util/group_by.hpp"

namespace orderlens {

struct AffinityItems {
  static constexpr std::uint32_t kNoItem = 0xFFFFFFFFu;
  std::vector<std::string> keys;          // per item id
  std::vector<std::string> names;         // per item id
  std::vector<std::uint32_t> of_product;  // item id of each product, kNoItem when it has none
  std::size_t size() const { return keys.size(); }
};

// Products as items, or their distinct non-empty categories (numbered by first product).
AffinityItems affinity_items(const Dataset& dataset, AffinityLevel level);

// A flat list of groups: group g's members are members[offsets[g] .. offsets[g + 1]).

// Per order, its distinct items (in no particular order): the sale lines of purchase orders
// dated on or before `end_day` whose product is an item. Other orders get an empty group.
Groups order_baskets(const Dataset& dataset, const AffinityItems& items, std::optional<std::int32_t> end_day);

// Per customer, the orders with a non-empty basket, by day (the orders of one day adjacent).
Groups customer_orders_by_day(const Dataset& dataset, const Groups& baskets);

// Fills `days` with one customer's purchase days: per day, the union of that day's baskets,
// distinct (`by_customer` from customer_orders_by_day). `days` is scratch space reused from
// customer to customer.
void fill_day_baskets(const Dataset& dataset, const Groups& baskets, const Groups& by_customer,
                      std::size_t customer, Groups& days);

}  // namespace orderlens
