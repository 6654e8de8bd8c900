#include "segments/pack.hpp"

namespace orderlens::segments {

std::size_t PackResult::group_index(std::string_view group_key) const {
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (groups[g].key == group_key) return g;
  return groups.size();
}

void tally_customers(PackResult& pack, const CustomerBase& base) {
  pack.totals.assign(pack.groups.size(), GroupTotals{});
  const CustomerSummary& s = base.summary;
  for (std::size_t r = 0; r < base.size(); ++r) {
    GroupTotals& t = pack.totals[pack.group_of[r]];
    ++t.members;
    ++t.customers;
    t.orders += s.orders[r];
    t.revenue += s.net_revenue[r];
    t.recency_days_sum += base.recency_days[r];
  }
}

}  // namespace orderlens::segments
