#include "clv/customer_predictions.hpp"

#include <cmath>

#include "clv/predict.hpp"
#include "clv/rfm_rows.hpp"

namespace orderlens::clv {

CustomerPredictions predict_customers(const TransactionParams& params, const std::optional<SpendParams>& spend,
                                      std::span<const double> frequency, std::span<const double> recency,
                                      std::span<const double> T, std::span<const double> monetary,
                                      double fallback_spend, const PredictionOptions& o) {
  std::vector<std::uint32_t> row_of;
  const RfmRows rows = compress_rfm(frequency, recency, T, &row_of);
  const double horizon = o.horizon_months * o.month_length;
  struct RowPrediction {
    double alive, purchases, discounted, quiet, next;
  };
  std::vector<RowPrediction> per_row;
  per_row.reserve(rows.rows.size());
  for (const RfmRow& row : rows.rows) {
    const double x = rows.x(row), tx = rows.tx(row), t = rows.T(row);
    per_row.push_back({p_alive(params, x, tx, t), expected_purchases(params, x, tx, t, horizon),
                       discounted_expected_purchases(params, x, tx, t, o.horizon_months, o.month_length, o.monthly_discount_rate),
                       probability_no_purchase(params, x, tx, t, o.churn_window), median_time_to_next_purchase(params, x, tx, t)});
  }
  const std::size_t n = frequency.size();
  CustomerPredictions out;
  for (auto* v : {&out.p_alive, &out.expected_purchases, &out.expected_spend, &out.clv, &out.churn_probability, &out.next_purchase_in})
    v->resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const RowPrediction& r = per_row[row_of[i]];
    double unit_spend;
    if (spend) unit_spend = expected_spend(*spend, frequency[i], monetary[i]);
    else unit_spend = frequency[i] > 0 && monetary[i] > 0 ? monetary[i] : fallback_spend;
    out.p_alive[i] = r.alive;
    out.expected_purchases[i] = r.purchases;
    out.expected_spend[i] = unit_spend;
    out.clv[i] = o.margin * unit_spend * r.discounted;
    out.churn_probability[i] = r.quiet;
    out.next_purchase_in[i] = r.next;
  }
  return out;
}

}  // namespace orderlens::clv
