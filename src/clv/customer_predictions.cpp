#include "clv/customer_predictions.hpp"

#include <cmath>

#include <tsl/robin_map.h>

#include "clv/predict.hpp"
#include "util/hash.hpp"

namespace orderlens::clv {

namespace {

// What an active customer with x repeat purchases observed for T will do: the part of every
// prediction that does not depend on t_x. A million customers have some 500,000 distinct
// (x, t_x, T) rows but only tens of thousands of distinct (x, T) pairs, and the hypergeometric
// series behind these values is the costly part.
struct IfAlive {
  double purchases;   // in the horizon
  double discounted;  // discounted purchases in the horizon
  double next;        // median wait for the next purchase (BG/NBD-type models; Pareto/NBD per row)
  double quiet;       // P(no purchase in the churn window) (BG/NBD-type models; Pareto/NBD per row)
  std::vector<double> distribution;  // of purchases in the horizon
};


}  // namespace

CustomerPredictions predict_customers(const TransactionParams& params, const std::optional<SpendParams>& spend,
                                      const RfmRows& rows, std::span<const std::uint32_t> row_of,
                                      std::span<const double> frequency, std::span<const double> monetary,
                                      double fallback_spend, const PredictionOptions& o) {
  const bool pareto = params.model == TransactionModel::ParetoNbd;
  tsl::robin_map<std::uint64_t, IfAlive, Mix64Hash> if_alive;  // key: x index << 32 | T index
  struct RowPrediction {
    double alive, purchases, discounted, quiet, next;
  };
  std::vector<RowPrediction> per_row;
  per_row.reserve(rows.rows.size());
  std::vector<double> distribution(kPurchaseDistributionSize, 0.0);
  for (const RfmRow& row : rows.rows) {
    const double x = rows.x(row), tx = rows.tx(row), T = rows.T(row);
    const std::uint64_t key = (static_cast<std::uint64_t>(row.x) << 32) | row.T;
    auto it = if_alive.find(key);
    if (it == if_alive.end()) {
      IfAlive a;
      a.discounted = discounted_expected_purchases_if_alive(params, x, T, o.horizon_months, o.month_length,
                                                            o.monthly_discount_rate, &a.purchases);
      a.next = pareto ? 0 : median_wait_if_alive(params, x, T);
      a.quiet = pareto ? 0 : probability_no_purchase_if_alive(params, x, T, o.churn_window);
      a.distribution = purchase_distribution_if_alive(params, x, T, o.horizon_months * o.month_length, kPurchaseDistributionSize);
      it = if_alive.emplace(key, a).first;
    }
    const IfAlive& a = it->second;
    const double alive = p_alive(params, x, tx, T);
    for (std::size_t n = 0; n < distribution.size(); ++n) distribution[n] += row.weight * alive * a.distribution[n];
    distribution[0] += row.weight * (1 - alive);
    // P(alive) < 1e-6 leaves no meaningful next-order date (see median_time_to_next_purchase).
    const double next = pareto ? median_time_to_next_purchase(params, x, tx, T) : (alive >= 1e-6 ? a.next : NAN);
    const double quiet = pareto ? probability_no_purchase(params, x, tx, T, o.churn_window) : 1 - alive + alive * a.quiet;
    per_row.push_back({alive, alive * a.purchases, alive * a.discounted, quiet, next});
  }
  const std::size_t n = row_of.size();
  CustomerPredictions out;
  out.purchase_distribution = std::move(distribution);
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
