#include "clv/predict.hpp"

#include <cmath>
#include <limits>

#include "clv/likelihood.hpp"
#include "clv/special_functions.hpp"

namespace orderlens::clv {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

double logistic_of_log_odds(double log_odds) { return 1 / (1 + std::exp(log_odds)); }

// For BG/NBD (m = 0) and MBG/NBD (m = 1): ln of the odds (dropped out) : (alive), given data.
double beta_geo_log_odds_dropped(const TransactionParams& p, double x, double tx, double T, double m) {
  if (m == 0 && x == 0) return -kInf;
  return std::log(p.a / (p.b + x - 1 + m)) + (p.r + x) * (std::log(p.alpha + T) - std::log(p.alpha + tx));
}

double nbd_log_pmf(double r, double alpha, double t, unsigned n) {
  const double nd = n;
  return std::lgamma(r + nd) - std::lgamma(r) - std::lgamma(nd + 1) + r * std::log(alpha / (alpha + t)) +
         (n ? nd * std::log(t / (alpha + t)) : 0.0);
}

// Adaptive Simpson on [a, b] to an absolute tolerance, at most 2^20 panels. A panel also stops
// when it can no longer be split (its quarter points are not distinct doubles) or when its two
// estimates differ only by rounding: the tolerance halves with each level, and neither a split
// nor a smaller panel can then meet it. Without these stops a fit driven to a boundary (a beta
// of width 1e-12 next to 1, noisy at the last bits) split every panel down to the depth limit:
// 2^20 panels per call, seconds for a five-row file (found by fuzzing, fuzz/seeds/pipeline/
// clv-boundary-fit).
template <typename F>
double simpson(F f, double a, double fa, double m, double fm, double b, double fb, double whole, double tol, int depth) {
  const double lm = (a + m) / 2, rm = (m + b) / 2;
  const double flm = f(lm), frm = f(rm);
  const double left = (m - a) / 6 * (fa + 4 * flm + fm), right = (b - m) / 6 * (fm + 4 * frm + fb);
  const double rounding = 64 * std::numeric_limits<double>::epsilon() * std::abs(left + right);
  const bool splittable = a < lm && lm < m && m < rm && rm < b;
  if (depth <= 0 || !splittable || std::abs(left + right - whole) <= std::max(15 * tol, rounding))
    return left + right + (left + right - whole) / 15;
  return simpson(f, a, fa, lm, flm, m, fm, left, tol / 2, depth - 1) + simpson(f, m, fm, rm, frm, b, fb, right, tol / 2, depth - 1);
}

template <typename F>
double integrate(F f, double a, double b, double tol) {
  const double m = (a + b) / 2, fa = f(a), fm = f(m), fb = f(b);
  return simpson(f, a, fa, m, fm, b, fb, (b - a) / 6 * (fa + 4 * fm + fb), tol, 20);
}

// E[purchases in t | alive at T] as E_p[(1 − (1 + p t/(α+T))^-(r+x)) / p] over the dropout
// probability's posterior Beta(a, b+x+m) (for fixed λ and p an active customer makes
// (1 − e^{−λpt})/p purchases on average). Used where the series overflows: a fit driven to a
// boundary with a and b in the thousands or more, where the beta is narrow, so integrating over
// ±12 standard deviations around its mean is exact to rounding.
double beta_geo_expected_if_alive_by_integral(const TransactionParams& p, double x, double T, double t, double m) {
  const double a = p.a, b = p.b + x + m, r1 = p.r + x, a1 = p.alpha + T;
  const double mean = a / (a + b), sd = std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
  const double lo = std::max(mean - 12 * sd, 1e-300), hi = std::min(mean + 12 * sd, 1.0);
  // The density relative to its value at the mean, self-normalized: ln B(a, b) and (a−1) ln q
  // are of order 1e11 for such a and b, and would leave only 5 correct digits.
  auto density = [&](double q) {
    return std::exp((a - 1) * std::log1p((q - mean) / mean) + (b - 1) * std::log1p((mean - q) / (1 - mean)));
  };
  auto weighted = [&](double q) { return density(q) * -std::expm1(-r1 * std::log1p(q * t / a1)) / q; };
  const double width = hi - lo;
  return integrate(weighted, lo, hi, 1e-12 * weighted(mean) * width) / integrate(density, lo, hi, 1e-12 * width);
}

// E[purchases in t | alive at T] for BG/NBD-like models, after Euler's transformation
// 2F1(r+x, b+x+m; a+b+x−1+m; z) = (1−z)^(a−1−r−x) 2F1(a+b−1+m−r, a−1; a+b+x−1+m; z), z = t/(α+T+t):
//   (a+b+x−1+m)/(a−1) · [1 − (1−z)^(a−1) 2F1(a+b−1+m−r, a−1; a+b+x−1+m; z)]
// whose parameters no longer grow with x (heavy buyers stay cheap and finite). The bracket over
// (a−1) is evaluated without the 0/0 at a = 1: (1 − (1−z)^(a−1))/(a−1) − (1−z)^(a−1) · S, with
// S = (2F1 − 1)/(a−1) = Σ_{k≥1} (p)_k (a)_{k−1} / ((c)_k k!) z^k.
double beta_geo_expected_if_alive(const TransactionParams& p, double x, double T, double t, double m) {
  if (t <= 0) return 0;
  // The bracket below subtracts two numbers near 1 when a is large; past a = 1000 (a fit driven
  // to a boundary) the integral over the then narrow beta is safe and exact.
  if (p.a > 1000) return beta_geo_expected_if_alive_by_integral(p, x, T, t, m);
  const double z = t / (p.alpha + T + t);
  const double log_one_minus_z = std::log1p(-z);
  const double pp = p.a + p.b - 1 + m - p.r;
  const double c = p.a + p.b + x - 1 + m;
  const double S = pp / c * z * series_sum<double>(z, [&](double k) {
    return (pp + k + 1) * (p.a + k) / ((c + k + 1) * (k + 2)) * z;
  });
  const double bracket = one_minus_exp_over(p.a - 1, -log_one_minus_z) - std::exp((p.a - 1) * log_one_minus_z) * S;
  const double result = c * bracket;
  // Terms of order (1−z)^−a overflow for a in the hundreds and z near 1: the beta is narrow then.
  if (!std::isfinite(result) && p.a + p.b >= 100) return beta_geo_expected_if_alive_by_integral(p, x, T, t, m);
  return result;
}

}  // namespace

