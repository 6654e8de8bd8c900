#include "clv/special_functions.hpp"

namespace orderlens::clv {

double digamma(double x) {
  if (!(x > 0)) return std::numeric_limits<double>::quiet_NaN();
  // ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
  // ψ(x) ≈ ln x − 1/(2x) − Σ B_2k / (2k x^2k), whose terms through x^-12 are below 1e-16 there.
  double shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const double inv2 = 1 / (x * x);
  const double series =
      inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))));
  return shift + std::log(x) - 0.5 / x - series;
}

}  // namespace orderlens::clv
