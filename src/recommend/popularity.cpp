#include "recommend/popularity.hpp"

#include <algorithm>

#include "recommend/recommend.hpp"
#include "segments/affinity_baskets.hpp"

namespace orderlens::recommend {

Popularity recent_best_sellers(const Dataset& ds, std::int32_t end_day, std::uint32_t recent_days) {
  const AffinityItems items = affinity_items(ds, AffinityLevel::Product);
  const Groups baskets = order_baskets(ds, items, end_day);  // distinct products per purchase order
  const std::size_t products = ds.products.size();
  std::vector<std::uint32_t> recent(products, 0), all(products, 0);
  const std::int64_t first_recent = static_cast<std::int64_t>(end_day) - recent_days + 1;
  std::uint64_t recent_orders = 0;
  for (std::size_t k = 0; k < baskets.groups(); ++k) {
    if (baskets.size(k) == 0) continue;
    const bool is_recent = ds.orders.day[k] >= first_recent;
    recent_orders += is_recent;
    for (std::uint32_t m = baskets.begin(k); m < baskets.end(k); ++m) {
      ++all[baskets.members[m]];
      recent[baskets.members[m]] += is_recent;
    }
  }
  Popularity p;
  p.score.assign(products, 0.0);
  for (std::uint32_t q = 0; q < products; ++q) {
    if (all[q] == 0) continue;
    p.ranked.push_back(q);
    if (recent_orders) p.score[q] = static_cast<double>(recent[q]) / static_cast<double>(recent_orders);
  }
  std::sort(p.ranked.begin(), p.ranked.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (recent[a] != recent[b]) return recent[a] > recent[b];
    if (all[a] != all[b]) return all[a] > all[b];
    return a < b;
  });
  return p;
}

ContentGroups content_groups(const Dataset& ds, const Popularity& popularity) {
  const ProductsTable& t = ds.products;
  ContentGroups g;
  const auto any = [](const std::vector<std::uint32_t>& column) {
    return std::any_of(column.begin(), column.end(), [](std::uint32_t id) { return id != StringPool::kNone; });
  };
  const std::vector<std::uint32_t>* column = any(t.category) ? &t.category : any(t.vendor) ? &t.vendor : nullptr;
  g.group_of.assign(t.size(), kNone);
  g.ranked.offsets.assign(1, 0);
  if (!column) return g;
  g.attribute = column == &t.category ? "category" : "vendor";
  // Text ids -> dense group numbers, in product order.
  std::vector<std::uint32_t> group_of_text(ds.text.size(), kNone);
  for (std::size_t p = 0; p < t.size(); ++p) {
    const std::uint32_t text = (*column)[p];
    if (text == StringPool::kNone) continue;
    if (group_of_text[text] == kNone) {
      group_of_text[text] = static_cast<std::uint32_t>(g.names.size());
      g.names.emplace_back(ds.text.view(text));
    }
    g.group_of[p] = group_of_text[text];
  }
  g.ranked = group_values_by(
      g.names.size(), popularity.ranked.size(), [&](std::size_t i) { return g.group_of[popularity.ranked[i]]; },
      [&](std::size_t i) { return popularity.ranked[i]; }, [&](std::size_t i) { return g.group_of[popularity.ranked[i]] != kNone; });
  return g;
}

}  // namespace orderlens::recommend