double p_alive(const TransactionParams& p, double x, double tx, double T) {
  switch (p.model) {
    case TransactionModel::BgNbd: return logistic_of_log_odds(beta_geo_log_odds_dropped(p, x, tx, T, 0));
    case TransactionModel::MbgNbd: return logistic_of_log_odds(beta_geo_log_odds_dropped(p, x, tx, T, 1));
    case TransactionModel::ParetoNbd: {
      const auto parts = pareto_parts(p.r, p.alpha, p.s, p.beta, x, tx, T);
      return logistic_of_log_odds(parts.died - parts.alive);
    }
  }
  return kNaN;
}

double expected_purchases_if_alive(const TransactionParams& p, double x, double T, double t) {
  if (p.model == TransactionModel::ParetoNbd) {
    // (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)], continuous at s = 1.
    const double horizon = std::log1p(t / (p.beta + T));
    return (p.r + x) / (p.alpha + T) * (p.beta + T) * one_minus_exp_over(p.s - 1, horizon);
  }
  return beta_geo_expected_if_alive(p, x, T, t, p.model == TransactionModel::MbgNbd ? 1 : 0);
}

double expected_purchases(const TransactionParams& p, double x, double tx, double T, double t) {
  return p_alive(p, x, tx, T) * expected_purchases_if_alive(p, x, T, t);
}

double probability_no_purchase_if_alive(const TransactionParams& p, double x, double T, double t) {
  return std::exp(-(p.r + x) * std::log1p(t / (p.alpha + T)));
}

double probability_no_purchase(const TransactionParams& p, double x, double tx, double T, double t) {
  if (p.model != TransactionModel::ParetoNbd) {
    // The ratio of likelihoods in closed form: dropped out, or alive with no purchase in t.
    const double alive = p_alive(p, x, tx, T);
    return 1 - alive + alive * probability_no_purchase_if_alive(p, x, T, t);
  }
  return std::exp(log_likelihood(p, x, tx, T + t) - log_likelihood(p, x, tx, T));
}

double probability_purchase_ever(const TransactionParams& p, double x, double tx, double T) {
  return -std::expm1(log_likelihood(p, x, tx, kInf) - log_likelihood(p, x, tx, T));
}

