// The data the models are fitted on, compressed: customers with identical (frequency, recency,
// T) — the lifetimes notation (x, t_x, T) — become one row with a weight, and the distinct x and
// time values are numbered once, so each likelihood evaluation computes ln Γ(r + x), ln(α + t)
// and the like once per distinct value instead of once per customer.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace orderlens::clv {

struct RfmRow {
  std::uint32_t x;   // index into RfmRows::x_values
  std::uint32_t tx;  // index into RfmRows::t_values
  std::uint32_t T;   // index into RfmRows::t_values
  double weight;     // customers with these values
};

struct RfmRows {
  std::vector<double> x_values;  // distinct frequencies, ascending
  std::vector<double> t_values;  // distinct recency and T values, ascending
  std::vector<RfmRow> rows;
  double customers = 0;          // sum of the weights

  double x(const RfmRow& row) const { return x_values[row.x]; }
  double tx(const RfmRow& row) const { return t_values[row.tx]; }
  double T(const RfmRow& row) const { return t_values[row.T]; }
};

// Throws std::invalid_argument naming the first customer (0-based position) whose values are
// not a valid summary: x a whole number ≥ 0, 0 ≤ t_x ≤ T, t_x = 0 when x = 0, all finite.
// When `row_of` is given, it receives each customer's row index.
RfmRows compress_rfm(std::span<const double> frequency, std::span<const double> recency, std::span<const double> T,
                     std::vector<std::uint32_t>* row_of = nullptr);

// The Gamma-Gamma spend model's data: customers with x > 0 and positive mean repeat spend,
// compressed on (x, spend) and ordered by x, with per-x sums of what does not depend on the
// parameters. Customers with x > 0 and spend ≤ 0 are counted, not used.
struct SpendRows {
  std::vector<double> x;
  std::vector<double> spend;
  std::vector<double> weight;
  std::vector<std::size_t> group_start;    // rows of the g-th distinct x: [group_start[g], group_start[g+1])
  std::vector<double> group_weight;        // Σ weight per distinct x
  std::vector<double> group_log_spend;     // Σ weight · ln spend per distinct x
  double customers = 0;
  std::size_t excluded_non_positive = 0;

  // Appends `weight` customers with (x, spend); calls come ordered by x, then by spend, and
  // finish() closes the last x group.
  void add(double x, double spend, double weight);
  void finish() { group_start.push_back(this->x.size()); }
};

SpendRows compress_spend(std::span<const double> frequency, std::span<const double> monetary);

}  // namespace orderlens::clv
