#include "segments/customer_base.hpp"

namespace orderlens::segments {

double CustomerBase::total_revenue() const {
  double total = 0;
  for (double r : summary.net_revenue) total += r;
  return total;
}

CustomerBase customer_base(const Dataset& dataset, std::optional<std::int32_t> end_day) {
  CustomerBase base;
  base.dataset = &dataset;
  SummaryOptions options{TimeUnit::Days, end_day};
  options.keep_purchase_days = true;
  base.summary = summarize_customers(dataset, options);
  base.end_day = base.summary.end_day;
  const CustomerSummary& s = base.summary;
  const std::size_t rows = s.size();

  base.row_of_customer.assign(dataset.customers.size(), kNoRow);
  base.recency_days.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    base.row_of_customer[s.customer[r]] = static_cast<std::uint32_t>(r);
    base.recency_days[r] = base.end_day - s.last_day[r];
  }

  base.revenue_ascending = ascending(s.net_revenue);
  return base;
}

}  // namespace orderlens::segments
