#include "segments/affinity_baskets.hpp"

#include <algorithm>

namespace orderlens {

namespace {

// Insertion sort for the usual handful of elements (std::sort's setup costs more there).
template <typename It, typename Less>
void sort_small(It first, It last, Less less) {
  if (last - first > 32) {
    std::sort(first, last, less);
    return;
  }
  for (It i = first + (first != last); i < last; ++i)
    for (It j = i; j > first && less(*j, *(j - 1)); --j) std::iter_swap(j, j - 1);
}

// Drops repeated values from [first, last), keeping first-seen order for short ranges; returns
// the new end. A linear search per value beats sorting the usual handful of items (the sort's
// comparisons are coin flips for the branch predictor; "seen before?" is almost always no).
template <typename It>
It drop_repeats(It first, It last) {
  if (last - first > 16) {
    std::sort(first, last);
    return std::unique(first, last);
  }
  It kept = first;
  for (It i = first; i != last; ++i)
    if (std::find(first, kept, *i) == kept) *kept++ = *i;
  return kept;
}

}  // namespace

AffinityItems affinity_items(const Dataset& ds, AffinityLevel level) {
  const ProductsTable& p = ds.products;
  AffinityItems items;
  items.of_product.assign(p.size(), AffinityItems::kNoItem);
  if (level == AffinityLevel::Product) {
    items.keys.reserve(p.size());
    items.names.reserve(p.size());
    for (std::size_t k = 0; k < p.size(); ++k) {
      items.of_product[k] = static_cast<std::uint32_t>(k);
      items.keys.emplace_back(ds.product_keys.view(p.key[k]));
      items.names.emplace_back(ds.text.view(p.name[k]));
    }
    return items;
  }
  // Categories are Dataset::text ids (kNone for none), so a flat table maps them to items.
  std::vector<std::uint32_t> item_of_text(ds.text.size(), AffinityItems::kNoItem);
  for (std::size_t k = 0; k < p.size(); ++k) {
    const std::uint32_t category = p.category[k];
    if (category == StringPool::kNone) continue;
    std::uint32_t& item = item_of_text[category];
    if (item == AffinityItems::kNoItem) {
      item = static_cast<std::uint32_t>(items.keys.size());
      items.keys.emplace_back(ds.text.view(category));
      items.names.emplace_back(ds.text.view(category));
    }
    items.of_product[k] = item;
  }
  return items;
}

Groups order_baskets(const Dataset& ds, const AffinityItems& items, std::optional<std::int32_t> end_day) {
  const OrdersTable& o = ds.orders;
  const LineItemsTable& l = ds.lines;
  auto item_of_line = [&](std::size_t i) {
    const std::uint32_t product = l.product[i];
    return product == LineItemsTable::kNoProduct ? AffinityItems::kNoItem : items.of_product[product];
  };
  auto counts = [&](std::size_t i) {
    if (l.kind[i] != LineKind::Sale || item_of_line(i) == AffinityItems::kNoItem) return false;
    const std::uint32_t k = l.order[i];
    return o.counts_as_purchase(k) && (!end_day || o.day[k] <= *end_day);
  };
  Groups g = group_values_by(
      o.size(), l.size(), [&](std::size_t i) { return l.order[i]; }, item_of_line, counts);

  // De-duplicate each order's items in place, compacting the groups leftwards.
  std::uint32_t write = 0;
  for (std::size_t k = 0; k < o.size(); ++k) {
    const auto first = g.members.begin() + g.offsets[k];
    const auto unique_end = drop_repeats(first, g.members.begin() + g.offsets[k + 1]);
    g.offsets[k] = write;
    for (auto it = first; it != unique_end; ++it) g.members[write++] = *it;  // write <= it: never overtakes
  }
  g.offsets[o.size()] = write;
  g.members.resize(write);
  return g;
}

Groups customer_orders_by_day(const Dataset& ds, const Groups& baskets) {
  const OrdersTable& o = ds.orders;
  Groups g = group_values_by(
      ds.customers.size(), o.size(), [&](std::size_t k) { return o.customer[k]; },
      [](std::size_t k) { return static_cast<std::uint32_t>(k); }, [&](std::size_t k) { return baskets.size(k) > 0; });
  // Exports are mostly in date order already, which insertion sort handles in one pass.
  for (std::size_t c = 0; c < ds.customers.size(); ++c)
    sort_small(g.members.begin() + g.begin(c), g.members.begin() + g.end(c),
               [&](std::uint32_t a, std::uint32_t b) { return o.day[a] < o.day[b]; });
  return g;
}

void fill_day_baskets(const Dataset& ds, const Groups& baskets, const Groups& by_customer, std::size_t customer,
                      Groups& days) {
  const std::vector<std::int32_t>& day_of = ds.orders.day;
  days.offsets.assign(1, 0);
  days.members.clear();
  const std::uint32_t end = by_customer.end(customer);
  for (std::uint32_t m = by_customer.begin(customer); m < end;) {
    // The orders m .. next are one day: their baskets, merged into one set.
    const std::int32_t day = day_of[by_customer.members[m]];
    std::uint32_t next = m;
    for (; next < end && day_of[by_customer.members[next]] == day; ++next) {
      // Element by element: a vector insert of the usual 1-4 items costs a memmove call.
      const std::uint32_t k = by_customer.members[next];
      for (std::uint32_t i = baskets.begin(k); i < baskets.end(k); ++i) days.members.push_back(baskets.members[i]);
    }
    if (next - m > 1) {
      const auto day_begin = days.members.begin() + days.offsets.back();
      days.members.erase(drop_repeats(day_begin, days.members.end()), days.members.end());
    }
    days.offsets.push_back(static_cast<std::uint32_t>(days.members.size()));
    m = next;
  }
}

}  // namespace orderlens
