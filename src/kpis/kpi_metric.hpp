// The KPIs of one period, named once: their keys (JSON, JS, docs), words in English and Korean,
// and which way is good. Values are optional: a rate over nothing (AOV of a period without
// orders, conversion without an events file) is absent, never 0 or NaN.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace orderlens {

enum class KpiMetric : std::uint8_t {
  Visitors,            // distinct visitors active in the period (events file)
  NewVisitors,         // ... first seen in this period
  ReturningVisitors,   // ... first seen in an earlier period
  Customers,           // distinct customers with a purchase in the period (purchasers)
  NewCustomers,        // ... whose first purchase is in the period
  ReturningCustomers,  // ... who had bought before the period
  FirstPurchases,      // orders that are a customer's first purchase (= new customers)
  Repurchases,         // the other purchase orders
  Orders,              // purchase orders
  Revenue,             // net revenue: purchases after refunds, less refunds standing alone
  Aov,                 // revenue / orders
  ItemsPerOrder,       // items bought / orders
  OrdersPerCustomer,   // orders / customers
  ConversionRate,      // customers / visitors
  RepeatCustomerRate,  // share of the period's customers with two or more purchases by its end
  RetentionRate,       // share of the previous period's customers who bought again in this one
  ChurnRate,           // 1 - retention rate
};
inline constexpr std::size_t kKpiMetricCount = 17;

struct KpiMetricInfo {
  std::string_view key;     // camelCase
  std::string_view en, ko;  // names for tables
  bool higher_is_better;
  bool needs_events;
};

const KpiMetricInfo& kpi_metric_info(KpiMetric metric);

using KpiValues = std::array<std::optional<double>, kKpiMetricCount>;

inline std::size_t index_of(KpiMetric m) { return static_cast<std::size_t>(m); }

}  // namespace orderlens
