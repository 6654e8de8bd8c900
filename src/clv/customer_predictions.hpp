// Every customer's predictions from fitted models, computed once per distinct (x, t_x, T) row
// (customers sharing a history share predictions but for spend) and spread back to customers.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "clv/models.hpp"
#include "clv/rfm_rows.hpp"

namespace orderlens::clv {

struct PredictionOptions {
  int horizon_months = 12;             // expected purchases and CLV over this many months
  double month_length = 30.4375;       // one month in the model's time unit (365.25 / 12 days)
  double monthly_discount_rate = 0.01;
  double margin = 1;                   // share of revenue that is profit (1: CLV in revenue)
  double churn_window = 90;            // P(no purchase in this long), in the model's time unit
};

struct CustomerPredictions {
  std::vector<double> p_alive;
  std::vector<double> expected_purchases;  // in the horizon
  std::vector<double> expected_spend;      // per purchase
  std::vector<double> clv;                 // discounted, over the horizon, × margin
  std::vector<double> churn_probability;   // P(no purchase in the churn window)
  std::vector<double> next_purchase_in;    // median time after T to the next purchase; NaN: none expected
  // Expected number of customers making 0, 1, …, 9 and 10 or more purchases in the horizon.
  std::vector<double> purchase_distribution;
};

inline constexpr std::size_t kPurchaseDistributionSize = 11;

// `rows` and `row_of`: the customers' compressed (x, t_x, T) (compress_rfm). `spend`: the fitted
// Gamma-Gamma parameters; without them a customer's expected spend is their own mean repeat
// spend, or `fallback_spend` (e.g. the mean order value) when they have none.
CustomerPredictions predict_customers(const TransactionParams& params, const std::optional<SpendParams>& spend,
                                      const RfmRows& rows, std::span<const std::uint32_t> row_of,
                                      std::span<const double> frequency, std::span<const double> monetary,
                                      double fallback_spend, const PredictionOptions& options);

}  // namespace orderlens::clv