double probability_of_purchases(const TransactionParams& p, double x, double tx, double T, double t, unsigned n) {
  const double alive = p_alive(p, x, tx, T);
  // Given alive at T: λ ~ Gamma(r+x, α+T); the future count N(t) of an active customer is NBD.
  const double r1 = p.r + x, a1 = p.alpha + T;
  double if_alive = 0;
  if (p.model == TransactionModel::ParetoNbd) {
    // Lifetime from T is exponential with μ ~ Gamma(s, β+T): survive t, or die at τ < t and buy n
    // times before. P = (β'/(β'+t))^s NBD(n; t) + ∫_0^t s β'^s (β'+τ)^-(s+1) NBD(n; τ) dτ.
    const double b1 = p.beta + T;
    auto pmf = [&](double tau) { return tau <= 0 ? (n == 0 ? 1.0 : 0.0) : std::exp(nbd_log_pmf(r1, a1, tau, n)); };
    auto density = [&](double tau) { return p.s / b1 * std::exp(-(p.s + 1) * std::log1p(tau / b1)) * pmf(tau); };
    if_alive = std::exp(-p.s * std::log1p(t / b1)) * pmf(t) + (t > 0 ? integrate(density, 0, t, 1e-12) : 0.0);
  } else {
    // Dropout after each purchase with p ~ Beta(a, b+x+m) given alive: N(t) = n and survived n
    // purchases, or N(t) ≥ n and dropped at the n-th.
    const double m = p.model == TransactionModel::MbgNbd ? 1 : 0;
    const double b1 = p.b + x + m;
    if (n == 0) {
      if_alive = std::exp(nbd_log_pmf(r1, a1, t, 0));
    } else {
      const double lb = log_beta(p.a, b1);
      double below = 0;
      for (unsigned j = 0; j < n; ++j) below += std::exp(nbd_log_pmf(r1, a1, t, j));
      const double at_least = std::max(0.0, 1 - below);
      if_alive = std::exp(log_beta(p.a, b1 + n) - lb + nbd_log_pmf(r1, a1, t, n)) +
                 std::exp(log_beta(p.a + 1, b1 + n - 1) - lb) * at_least;
    }
  }
  return (n == 0 ? 1 - alive : 0.0) + alive * if_alive;
}

namespace {

// Nodes and weights of n-point Gauss–Legendre quadrature on [−1, 1], by Newton's method on the
// Legendre polynomial from the usual cosine guesses.
struct GaussLegendre {
  std::vector<double> nodes, weights;
  explicit GaussLegendre(int n) {
    const double pi = std::acos(-1.0);
    for (int i = 1; i <= n; ++i) {
      double z = std::cos(pi * (i - 0.25) / (n + 0.5)), dp = 0;
      for (int it = 0; it < 100; ++it) {
        double p0 = 1, p1 = 0;
        for (int j = 1; j <= n; ++j) {
          const double p2 = p1;
          p1 = p0;
          p0 = ((2 * j - 1) * z * p1 - (j - 1) * p2) / j;
        }
        dp = n * (z * p0 - p1) / (z * z - 1);
        const double step = p0 / dp;
        z -= step;
        if (std::abs(step) < 1e-16) break;
      }
      nodes.push_back(z);
      weights.push_back(2 / ((1 - z * z) * dp * dp));
    }
  }
};

// NBD probabilities of 0 … size−2 events in τ and the rest, by the recursion P(n) = P(n−1) ·
// (r+n−1)/n · τ/(α+τ).
void nbd_distribution(double r, double alpha, double tau, std::vector<double>& out) {
  const std::size_t size = out.size();
  double pn = std::exp(-r * std::log1p(tau / alpha)), below = 0;
  const double q = tau / (alpha + tau);
  for (std::size_t n = 0; n + 1 < size; ++n) {
    out[n] = pn;
    below += pn;
    pn *= (r + n) / (n + 1) * q;
  }
  out[size - 1] = std::max(0.0, 1 - below);
}

}  // namespace

