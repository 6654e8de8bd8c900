#include "recommend/reorder.hpp"

#include "segments/cycle.hpp"

namespace orderlens::recommend {

Consumables consumables(const PurchaseHistory& h, std::size_t products, std::uint32_t min_customers, double min_share) {
  std::vector<std::uint32_t> buyers(products, 0);
  const std::vector<std::uint32_t>& product = h.items.members;
  for (std::uint32_t p : product) ++buyers[p];
  // The repeaters' own intervals, grouped by product.
  const Groups intervals = group_by(
      products, product.size(), [&](std::size_t e) { return product[e]; }, [&](std::size_t e) { return h.days[e] >= 2; });
  Consumables c;
  c.is_consumable.assign(products, 0);
  c.repeat_share.assign(products, 0.0);
  c.typical_interval.assign(products, 0.0);
  std::vector<double> own;
  for (std::size_t p = 0; p < products; ++p) {
    const std::uint32_t repeaters = intervals.size(p);
    if (repeaters == 0) continue;
    own.clear();
    for (std::uint32_t m = intervals.begin(p); m < intervals.end(p); ++m) own.push_back(h.own_interval[intervals.members[m]]);
    c.typical_interval[p] = segments::median_of(own);
    c.repeat_share[p] = static_cast<double>(repeaters) / static_cast<double>(buyers[p]);
    c.is_consumable[p] = repeaters >= min_customers && c.repeat_share[p] >= min_share;
    c.count += c.is_consumable[p];
  }
  return c;
}

}  // namespace orderlens::recommend
