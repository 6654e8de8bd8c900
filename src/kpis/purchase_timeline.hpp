// What the KPI table, the cohorts and the channel report share: the observed date range cut
// into periods, every order that moves revenue bucketed by period, and each customer's first
// and second purchase.
//
// Orders are ordered by (day, time of day, file order), so "first purchase" is well defined
// when a customer bought twice on one day. Counted orders are purchases (paid, partially
// refunded) and refunds standing on their own (negative net revenue on the refund's day);
// refunded, cancelled and pending orders move nothing and are left out.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "kpis/period.hpp"
#include "model/dataset.hpp"
#include "util/group_by.hpp"

namespace orderlens {

struct TimelineOptions {
  PeriodKind period = PeriodKind::Month;
  // The export's date range when the caller knows it (an export "from 1 March to 31 May" whose
  // last order fell on 30 May is complete); default: the first and last purchase day. Orders
  // outside are left out.
  std::optional<std::int32_t> start_day, end_day;
};

struct PurchaseTimeline {
  PeriodRange range;
  std::int32_t first_day = 0, last_day = -1;  // the observed (or stated) days
  // Counted orders of each period (index into range), in file order.
  Groups orders_by_period;
  std::uint64_t orders_outside = 0;  // counted orders before start_day or after end_day
  // Per customer (CustomersTable index), over every purchase up to the last day (a customer who
  // first bought before start_day is a returning customer in range, not a new one): the first
  // purchase order, its period and the second purchase's period; kBefore for a purchase before
  // the range, kNone / kNoPeriod when there is none.
  std::vector<std::uint32_t> first_order;
  std::vector<std::int32_t> first_period;
  std::vector<std::int32_t> second_period;

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  static constexpr std::int32_t kNoPeriod = INT32_MAX;
  static constexpr std::int32_t kBefore = -1;

  // Acquired in range: first purchase on or after the first day.
  bool acquired_in_range(std::size_t customer) const { return first_order[customer] != kNone && first_period[customer] >= 0; }

  std::size_t periods() const { return range.size(); }
  std::int32_t period_of_day(std::int32_t day) const { return static_cast<std::int32_t>(range.index_of_day(day)); }
};

// Counted orders: purchases, and refunds standing alone.
inline bool moves_revenue(const OrdersTable& o, std::size_t k) { return o.counts_as_purchase(k) || o.net[k] < 0; }

PurchaseTimeline purchase_timeline(const Dataset& dataset, const TimelineOptions& options);

}  // namespace orderlens
