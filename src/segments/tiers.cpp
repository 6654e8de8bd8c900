#include "segments/tiers.hpp"

#include <algorithm>
#include <numeric>
#include <span>
#include <vector>

#include "segments/group_catalog.hpp"

namespace orderlens::segments {

namespace {

// Twice the mid-rank of every value: 2 * (values strictly below) + (values tied) - 1. Integers
// (exact in a double), so customers with equal values get exactly equal composites.
std::vector<double> doubled_midranks(std::span<const double> values) {
  const std::size_t n = values.size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(n, 0.0);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && values[order[j]] == values[order[i]]) ++j;
    for (std::size_t k = i; k < j; ++k) ranks[order[k]] = static_cast<double>(2 * i + (j - i) - 1);
    i = j;
  }
  return ranks;
}

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
  const std::vector<double> revenue_rank = doubled_midranks(s.net_revenue);
  const std::vector<double> purchase_rank = doubled_midranks(purchases);
  const double w = options.revenue_weight;
  std::vector<double> key(n);  // the composite times 2 (n - 1): ranks before scaling keep ties exact
  for (std::size_t i = 0; i < n; ++i) key[i] = w * revenue_rank[i] + (1 - w) * purchase_rank[i];
  MemberColumn composite{"composite", std::vector<double>(n)}, rank{"rank", std::vector<double>(n)};
  for (std::size_t i = 0; i < n; ++i) composite.values[i] = n > 1 ? key[i] / (2.0 * static_cast<double>(n - 1)) : 0.0;

  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (key[a] != key[b]) return key[a] > key[b];
    if (s.net_revenue[a] != s.net_revenue[b]) return s.net_revenue[a] > s.net_revenue[b];
    if (s.orders[a] != s.orders[b]) return s.orders[a] > s.orders[b];
    return a < b;
  });
  const std::size_t top = ceil_share(n, 20), next = ceil_share(n, 40);
  pack.group_of.resize(n);
  for (std::size_t position = 0; position < n; ++position) {
    const std::uint32_t row = order[position];
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
