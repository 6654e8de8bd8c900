// The CLV analysis of a dataset: summary → data-sufficiency gate → fits → per-customer
// predictions, and optionally a calibration/holdout validation. Everything the API, the CLI and
// the demo show about customer value comes from here.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "clv/customer_predictions.hpp"
#include "clv/fit.hpp"
#include "clv/holdout.hpp"
#include "clv/sufficiency.hpp"
#include "model/customer_summary.hpp"
#include "model/dataset.hpp"

namespace orderlens::clv {

struct ClvOptions {
  TransactionModel model = TransactionModel::BgNbd;
  bool spend_model = true;  // fit Gamma-Gamma for expected spend
  TimeUnit unit = TimeUnit::Days;
  std::optional<std::int32_t> end_day;          // default: the last purchase
  std::optional<std::int32_t> calibration_end;  // validate on the purchases after it
  double penalizer = 0;
  int horizon_months = 12;
  double monthly_discount_rate = 0.01;
  double margin = 1;
  double churn_window_days = 90;
  double lifespan_years = 3;  // for the simple formula CLV
  bool predict = true;        // analyze_clv_arrays: false fits only (benchmarks)
};

struct Aggregates {
  double customers = 0;
  double historic_revenue = 0;      // net, to date
  double expected_purchases = 0;    // in the horizon, all customers
  double clv = 0;                   // sum of the customers' CLV
  double mean_clv = 0;
  double mean_p_alive = 0;
  double expected_active = 0;       // Σ P(alive)
  double formula_clv = 0;           // mean formula CLV per customer
  double mean_order_value = 0;
  double orders_per_customer_year = 0;
};

struct ClvAnalysis {
  CustomerSummary summary;  // at the end of the data (or end_day)
  Sufficiency sufficiency;
  TransactionFit fit;
  std::optional<SpendFit> spend_fit;
  double spend_frequency_correlation = 0;  // Gamma-Gamma assumes spend independent of frequency
  CustomerPredictions predictions;
  std::vector<double> formula_clv;
  Aggregates totals;
  std::optional<TransactionFit> calibration_fit;
  std::optional<HoldoutReport> holdout;
};

// Throws std::invalid_argument for options that cannot work (a calibration end outside the data,
// no customers with a purchase).
ClvAnalysis analyze_clv(const Dataset& dataset, const ClvOptions& options);

// The same analysis on bare per-customer arrays (lifetimes' summary), without a dataset: no
// holdout, no sufficiency history checks. `monetary` may be empty (no spend model).
struct ArrayClvResult {
  TransactionFit fit;
  std::optional<SpendFit> spend_fit;
  CustomerPredictions predictions;
};
ArrayClvResult analyze_clv_arrays(std::span<const double> frequency, std::span<const double> recency,
                                  std::span<const double> T, std::span<const double> monetary, const ClvOptions& options);

// Pearson correlation of frequency and mean spend over the Gamma-Gamma rows (customers with
// repeat purchases and positive spend); NaN for fewer than two or no variance.
double spend_frequency_correlation(const SpendRows& rows);

}  // namespace orderlens::clv
