// Per-customer summary of the purchases up to an observation end date.
//
// Purchases are orders that count as a purchase (paid or partially refunded, see
// order_status.hpp). The lifetimes / Fader-Hardie summary follows the literature:
//   frequency = number of distinct purchase days - 1 (orders on the same day are one purchase);
//   recency   = last purchase day - first purchase day;   T = end day - first purchase day;
//   monetary  = mean net value of the repeat purchase days (each day's orders summed, the first
//               day left out); 0 when frequency is 0.
// Times are in days, or in weeks = days / 7 (the CDNOW convention), with the end day inclusive.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/dataset.hpp"

namespace orderlens {

enum class TimeUnit : std::uint8_t { Days, Weeks };

inline double days_per_unit(TimeUnit unit) { return unit == TimeUnit::Weeks ? 7.0 : 1.0; }

struct SummaryOptions {
  TimeUnit unit = TimeUnit::Days;
  std::optional<std::int32_t> end_day;  // default: the last purchase day in the data
  bool keep_purchase_days = false;      // fill CustomerSummary::purchase_days (the segments need them)
};

// One entry per customer with at least one purchase on or before the end day, in the order
// customers first appear in the file.
struct CustomerSummary {
  TimeUnit unit = TimeUnit::Days;
  std::int32_t end_day = 0;

  std::vector<std::uint32_t> customer;  // index into CustomersTable
  std::vector<std::uint32_t> orders;    // purchases
  std::vector<std::uint32_t> repeat_orders;
  std::vector<std::int32_t> first_day;
  std::vector<std::int32_t> last_day;
  std::vector<double> gross_revenue;  // sold, before refunds (refunded orders included)
  std::vector<double> net_revenue;    // after refunds
  std::vector<double> aov;            // net revenue / purchases
  std::vector<double> items;
  std::vector<std::uint32_t> first_channel;  // Dataset::text id of the first purchase's channel
  std::vector<std::uint32_t> products;       // distinct products bought
  std::vector<double> frequency;
  std::vector<double> recency;
  std::vector<double> T;
  std::vector<double> monetary;
  // With SummaryOptions::keep_purchase_days: row r's distinct purchase days, ascending, are
  // purchase_days[day_offsets[r] .. day_offsets[r + 1]).
  std::vector<std::uint32_t> day_offsets;
  std::vector<std::int32_t> purchase_days;

  std::size_t size() const { return customer.size(); }
};

CustomerSummary summarize_customers(const Dataset& dataset, const SummaryOptions& options);

}  // namespace orderlens
