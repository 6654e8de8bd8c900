// Log-likelihoods of the transaction models for one customer's (x, t_x, T), written once as
// templates: with doubles for predictions, with Dual numbers for the optimizer's gradients.
// Everything is in log space; sums of two terms go through log_add_exp / log_sub_exp, so heavy
// buyers (x in the thousands) and long lifetimes neither overflow nor lose the smaller term.
#pragma once

#include <cmath>
#include <limits>

#include "clv/models.hpp"
#include "clv/special_functions.hpp"

namespace orderlens::clv {

// BG/NBD and MBG/NBD share a form (Fader, Hardie & Lee 2005, eq. 6; Batislam et al. 2007):
//   L = Γ(r+x) α^r / Γ(r) · [ B(a, b+x+m)/B(a,b) · (α+T)^-(r+x)
//                             + [x > 0 or MBG] B(a+1, b+x−1+m)/B(a,b) · (α+t_x)^-(r+x) ]
// with m = 0 for BG/NBD (dropout only after a repeat purchase) and m = 1 for MBG/NBD (dropout
// also possible right after the first purchase). The parts that depend on x only:
template <typename T>
struct BetaGeoTerms {
  T lead;     // ln Γ(r+x) − ln Γ(r) + r ln α
  T alive;    // ln B(a, b+x+m) − ln B(a, b)
  T dropped;  // ln B(a+1, b+x−1+m) − ln B(a, b), when it applies
  bool can_drop;
};

template <typename T>
BetaGeoTerms<T> beta_geo_terms(bool modified, const T& r, const T& alpha, const T& a, const T& b, double x) {
  using std::log;
  const double m = modified ? 1.0 : 0.0;
  const T log_beta_ab = log_beta(a, b);
  BetaGeoTerms<T> t;
  t.lead = lgamma_of(r + x) - lgamma_of(r) + r * log(alpha);
  t.alive = log_beta(a, b + (x + m)) - log_beta_ab;
  t.can_drop = modified || x > 0;
  t.dropped = t.can_drop ? log_beta(a + 1.0, b + (x - 1 + m)) - log_beta_ab : T(0.0);
  return t;
}

// One customer's log-likelihood from the x-only terms and ln(α+T), ln(α+t_x).
template <typename T>
T beta_geo_log_likelihood(const BetaGeoTerms<T>& t, const T& r_plus_x, const T& log_alpha_T, const T& log_alpha_tx) {
  const T alive = t.alive - r_plus_x * log_alpha_T;
  if (!t.can_drop) return t.lead + alive;
  return t.lead + log_add_exp(alive, t.dropped - r_plus_x * log_alpha_tx);
}

// Pareto/NBD (Schmittlein et al. 1987, in the form of Fader & Hardie's 2005 note):
//   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^-(r+x) (β+T)^-s + s ∫_{t_x}^{T} (α+τ)^-(r+x) (β+τ)^-(s+1) dτ ]
// The first term: alive through T; the integral: died at τ after the last purchase. Its
// antiderivative is −F(τ), F(τ) = 2F1(k, s+1; k+1; z) / (k (α+τ)^k), k = r+s+x, with
// z = (α−β)/(α+τ) when α ≥ β (the other case swaps the roles: z = (β−α)/(β+τ), second argument
// r+x), so 0 ≤ z < 1. Euler's transformation 2F1(a, b; c; z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z)
// turns both into 2F1(1, b'; k+1; z) with b' < k+1, a series of positive terms that shrink from
// the first: a heavy buyer's x (in k and r+x) can neither overflow it nor make it long.
template <typename T>
T pareto_log_F(const T& r, const T& alpha, const T& s, const T& beta, double x, double tau) {
  using std::log, std::log1p;
  const T k = r + s + x;
  if (std::isinf(tau)) return T(-std::numeric_limits<double>::infinity());
  if (value_of(alpha) >= value_of(beta)) {
    const T base = alpha + tau;
    const T z = (alpha - beta) / base;
    const T log_2f1 = (0.0 - s) * log1p(0.0 - z) + log(hyp2f1_one(r + x, k + 1.0, z));
    return log_2f1 - k * log(base) - log(k);
  }
  const T base = beta + tau;
  const T z = (beta - alpha) / base;
  const T log_2f1 = (1.0 - r - x) * log1p(0.0 - z) + log(hyp2f1_one(s + 1.0, k + 1.0, z));
  return log_2f1 - k * log(base) - log(k);
}

// ln Γ(r+x) − ln Γ(r) + r ln α + s ln β: the part that depends on x only.
template <typename T>
T pareto_lead(const T& r, const T& alpha, const T& s, const T& beta, double x) {
  using std::log;
  return lgamma_of(r + x) - lgamma_of(r) + r * log(alpha) + s * log(beta);
}

// ln of the two bracketed terms separately: {alive through T, died after t_x}.
template <typename T>
struct ParetoParts {
  T alive;  // −(r+x) ln(α+T) − s ln(β+T)
  T died;   // ln s + ln ∫ …; −∞ when t_x = T
};

template <typename T>
ParetoParts<T> pareto_parts(const T& r, const T& alpha, const T& s, const T& beta, double x, double tx, double T_) {
  using std::log;
  ParetoParts<T> p;
  p.alive = std::isinf(T_) ? T(-std::numeric_limits<double>::infinity()) : (0.0 - (r + x)) * log(alpha + T_) - s * log(beta + T_);
  if (tx < T_) {
    p.died = log(s) + log_sub_exp(pareto_log_F(r, alpha, s, beta, x, tx), pareto_log_F(r, alpha, s, beta, x, T_));
  } else {
    p.died = T(-std::numeric_limits<double>::infinity());
  }
  return p;
}

template <typename T>
T pareto_log_likelihood(const T& r, const T& alpha, const T& s, const T& beta, double x, double tx, double T_) {
  const ParetoParts<T> p = pareto_parts(r, alpha, s, beta, x, tx, T_);
  return pareto_lead(r, alpha, s, beta, x) + log_add_exp(p.alive, p.died);
}

// One customer, any model; T_ may be +∞ (then the likelihood that no purchase ever follows).
double log_likelihood(const TransactionParams& p, double x, double tx, double T_);

// Gamma-Gamma (Fader & Hardie 2013 note, eq. 4): the density of a customer's mean spend z̄ over
// x repeat purchases, ln f = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln z̄ + px ln x
//                           − (px+q) ln(v + x z̄).
template <typename T>
T gamma_gamma_log_likelihood(const T& p, const T& q, const T& v, double x, double spend) {
  using std::log;
  const T px = p * x;
  return lgamma_of(px + q) - lgamma_of(px) - lgamma_of(q) + q * log(v) + (px - 1.0) * std::log(spend) +
         px * std::log(x) - (px + q) * log(v + x * spend);
}

}  // namespace orderlens::clv
