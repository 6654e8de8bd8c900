// Per-customer predictions of a fitted model, from the customer's (x, t_x, T), conditional on
// that history (the unconditional quantities for a newly acquired customer are the same calls
// with x = t_x = T = 0). Times are in the unit the model was fitted in.
//
// Semantics worth knowing:
// - BG/NBD lets customers drop out only right after a repeat purchase, so a one-time buyer
//   (x = 0) has P(alive) = 1 however long ago they bought. MBG/NBD adds a dropout chance right
//   after the first purchase, and Pareto/NBD lets dropout happen at any time; both give old
//   one-time buyers a falling P(alive). The purchase-cycle rule is the model-free alternative.
// - "Churn probability" here is P(no purchase in the next t): dropped out, or alive but quiet.
#pragma once

#include <cstddef>
#include <vector>

#include "clv/models.hpp"

namespace orderlens::clv {

// P(still active at T | x, t_x, T).
double p_alive(const TransactionParams& p, double x, double tx, double T);

// E[purchases in (T, T + t] | x, t_x, T] = P(alive) · E[purchases in (T, T + t] | alive, x, T].
double expected_purchases(const TransactionParams& p, double x, double tx, double T, double t);
// The second factor, which depends on x and T only (not on t_x): computed once per distinct
// (x, T) when predicting for many customers.
double expected_purchases_if_alive(const TransactionParams& p, double x, double T, double t);

// P(exactly n purchases in (T, T + t] | x, t_x, T).
double probability_of_purchases(const TransactionParams& p, double x, double tx, double T, double t, unsigned n);

// P(n purchases in (T, T + t] | x, t_x, T) for n = 0 … size−2, and P(≥ size−1) last, in one
// pass: the BG/NBD-type terms by recursion in n, Pareto/NBD by one Gauss–Legendre integration
// over the lifetime (16 points × 8 panels) for every n at once. probability_of_purchases is the
// independent one-n-at-a-time version the tests compare with.
std::vector<double> purchase_distribution(const TransactionParams& p, double x, double tx, double T, double t, std::size_t size);
// The same for an active customer (depends on x and T only); size ≥ 2.
std::vector<double> purchase_distribution_if_alive(const TransactionParams& p, double x, double T, double t, std::size_t size);

// P(no purchase in (T, T + t] | x, t_x, T) = L(x, t_x, T + t) / L(x, t_x, T): the history with the
// quiet period appended is itself an observation the likelihood covers.
double probability_no_purchase(const TransactionParams& p, double x, double tx, double T, double t);
// BG/NBD and MBG/NBD only: the same for an active customer, (1 + t/(α+T))^-(r+x) (x and T only).
double probability_no_purchase_if_alive(const TransactionParams& p, double x, double T, double t);

// P(at least one more purchase ever | x, t_x, T).
double probability_purchase_ever(const TransactionParams& p, double x, double tx, double T);

// The median time after T to the next purchase among the futures that have one: the t with
// P(a purchase by T + t) = ½ · P(a purchase ever). NaN when the chance of any purchase is below
// 1e-6 (there is no meaningful date to show).
double median_time_to_next_purchase(const TransactionParams& p, double x, double tx, double T);
// BG/NBD and MBG/NBD only: an active customer always buys again (dropout follows purchases),
// after a wait with P(wait > t) = (1 + t/(α+T))^-(r+x), whose median is (α+T)(2^(1/(r+x)) − 1).
double median_wait_if_alive(const TransactionParams& p, double x, double T);

// Σ_{m=1..months} (E[purchases by m months] − E[purchases by m − 1 months]) / (1 + rate)^m: the
// discounted expected purchases over a horizon; CLV = this × expected spend × margin.
double discounted_expected_purchases(const TransactionParams& p, double x, double tx, double T, int months,
                                     double month_length, double monthly_discount_rate);
// The same if alive (× P(alive) gives the above); also returns the undiscounted expectation
// over the whole horizon through `horizon_purchases`.
double discounted_expected_purchases_if_alive(const TransactionParams& p, double x, double T, int months, double month_length,
                                              double monthly_discount_rate, double* horizon_purchases = nullptr);

// Gamma-Gamma: E[mean spend per purchase | x repeat purchases averaging `mean_spend`]; for x = 0
// the population mean p v / (q − 1). NaN when q ≤ 1 (the mean does not exist).
double expected_spend(const SpendParams& p, double x, double mean_spend);

}  // namespace orderlens::clv
