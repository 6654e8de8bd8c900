#include "kpis/kpi_table.hpp"

#include <algorithm>
#include <array>

#include "kpis/revenue_decomposition.hpp"

namespace orderlens {

namespace {

using M = KpiMetric;

std::optional<double> ratio(double part, double whole) {
  if (whole == 0) return std::nullopt;
  return part / whole;
}

// Per-period counts from the orders, in one pass over the periods in order.
struct OrderCounts {
  double customers = 0, new_customers = 0, returning = 0, first_purchases = 0, orders = 0, revenue = 0, items = 0;
  double retained = 0, repeat_customers = 0;
};

std::vector<OrderCounts> count_orders(const Dataset& ds, const PurchaseTimeline& t) {
  const OrdersTable& o = ds.orders;
  std::vector<OrderCounts> out(t.periods());
  // The last period each customer bought in (kNoPeriod: none yet): periods go in order, so a
  // customer seen in p - 1 before p is a retained customer.
  std::vector<std::int32_t> last_active(ds.customers.size(), PurchaseTimeline::kNoPeriod);
  for (std::size_t p = 0; p < t.periods(); ++p) {
    const auto period = static_cast<std::int32_t>(p);
    OrderCounts& n = out[p];
    for (std::uint32_t m = t.orders_by_period.begin(p); m < t.orders_by_period.end(p); ++m) {
      const std::uint32_t k = t.orders_by_period.members[m];
      n.revenue += o.net[k];
      if (!o.counts_as_purchase(k)) continue;
      const std::uint32_t c = o.customer[k];
      ++n.orders;
      n.items += o.items[k];
      if (t.first_order[c] == k) ++n.first_purchases;
      std::int32_t& last = last_active[c];
      if (last == period) continue;
      ++n.customers;
      if (t.first_period[c] == period) ++n.new_customers;
      else ++n.returning;
      if (last != PurchaseTimeline::kNoPeriod && last == period - 1) ++n.retained;
      if (t.second_period[c] <= period) ++n.repeat_customers;
      last = period;
    }
  }
  return out;
}

struct VisitorCounts {
  double visitors = 0, new_visitors = 0;
};

std::vector<VisitorCounts> count_visitors(const EventLog& e, const PurchaseTimeline& t) {
  std::vector<VisitorCounts> out(t.periods());
  for (std::size_t i = 0; i < e.size(); ++i) {
    const std::int32_t first_seen = period_of_day(t.range.kind, e.first_day[i]);
    std::int32_t previous = INT32_MIN;
    for (std::uint32_t v = e.visit_offsets[i]; v < e.visit_offsets[i + 1]; ++v) {
      const std::int32_t day = e.visit_days[v];
      if (day < t.first_day || day > t.last_day) continue;
      const std::int32_t period = period_of_day(t.range.kind, day);
      if (period == previous) continue;
      previous = period;
      VisitorCounts& n = out[static_cast<std::size_t>(period - t.range.first)];
      ++n.visitors;
      if (period == first_seen) ++n.new_visitors;
    }
  }
  return out;
}

Coverage coverage_of(std::int32_t from, std::int32_t to, const KpiTable& table) {
  if (!table.events_first_day) return Coverage::None;
  const std::int32_t a = *table.events_first_day, b = *table.events_last_day;
  if (b < from || a > to) return Coverage::None;
  return a <= from && b >= to ? Coverage::Full : Coverage::Partial;
}

KpiValues values_of(const OrderCounts& n, const OrderCounts* previous, const VisitorCounts* visitors) {
  KpiValues v{};
  auto set = [&](M m, std::optional<double> x) { v[index_of(m)] = x; };
  set(M::Customers, n.customers);
  set(M::NewCustomers, n.new_customers);
  set(M::ReturningCustomers, n.returning);
  set(M::FirstPurchases, n.first_purchases);
  set(M::Repurchases, n.orders - n.first_purchases);
  set(M::Orders, n.orders);
  set(M::Revenue, n.revenue);
  set(M::Aov, ratio(n.revenue, n.orders));
  set(M::ItemsPerOrder, ratio(n.items, n.orders));
  set(M::OrdersPerCustomer, ratio(n.orders, n.customers));
  set(M::RepeatCustomerRate, ratio(n.repeat_customers, n.customers));
  if (previous) {
    const std::optional<double> retention = ratio(n.retained, previous->customers);
    set(M::RetentionRate, retention);
    if (retention) set(M::ChurnRate, 1.0 - *retention);
  }
  if (visitors) {
    set(M::Visitors, visitors->visitors);
    set(M::NewVisitors, visitors->new_visitors);
    set(M::ReturningVisitors, visitors->visitors - visitors->new_visitors);
    set(M::ConversionRate, ratio(n.customers, visitors->visitors));
  }
  return v;
}

void compare(KpiPeriod& row, const KpiPeriod& before, const KpiOptions& options) {
  const bool visitors_comparable = row.visitors == Coverage::Full && before.visitors == Coverage::Full;
  for (std::size_t m = 0; m < kKpiMetricCount; ++m) {
    if (kpi_metric_info(static_cast<M>(m)).needs_events && !visitors_comparable) continue;
    const std::optional<double> now = row.values[m], then = before.values[m];
    if (!now || !then) continue;
    row.deltas[m].absolute = *now - *then;
    row.deltas[m].relative = ratio(*now - *then, *then);
  }

  RevenueChange change;
  change.drivers = visitors_comparable ? std::vector<M>{M::Visitors, M::ConversionRate, M::OrdersPerCustomer, M::Aov}
                                       : std::vector<M>{M::Customers, M::OrdersPerCustomer, M::Aov};
  const double revenue = *row.values[index_of(M::Revenue)], previous = *before.values[index_of(M::Revenue)];
  change.change = revenue - previous;
  std::vector<double> x0, x1;
  bool all_present = true;
  for (M d : change.drivers) {
    all_present = all_present && row.values[index_of(d)] && before.values[index_of(d)];
    x0.push_back(before.values[index_of(d)].value_or(0));
    x1.push_back(row.values[index_of(d)].value_or(0));
  }
  if (all_present) change.contributions = lmdi_contributions(x0, x1, previous, revenue);
  row.revenue_change = std::move(change);

  for (const KpiActionRule& rule : kpi_action_rules()) {
    if (rule.only_without_visitors && visitors_comparable) continue;
    const std::optional<double> relative = row.deltas[index_of(rule.metric)].relative;
    // A fall: strictly below zero, and by at least the threshold.
    if (relative && *relative < 0 && *relative <= -options.drop_threshold) row.actions.push_back({&rule, *relative});
  }
}

}  // namespace

std::string_view coverage_key(Coverage c) {
  constexpr std::array<std::string_view, 3> kKeys = {"none", "partial", "full"};
  return kKeys[static_cast<std::size_t>(c)];
}

std::string_view not_compared_key(NotCompared n) {
  constexpr std::array<std::string_view, 4> kKeys = {"compared", "first_period", "partial_period", "previous_partial"};
  return kKeys[static_cast<std::size_t>(n)];
}

KpiTable kpi_table(const Dataset& ds, const KpiOptions& options, const EventLog* events) {
  return kpi_table(ds, purchase_timeline(ds, options.timeline), options, events);
}

KpiTable kpi_table(const Dataset& ds, const PurchaseTimeline& t, const KpiOptions& options, const EventLog* events) {
  KpiTable table;
  table.options = options;
  table.range = t.range;
  table.first_day = t.first_day;
  table.last_day = t.last_day;
  table.orders_outside = t.orders_outside;
  table.has_events = events != nullptr;
  std::vector<VisitorCounts> visitors;
  if (events) {
    for (std::size_t i = 0; i < events->size(); ++i) {
      if (events->visit_offsets[i] == events->visit_offsets[i + 1]) continue;
      table.events_first_day = std::min(table.events_first_day.value_or(INT32_MAX), events->first_day[i]);
      table.events_last_day = std::max(table.events_last_day.value_or(INT32_MIN), events->last_day[i]);
    }
    visitors = count_visitors(*events, t);
  }
  const std::vector<OrderCounts> counts = count_orders(ds, t);

  table.periods.resize(t.periods());
  for (std::size_t p = 0; p < t.periods(); ++p) {
    KpiPeriod& row = table.periods[p];
    row.period = t.range.first + static_cast<std::int32_t>(p);
    row.first_day = period_first_day(t.range.kind, row.period);
    row.last_day = period_last_day(t.range.kind, row.period);
    row.partial = t.range.partial(p);
    row.visitors = coverage_of(std::max(row.first_day, t.first_day), std::min(row.last_day, t.last_day), table);
    row.values = values_of(counts[p], p ? &counts[p - 1] : nullptr, row.visitors != Coverage::None ? &visitors[p] : nullptr);
    if (p == 0) continue;
    const KpiPeriod& before = table.periods[p - 1];
    row.compared = row.partial ? NotCompared::PartialPeriod : before.partial ? NotCompared::PreviousPartial : NotCompared::Compared;
    if (row.compared != NotCompared::Compared) continue;
    compare(row, before, options);
    table.latest_compared = p;
  }
  return table;
}

}  // namespace orderlens
