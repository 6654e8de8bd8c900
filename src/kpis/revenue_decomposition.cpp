#include "kpis/revenue_decomposition.hpp"

#include <cmath>

namespace orderlens {

namespace {
double log_mean(double a, double b) { return a == b ? a : (a - b) / (std::log(a) - std::log(b)); }
}  // namespace

std::optional<std::vector<double>> lmdi_contributions(const std::vector<double>& before, const std::vector<double>& after,
                                                      double before_revenue, double after_revenue) {
  if (!(before_revenue > 0 && after_revenue > 0) || before.size() != after.size()) return std::nullopt;
  for (std::size_t i = 0; i < before.size(); ++i)
    if (!(before[i] > 0 && after[i] > 0)) return std::nullopt;
  const double weight = log_mean(after_revenue, before_revenue);
  std::vector<double> out(before.size());
  for (std::size_t i = 0; i < before.size(); ++i) out[i] = weight * std::log(after[i] / before[i]);
  return out;
}

}  // namespace orderlens
