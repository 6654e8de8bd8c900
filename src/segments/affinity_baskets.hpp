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
struct FlatGroups {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> members;
  std::size_t groups() const { return offsets.size() - 1; }
  std::uint32_t begin(std::size_t g) const { return offsets[g]; }
  std::uint32_t end(std::size_t g) const { return offsets[g + 1]; }
  std::uint32_t size(std::size_t g) const { return offsets[g + 1] - offsets[g]; }
};

// Per order, its distinct items (in no particular order): the sale lines of purchase orders
// dated on or before `end_day` whose product is an item. Other orders get an empty group.
FlatGroups order_baskets(const Dataset& dataset, const AffinityItems& items, std::optional<std::int32_t> end_day);

// Per customer, the orders with a non-empty basket, by day (the orders of one day adjacent).
FlatGroups customer_orders_by_day(const Dataset& dataset, const FlatGroups& baskets);

// Fills `days` with one customer's purchase days: per day, the union of that day's baskets,
// distinct (`by_customer` from customer_orders_by_day). `days` is scratch space reused from
// customer to customer.
void fill_day_baskets(const Dataset& dataset, const FlatGroups& baskets, const FlatGroups& by_customer,
                      std::size_t customer, FlatGroups& days);

}  // namespace orderlens
