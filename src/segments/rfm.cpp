#include "segments/rfm.hpp"

#include <algorithm>

#include "segments/group_catalog.hpp"

namespace orderlens::segments {

std::vector<std::uint8_t> quintile_scores(std::span<const double> values) { return quintile_scores(ascending(values)); }

std::vector<std::uint8_t> quintile_scores(const std::vector<ValueRow>& order) {
  const std::size_t n = order.size();
  std::vector<std::uint8_t> scores(n);
  // The customers below a run of equal values are the run's first position.
  for_each_tie(order, [&](std::size_t first, std::size_t last) {
    const auto score = static_cast<std::uint8_t>(1 + (5 * first) / n);
    for (std::size_t k = first; k < last; ++k) scores[order[k].second] = score;
  });
  return scores;
}

std::uint8_t absolute_frequency_score(std::uint32_t purchases) {
  if (purchases <= 1) return 1;
  if (purchases == 2) return 2;
  if (purchases <= 4) return 3;
  if (purchases <= 9) return 4;
  return 5;
}

// Group indices follow the catalog order (group_catalog.cpp).
std::size_t rf_grid_group(int r, int f) {
  enum { Champions, Loyal, PotentialLoyalists, New, Promising, NeedAttention, AboutToSleep, AtRisk, CantLose, Hibernating };
  if (r <= 2) return f <= 2 ? Hibernating : f <= 4 ? AtRisk : CantLose;
  if (r == 3) return f <= 2 ? AboutToSleep : f == 3 ? NeedAttention : Loyal;
  if (r == 4) return f == 1 ? Promising : f <= 3 ? PotentialLoyalists : Loyal;
  return f == 1 ? New : f <= 3 ? PotentialLoyalists : Champions;
}

std::size_t shopify_group(int r, int f, int m) {
  enum { Champions, Loyal, Active, New, Promising, NeedsAttention, AlmostLost, AtRisk, PreviouslyLoyal, Dormant };
  // (F + M) / 2 in four bands: low 1-2, mid 2.5-3, high 3.5-4, top 4.5-5.
  const int fm = f + m;
  const int band = fm <= 4 ? 0 : fm <= 6 ? 1 : fm <= 8 ? 2 : 3;
  static constexpr std::size_t kCells[5][4] = {
      {Dormant, Dormant, AtRisk, PreviouslyLoyal},          // R = 1
      {Dormant, AlmostLost, AtRisk, PreviouslyLoyal},       // R = 2
      {AlmostLost, NeedsAttention, NeedsAttention, NeedsAttention},  // R = 3
      {Promising, Active, Loyal, Loyal},                    // R = 4
      {New, Active, Loyal, Champions},                      // R = 5
  };
  return kCells[r - 1][band];
}

PackResult rfm_pack(const CustomerBase& base, const RfmOptions& options) {
  const CustomerSummary& s = base.summary;
  const std::size_t n = base.size();
  PackResult pack;
  pack.key = "rfm";
  pack.groups = catalog_groups(options.scheme == RfmScheme::RfGrid ? CatalogPack::RfmGrid : CatalogPack::RfmShopify);

  std::vector<double> recency(n), purchases(n);
  std::size_t one_time = 0;
  for (std::size_t i = 0; i < n; ++i) {
    recency[i] = -static_cast<double>(base.recency_days[i]);  // more recent scores higher
    purchases[i] = s.orders[i];
    one_time += s.orders[i] == 1;
  }
  const bool absolute = options.frequency == FrequencyScoring::Absolute ||
                        (options.frequency == FrequencyScoring::Auto && 2 * one_time > n);
  const std::vector<std::uint8_t> r = quintile_scores(recency);
  const std::vector<std::uint8_t> m = quintile_scores(base.revenue_ascending);
  std::vector<std::uint8_t> f;
  if (absolute) {
    f.resize(n);
    for (std::size_t i = 0; i < n; ++i) f[i] = absolute_frequency_score(s.orders[i]);
  } else {
    f = quintile_scores(purchases);
  }

  pack.group_of.resize(n);
  MemberColumn rc{"r", std::vector<double>(n)}, fc{"f", std::vector<double>(n)}, mc{"m", std::vector<double>(n)};
  for (std::size_t i = 0; i < n; ++i) {
    pack.group_of[i] = static_cast<std::uint8_t>(options.scheme == RfmScheme::RfGrid ? rf_grid_group(r[i], f[i])
                                                                                      : shopify_group(r[i], f[i], m[i]));
    rc.values[i] = r[i];
    fc.values[i] = f[i];
    mc.values[i] = m[i];
  }
  pack.columns = {std::move(rc), std::move(fc), std::move(mc)};
  pack.details["scheme"] = options.scheme == RfmScheme::RfGrid ? "rf_grid" : "shopify";
  pack.details["frequencyScoring"] = absolute ? "absolute" : "quintile";
  pack.details["oneTimeBuyerShare"] = n ? static_cast<double>(one_time) / static_cast<double>(n) : 0.0;
  if (absolute && options.frequency == FrequencyScoring::Auto)
    pack.notes.push_back("More than half of the customers bought once, so frequency scores use fixed thresholds "
                         "(1, 2, 3-4, 5-9, 10+ purchases) instead of quintiles.");
  tally_customers(pack, base);
  return pack;
}

}  // namespace orderlens::segments
