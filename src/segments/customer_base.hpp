// What every segment pack reads about the customers: the summary (in days) at the end date, days
// since the last purchase, and each customer's distinct purchase days. Computed once per
// segmentation and shared by the packs and the custom rules.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "model/customer_summary.hpp"
#include "model/dataset.hpp"
#include "segments/value_order.hpp"

namespace orderlens::segments {

inline constexpr std::uint32_t kNoRow = 0xFFFFFFFFu;

struct CustomerBase {
  const Dataset* dataset = nullptr;
  CustomerSummary summary;  // one row per customer with a purchase on or before end_day
  std::int32_t end_day = 0;
  std::vector<std::int32_t> recency_days;      // end_day - last purchase day, per row
  std::vector<std::uint32_t> row_of_customer;  // CustomersTable index -> row, kNoRow without a purchase
  std::vector<ValueRow> revenue_ascending;     // rows by net revenue: shared by RFM M and the tiers

  std::size_t size() const { return summary.size(); }
  // Distinct purchase days, ascending (kept by the summary).
  std::span<const std::int32_t> purchase_days(std::size_t row) const {
    const std::vector<std::int32_t>& days = summary.purchase_days;
    return {days.data() + summary.day_offsets[row], days.data() + summary.day_offsets[row + 1]};
  }
  double total_revenue() const;
};

// end_day defaults to the last purchase day in the data.
CustomerBase customer_base(const Dataset& dataset, std::optional<std::int32_t> end_day);

}  // namespace orderlens::segments