std::vector<double> purchase_distribution_if_alive(const TransactionParams& p, double x, double T, double t, std::size_t size) {
  // Given alive at T: λ ~ Gamma(r+x, α+T); the count N(t) of an active customer is NBD.
  const double r1 = p.r + x, a1 = p.alpha + T;
  std::vector<double> out(size, 0.0), at(size);
  nbd_distribution(r1, a1, t, at);
  if (p.model != TransactionModel::ParetoNbd) {
    // Dropout after each purchase, p ~ Beta(a, b1) given alive: n purchases and survived them,
    // or at least n and dropped at the n-th. E[(1−p)^n] and E[p(1−p)^(n−1)] by recursion.
    const double b1 = p.b + x + (p.model == TransactionModel::MbgNbd ? 1 : 0);
    double survive_n = 1, at_least = 1;  // E[(1−p)^n], P(N(t) ≥ n)
    out[0] = at[0];
    for (std::size_t n = 1; n + 1 < size; ++n) {
      const double drop_at_n = survive_n * p.a / (p.a + b1 + n - 1);  // E[p (1−p)^(n−1)]
      survive_n *= (b1 + n - 1) / (p.a + b1 + n - 1);
      at_least = std::max(0.0, at_least - at[n - 1]);
      out[n] = survive_n * at[n] + drop_at_n * at_least;
    }
  } else {
    // Survive t (NBD over t), or die at τ < t (NBD over τ) with density s β'^s (β'+τ)^-(s+1).
    static const GaussLegendre rule(16);
    const double b1 = p.beta + T;
    const double survive = std::exp(-p.s * std::log1p(t / b1));
    for (std::size_t n = 0; n + 1 < size; ++n) out[n] = survive * at[n];
    constexpr int kPanels = 8;
    for (int panel = 0; panel < kPanels; ++panel) {
      const double lo = t * panel / kPanels, hi = t * (panel + 1) / kPanels;
      for (std::size_t k = 0; k < rule.nodes.size(); ++k) {
        const double tau = (lo + hi) / 2 + (hi - lo) / 2 * rule.nodes[k];
        const double weight = (hi - lo) / 2 * rule.weights[k] * p.s / b1 * std::exp(-(p.s + 1) * std::log1p(tau / b1));
        nbd_distribution(r1, a1, tau, at);
        for (std::size_t n = 0; n + 1 < size; ++n) out[n] += weight * at[n];
      }
    }
  }
  double below = 0;
  for (std::size_t n = 0; n + 1 < size; ++n) below += out[n];
  out[size - 1] = std::max(0.0, 1 - below);
  return out;
}

std::vector<double> purchase_distribution(const TransactionParams& p, double x, double tx, double T, double t, std::size_t size) {
  const double alive = p_alive(p, x, tx, T);
  std::vector<double> out = purchase_distribution_if_alive(p, x, T, t, size);
  for (double& v : out) v *= alive;
  out[0] += 1 - alive;
  return out;
}

double median_wait_if_alive(const TransactionParams& p, double x, double T) {
  return (p.alpha + T) * std::expm1(std::log(2.0) / (p.r + x));
}

double median_time_to_next_purchase(const TransactionParams& p, double x, double tx, double T) {
  if (p.model != TransactionModel::ParetoNbd) return p_alive(p, x, tx, T) >= 1e-6 ? median_wait_if_alive(p, x, T) : kNaN;
  const double ever = probability_purchase_ever(p, x, tx, T);
  if (!(ever >= 1e-6)) return kNaN;
  const double target = ever / 2;
  const double base = log_likelihood(p, x, tx, T);
  auto bought_by = [&](double t) { return -std::expm1(log_likelihood(p, x, tx, T + t) - base); };
  // Bisection on ln t: the answer can be a day or decades.
  double lo = std::log(1e-6), hi = std::log(1e7);
  if (bought_by(std::exp(hi)) < target) return kInf;
  for (int i = 0; i < 80; ++i) {
    const double mid = (lo + hi) / 2;
    (bought_by(std::exp(mid)) < target ? lo : hi) = mid;
  }
  return std::exp((lo + hi) / 2);
}

double discounted_expected_purchases_if_alive(const TransactionParams& p, double x, double T, int months, double month_length,
                                              double monthly_discount_rate, double* horizon_purchases) {
  double total = 0, previous = 0, discount = 1;
  for (int k = 1; k <= months; ++k) {
    const double cumulative = expected_purchases_if_alive(p, x, T, k * month_length);
    discount /= 1 + monthly_discount_rate;
    total += (cumulative - previous) * discount;
    previous = cumulative;
  }
  if (horizon_purchases) *horizon_purchases = previous;
  return total;
}

double discounted_expected_purchases(const TransactionParams& p, double x, double tx, double T, int months,
                                     double month_length, double monthly_discount_rate) {
  return p_alive(p, x, tx, T) * discounted_expected_purchases_if_alive(p, x, T, months, month_length, monthly_discount_rate);
}

double expected_spend(const SpendParams& p, double x, double mean_spend) {
  if (!(p.q > 1)) return kNaN;
  const double population_mean = p.p * p.v / (p.q - 1);
  if (x <= 0) return population_mean;
  // A weighted average of the population mean and the customer's own mean.
  const double w = (p.q - 1) / (p.p * x + p.q - 1);
  return w * population_mean + (1 - w) * mean_spend;
}

}  // namespace orderlens::clv
