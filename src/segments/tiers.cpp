#include "segments/tiers.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "segments/group_catalog.hpp"
#include "segments/value_order.hpp"

namespace orderlens::segments {

namespace {

// Twice the mid-rank of every value: 2 * (values strictly below) + (values tied) - 1. Integers
// (exact in a double), so customers with equal values get exactly equal composites.
std::vector<double> doubled_midranks(const std::vector<ValueRow>& order) {
  std::vector<double> ranks(order.size());
  for_each_tie(order, [&](std::size_t first, std::size_t last) {
    for (std::size_t k = first; k < last; ++k) ranks[order[k].second] = static_cast<double>(first + last - 1);
  });
  return ranks;
}

// The ranking key of one customer: sorted as a contiguous record (not through indices) for speed.
struct TierKey {
  double composite;  // scaled: w * doubled mid-rank of revenue + (1 - w) * of purchases
  double revenue;
  std::uint32_t purchases;
  std::uint32_t row;
  bool operator<(const TierKey& o) const {  // better first
    if (composite != o.composite) return composite > o.composite;
    if (revenue != o.revenue) return revenue > o.revenue;
    if (purchases != o.purchases) return purchases > o.purchases;
    return row < o.row;
  }
};

std::size_t ceil_share(std::size_t n, std::size_t percent) { return (n * percent + 99) / 100; }

}  // namespace

PackResult tiers_pack(const CustomerBase& base, const TierOptions& options) {
  enum { Top, Next, Rest };
  const CustomerSummary& s = base.summary;
  const std::size_t n = base.size();
  PackResult pack;
  pack.key = "tiers";
  pack.groups = catalog_groups(CatalogPack::Tiers);

  std::vector<double> purchases(s.orders.begin(), s.orders.end());
  const std::vector<double> revenue_rank = doubled_midranks(base.revenue_ascending);
  const std::vector<double> purchase_rank = doubled_midranks(ascending(purchases));
  const double w = options.revenue_weight;
  // The composite times 2 (n - 1): ranks before scaling keep ties exact.
  std::vector<TierKey> order(n);
  MemberColumn composite{"composite", std::vector<double>(n)}, rank{"rank", std::vector<double>(n)};
  for (std::size_t i = 0; i < n; ++i) {
    const double key = w * revenue_rank[i] + (1 - w) * purchase_rank[i];
    order[i] = {key, s.net_revenue[i], s.orders[i], static_cast<std::uint32_t>(i)};
    composite.values[i] = n > 1 ? key / (2.0 * static_cast<double>(n - 1)) : 0.0;
  }
  std::sort(order.begin(), order.end());
  const std::size_t top = ceil_share(n, 20), next = ceil_share(n, 40);
  pack.group_of.resize(n);
  for (std::size_t position = 0; position < n; ++position) {
    const std::uint32_t row = order[position].row;
    rank.values[row] = static_cast<double>(position + 1);
    pack.group_of[row] = static_cast<std::uint8_t>(position < top ? Top : position < next ? Next : Rest);
  }
  pack.columns = {std::move(rank), std::move(composite)};
  pack.details["revenueWeight"] = w;
  pack.details["topTierSize"] = top;
  pack.details["nextTierSize"] = next - top;
  tally_customers(pack, base);
  return pack;
}

}  // namespace orderlens::segments
