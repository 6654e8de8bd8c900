#include "segments/customer_base.hpp"

#include <algorithm>

#include "util/group_by.hpp"

namespace orderlens::segments {

double CustomerBase::total_revenue() const {
  double total = 0;
  for (double r : summary.net_revenue) total += r;
  return total;
}

CustomerBase customer_base(const Dataset& dataset, std::optional<std::int32_t> end_day) {
  CustomerBase base;
  base.dataset = &dataset;
  base.summary = summarize_customers(dataset, SummaryOptions{TimeUnit::Days, end_day});
  base.end_day = base.summary.end_day;
  const CustomerSummary& s = base.summary;
  const std::size_t rows = s.size();

  base.row_of_customer.assign(dataset.customers.size(), kNoRow);
  base.recency_days.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    base.row_of_customer[s.customer[r]] = static_cast<std::uint32_t>(r);
    base.recency_days[r] = base.end_day - s.last_day[r];
  }

  const OrdersTable& o = dataset.orders;
  const Groups by_row = group_by(
      rows, o.size(), [&](std::size_t k) { return base.row_of_customer[o.customer[k]]; },
      [&](std::size_t k) {
        return o.counts_as_purchase(k) && o.day[k] <= base.end_day && base.row_of_customer[o.customer[k]] != kNoRow;
      });
  base.day_offsets.assign(rows + 1, 0);
  base.days.reserve(by_row.members.size());
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t start = base.days.size();
    for (std::uint32_t m = by_row.offsets[r]; m < by_row.offsets[r + 1]; ++m) base.days.push_back(o.day[by_row.members[m]]);
    std::sort(base.days.begin() + start, base.days.end());
    base.days.erase(std::unique(base.days.begin() + start, base.days.end()), base.days.end());
    base.day_offsets[r + 1] = static_cast<std::uint32_t>(base.days.size());
  }
  base.revenue_ascending = ascending(s.net_revenue);
  return base;
}

}  // namespace orderlens::segments
