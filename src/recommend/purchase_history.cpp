#include "recommend/purchase_history.hpp"

#include <algorithm>

#include "segments/cycle.hpp"

namespace orderlens::recommend {

namespace {

// (product, day) of one line, packed so that one integer sort orders by product, then day.
std::uint64_t product_day(std::uint32_t product, std::int32_t day) {
  return static_cast<std::uint64_t>(product) << 32 | static_cast<std::uint32_t>(day + 0x40000000);
}
std::uint32_t product_of(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }
std::int32_t day_of(std::uint64_t key) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(key)) - 0x40000000; }

bool in_range(std::int32_t day, std::optional<std::int32_t> from_day, std::optional<std::int32_t> to_day) {
  return (!from_day || day >= *from_day) && (!to_day || day <= *to_day);
}

// Sale lines with a product of purchase orders in the range, grouped by customer.
Groups lines_by_customer(const Dataset& ds, std::optional<std::int32_t> from_day, std::optional<std::int32_t> to_day) {
  const OrdersTable& o = ds.orders;
  const LineItemsTable& l = ds.lines;
  return group_by(
      ds.customers.size(), l.size(), [&](std::size_t i) { return o.customer[l.order[i]]; },
      [&](std::size_t i) {
        const std::uint32_t k = l.order[i];
        return l.kind[i] == LineKind::Sale && l.product[i] != LineItemsTable::kNoProduct && o.counts_as_purchase(k) &&
               in_range(o.day[k], from_day, to_day);
      });
}

}  // namespace

PurchaseHistory purchase_history(const Dataset& ds, std::optional<std::int32_t> from_day,
                                 std::optional<std::int32_t> to_day) {
  const OrdersTable& o = ds.orders;
  const LineItemsTable& l = ds.lines;
  PurchaseHistory h;
  h.purchased.assign(ds.customers.size(), 0);
  for (std::size_t k = 0; k < o.size(); ++k) {
    if (!o.counts_as_purchase(k) || !in_range(o.day[k], from_day, to_day)) continue;
    h.purchased[o.customer[k]] = 1;
    h.last_purchase_day = std::max(h.last_purchase_day, o.day[k]);
  }
  const Groups by_customer = lines_by_customer(ds, from_day, to_day);
  h.items.offsets.assign(1, 0);
  h.items.offsets.reserve(ds.customers.size() + 1);
  // At most one entry per line: reserved once instead of growing six columns by doubling.
  const std::size_t lines = by_customer.members.size();
  h.items.members.reserve(lines);
  h.last_day.reserve(lines);
  h.days.reserve(lines);
  h.own_interval.reserve(lines);
  h.later_days.reserve(lines);
  std::vector<std::uint64_t> keys;     // one customer's (product, day), sorted
  std::vector<std::int32_t> all_days;  // one customer's distinct purchase days with an item
  std::vector<double> gaps;
  for (std::size_t c = 0; c < ds.customers.size(); ++c) {
    keys.clear();
    all_days.clear();
    for (std::uint32_t m = by_customer.begin(c); m < by_customer.end(c); ++m) {
      const std::uint32_t i = by_customer.members[m];
      keys.push_back(product_day(l.product[i], o.day[l.order[i]]));
      all_days.push_back(o.day[l.order[i]]);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::sort(all_days.begin(), all_days.end());
    all_days.erase(std::unique(all_days.begin(), all_days.end()), all_days.end());
    for (std::size_t a = 0; a < keys.size();) {
      std::size_t b = a + 1;
      gaps.clear();
      for (; b < keys.size() && product_of(keys[b]) == product_of(keys[a]); ++b) gaps.push_back(day_of(keys[b]) - day_of(keys[b - 1]));
      const std::int32_t last = day_of(keys[b - 1]);
      h.items.members.push_back(product_of(keys[a]));
      h.last_day.push_back(last);
      h.days.push_back(static_cast<std::uint32_t>(b - a));
      h.own_interval.push_back(gaps.empty() ? 0.0 : segments::median_of(gaps));
      const auto after = std::upper_bound(all_days.begin(), all_days.end(), last);
      h.later_days.push_back(static_cast<std::uint32_t>(all_days.end() - after));
      a = b;
    }
    h.items.offsets.push_back(static_cast<std::uint32_t>(h.items.members.size()));
  }
  return h;
}

Groups products_bought(const Dataset& ds, std::optional<std::int32_t> from_day, std::optional<std::int32_t> to_day) {
  Groups g = lines_by_customer(ds, from_day, to_day);
  // Lines -> distinct products, compacted leftwards customer by customer.
  std::uint32_t write = 0;
  for (std::size_t c = 0; c < g.groups(); ++c) {
    const std::uint32_t begin = g.offsets[c], end = g.offsets[c + 1];
    for (std::uint32_t m = begin; m < end; ++m) g.members[m] = ds.lines.product[g.members[m]];
    std::sort(g.members.begin() + begin, g.members.begin() + end);
    const auto unique_end = std::unique(g.members.begin() + begin, g.members.begin() + end);
    g.offsets[c] = write;
    for (auto it = g.members.begin() + begin; it != unique_end; ++it) g.members[write++] = *it;
  }
  g.offsets[g.groups()] = write;
  g.members.resize(write);
  return g;
}

}  // namespace orderlens::recommend
