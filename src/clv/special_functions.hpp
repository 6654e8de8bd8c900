// Special functions for the CLV models, for plain doubles and for Dual numbers alike.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>

#include "clv/dual.hpp"

namespace orderlens::clv {

// ψ(x) = d/dx ln Γ(x) for x > 0. The C++ library has no digamma; it is needed for the
// gradients of every model's log-likelihood.
double digamma(double x);

inline double lgamma_of(double x) { return std::lgamma(x); }
template <std::size_t N>
Dual<N> lgamma_of(const Dual<N>& x) { return x.apply(std::lgamma(x.v), digamma(x.v)); }

// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
template <typename T>
T log_beta(const T& a, const T& b) { return lgamma_of(a) + lgamma_of(b) - lgamma_of(a + b); }

// ln(e^a + e^b) without overflow.
template <typename T>
T log_add_exp(const T& a, const T& b) {
  using std::exp, std::log1p;
  if (value_of(a) == -std::numeric_limits<double>::infinity()) return b;
  if (value_of(b) == -std::numeric_limits<double>::infinity()) return a;
  return value_of(a) >= value_of(b) ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

// ln(e^a − e^b) for a > b, without overflow or the cancellation of subtracting first.
template <typename T>
T log_sub_exp(const T& a, const T& b) {
  using std::expm1, std::log;
  return a + log(0.0 - expm1(b - a));
}

// (1 − e^{−λx}) / λ, continuous at λ = 0 where it is x: the factor that turns a closed-form
// ratio such as (1 − ((β+T)/(β+T+t))^{s−1}) / (s − 1) into one without a 0/0.
template <typename T>
T one_minus_exp_over(const T& lambda, const T& x) {
  using std::expm1;
  if (std::abs(value_of(lambda) * value_of(x)) < 1e-12) return x;
  return (0.0 - expm1(0.0 - lambda * x)) / lambda;
}

// Σ_k t_k with t_0 = 1 and t_{k+1} = t_k · ratio(k), for series whose ratio tends to z in
// [0, 1): the sum stops once a term is below 1e-16 of it while |ratio| < 1 and the remaining
// terms shrink at least as fast as z^k. NaN if it has not converged after max_terms terms
// (z very close to 1) or overflowed.
template <typename T, typename Ratio>
T series_sum(double z, Ratio ratio, std::size_t max_terms = 200000) {
  T term = T(1.0);
  T sum = T(1.0);
  if (z == 0) return sum;
  auto r = ratio(0.0);
  for (std::size_t k = 0; k < max_terms; ++k) {
    term = term * r;
    sum = sum + term;
    r = ratio(static_cast<double>(k + 1));
    if (std::abs(value_of(term)) <= 1e-16 * std::abs(value_of(sum)) * (1 - z) && std::abs(value_of(r)) < 1) return sum;
    if (!std::isfinite(value_of(sum))) break;
  }
  return T(std::numeric_limits<double>::quiet_NaN());
}

// Gauss's hypergeometric function 2F1(a, b; c; z) = Σ_k (a)_k (b)_k / ((c)_k k!) z^k for
// 0 ≤ z < 1, by its series. Callers arrange their arguments (by Euler's transformation where
// the parameters grow with a customer's purchases) so that the terms stay small and the series
// short. Hand-written: the models need it for Dual numbers (z depends on the parameters), and
// with c = a + 1 or after the transformation all it takes is this loop.
template <typename T>
T hyp2f1(const T& a, const T& b, const T& c, const T& z) {
  return series_sum<T>(value_of(z), [&](double k) { return (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z; });
}

// 2F1(1, b; c; z) = Σ_k (b)_k / (c)_k z^k: the form Pareto/NBD's likelihood takes after Euler's
// transformation, with one multiplication and one division per term instead of hyp2f1's four
// (the series is the inner loop of a Pareto/NBD fit).
inline double hyp2f1_one(double b, double c, double z) {
  return series_sum<double>(z, [&](double k) { return (b + k) / (c + k) * z; });
}

// With derivatives: the series is summed in doubles together with its partial derivatives in b,
// c and z (∂t_k/∂b = t_k Σ_{j<k} 1/(b+j), ∂t_k/∂c = −t_k Σ_{j<k} 1/(c+j), ∂t_k/∂z = k t_k / z),
// then combined with the arguments' gradients once: half the work of Dual arithmetic per term.
template <std::size_t N>
Dual<N> hyp2f1_one(const Dual<N>& b, const Dual<N>& c, const Dual<N>& z) {
  double term = 1, sum = 1, sum_db = 0, sum_dc = 0, sum_dz = 0, inv_b = 0, inv_c = 0;
  bool converged = z.v == 0;
  for (std::size_t k = 0; k < 200000 && !converged; ++k) {
    const double kd = static_cast<double>(k);
    inv_b += 1 / (b.v + kd);
    inv_c += 1 / (c.v + kd);
    term *= (b.v + kd) / (c.v + kd) * z.v;
    sum += term;
    sum_db += term * inv_b;
    sum_dc -= term * inv_c;
    sum_dz += term * (kd + 1);
    const double next_ratio = std::abs((b.v + kd + 1) / (c.v + kd + 1) * z.v);
    converged = std::abs(term) <= 1e-16 * std::abs(sum) * (1 - z.v) && next_ratio < 1;
    if (!std::isfinite(sum)) break;
  }
  if (!converged) return Dual<N>(std::numeric_limits<double>::quiet_NaN());
  Dual<N> r(sum);
  const double dz = z.v == 0 ? 0.0 : sum_dz / z.v;
  for (std::size_t i = 0; i < N; ++i) r.d[i] = sum_db * b.d[i] + sum_dc * c.d[i] + dz * z.d[i];
  return r;
}

}  // namespace orderlens::clv
