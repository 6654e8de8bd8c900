#include "kpis/purchase_timeline.hpp"

#include <algorithm>

namespace orderlens {

PurchaseTimeline purchase_timeline(const Dataset& ds, const TimelineOptions& options) {
  const OrdersTable& o = ds.orders;
  PurchaseTimeline t;
  bool any = false;
  std::int32_t first = 0, last = 0;
  for (std::size_t k = 0; k < o.size(); ++k) {
    if (!o.counts_as_purchase(k)) continue;
    first = any ? std::min(first, o.day[k]) : o.day[k];
    last = any ? std::max(last, o.day[k]) : o.day[k];
    any = true;
  }
  if (options.start_day) first = *options.start_day;
  if (options.end_day) last = *options.end_day;
  if (!any && !(options.start_day && options.end_day)) last = first - 1;  // no purchases: no periods
  t.first_day = first;
  t.last_day = last;
  t.range = period_range(options.period, first, last);
  const std::size_t customers = ds.customers.size();
  t.first_order.assign(customers, PurchaseTimeline::kNone);
  t.first_period.assign(customers, PurchaseTimeline::kNoPeriod);
  t.second_period.assign(customers, PurchaseTimeline::kNoPeriod);
  if (t.range.size() == 0) {
    t.orders_by_period.offsets.assign(1, 0);
    return t;
  }

  // Period of each day of the range: one calendar conversion per day, not per order.
  std::vector<std::uint32_t> period_of(static_cast<std::size_t>(last - first + 1));
  for (std::int32_t d = first; d <= last; ++d) period_of[static_cast<std::size_t>(d - first)] = static_cast<std::uint32_t>(t.range.index_of_day(d));
  auto in_range = [&](std::size_t k) { return o.day[k] >= first && o.day[k] <= last; };

  // First and second purchase per customer, by (day, time, file order).
  std::vector<std::uint32_t> second_order(customers, PurchaseTimeline::kNone);
  auto before = [&](std::uint32_t a, std::uint32_t b) {
    return o.day[a] != o.day[b] ? o.day[a] < o.day[b] : o.second_of_day[a] != o.second_of_day[b] ? o.second_of_day[a] < o.second_of_day[b] : a < b;
  };
  for (std::size_t k = 0; k < o.size(); ++k) {
    if (!moves_revenue(o, k)) continue;
    if (!in_range(k)) ++t.orders_outside;
    if (!o.counts_as_purchase(k) || o.day[k] > last) continue;
    const auto order = static_cast<std::uint32_t>(k);
    std::uint32_t& one = t.first_order[o.customer[k]];
    std::uint32_t& two = second_order[o.customer[k]];
    if (one == PurchaseTimeline::kNone || before(order, one)) {
      two = one;
      one = order;
    } else if (two == PurchaseTimeline::kNone || before(order, two)) {
      two = order;
    }
  }
  auto period_of_order = [&](std::uint32_t k) {
    return o.day[k] < first ? PurchaseTimeline::kBefore : static_cast<std::int32_t>(period_of[static_cast<std::size_t>(o.day[k] - first)]);
  };
  for (std::size_t c = 0; c < customers; ++c) {
    if (t.first_order[c] != PurchaseTimeline::kNone) t.first_period[c] = period_of_order(t.first_order[c]);
    if (second_order[c] != PurchaseTimeline::kNone) t.second_period[c] = period_of_order(second_order[c]);
  }
  t.orders_by_period = group_by(
      t.range.size(), o.size(), [&](std::size_t k) { return period_of[static_cast<std::size_t>(o.day[k] - first)]; },
      [&](std::size_t k) { return moves_revenue(o, k) && in_range(k); });
  return t;
}

}  // namespace orderlens
