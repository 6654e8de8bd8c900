#include "segments/repurchase.hpp"

#include "segments/group_catalog.hpp"

namespace orderlens::segments {

PackResult repurchase_pack(const CustomerBase& base) {
  enum { JustBought, HighValueInfrequent, FrequentLowValue, Loyal };
  const CustomerSummary& s = base.summary;
  PackResult pack;
  pack.key = "repurchase";
  pack.groups = catalog_groups(CatalogPack::Repurchase);

  double few_revenue = 0;
  std::size_t few = 0;
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (s.orders[i] > 2) continue;
    few_revenue += s.net_revenue[i];
    ++few;
  }
  const double threshold = few ? few_revenue / static_cast<double>(few) : 0.0;
  pack.group_of.resize(base.size());
  for (std::size_t i = 0; i < base.size(); ++i) {
    const bool frequent = s.orders[i] >= 3;
    const bool high = s.net_revenue[i] >= threshold;
    pack.group_of[i] = static_cast<std::uint8_t>(frequent ? (high ? Loyal : FrequentLowValue)
                                                          : (high ? HighValueInfrequent : JustBought));
  }
  pack.details["revenueThreshold"] = threshold;
  pack.details["customersWithAtMostTwoPurchases"] = few;
  if (!few) pack.notes.push_back("No customer has 2 or fewer purchases, so the revenue threshold is 0.");
  tally_customers(pack, base);
  return pack;
}

}  // namespace orderlens::segments
