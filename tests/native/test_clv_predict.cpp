// Predictions against published figures, closed forms and each other.
#include <doctest.h>

#include <cmath>

#include "clv/likelihood.hpp"
#include "clv/predict.hpp"
#include "clv/special_functions.hpp"
#include "clv_support.hpp"

using namespace orderlens::clv;

namespace {
double round_to(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}
TransactionParams bgnbd(double r, double alpha, double a, double b) {
  return TransactionParams::from_values(TransactionModel::BgNbd, {r, alpha, a, b});
}
const TransactionParams kFhlBg = bgnbd(0.2426, 4.4135, 0.7929, 2.4258);  // Fader, Hardie & Lee 2005
}  // namespace

TEST_CASE("hypergeometric series against closed forms, including the hard arguments") {
  // 2F1(1, 1; 2; z) = −ln(1 − z) / z
  for (double z : {0.1, 0.5, 0.9, 0.99}) CHECK(hyp2f1(1.0, 1.0, 2.0, z) == doctest::Approx(-std::log1p(-z) / z).epsilon(1e-13));
  // 2F1(a, b; b; z) = (1 − z)^−a, also for a large a (a heavy buyer's r + s + x)
  CHECK(hyp2f1(2.5, 3.0, 3.0, 0.3) == doctest::Approx(std::pow(0.7, -2.5)).epsilon(1e-13));
  CHECK(hyp2f1(10000.6, 1.6, 10001.6, 0.0) == 1.0);
  // 2F1(a, b; a + 1; z) with a = 10000.6 (the Pareto/NBD form): the terms are a/(a+k) (b)_k/k! z^k,
  // between 2F1 at a → ∞, (1 − z)^−b, and a little less.
  const double heavy = hyp2f1(10000.6, 1.6, 10001.6, 0.5);
  CHECK(std::isfinite(heavy));
  CHECK(heavy < std::pow(0.5, -1.6));
  CHECK(heavy > std::pow(0.5, -1.6) * 0.999);
  CHECK(digamma(1.0) == doctest::Approx(-0.5772156649015329).epsilon(1e-14));
  CHECK(digamma(0.5) == doctest::Approx(-1.9635100260214235).epsilon(1e-14));
  CHECK(digamma(10000.5) == doctest::Approx(std::log(10000.5) - 0.5 / 10000.5 - 1 / (12 * 10000.5 * 10000.5)).epsilon(1e-15));
}

TEST_CASE("BG/NBD conditional expectation: x = 2, t_x = 30.43, T = 38.86, next 39 weeks = 1.226 (FHL 2005)") {
  CHECK(round_to(expected_purchases(kFhlBg, 2, 30.43, 38.86, 39), 3) == 1.226);
}

TEST_CASE("BG/NBD unconditional E[X(t)]: Hardie's BG/NBD spreadsheet") {
  // Printed to 4 decimals from the spreadsheet's own unrounded estimates; with the published
  // 5-digit ones the figures agree to 5e-4 (t = 78: 1.8580 here; the textbook series evaluated
  // directly with these parameters gives 1.8580 too — see the next test).
  const double t[] = {0.1429, 1, 3, 31.8571, 32, 78};
  const double expected[] = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
  for (int i = 0; i < 6; ++i) CHECK(std::abs(expected_purchases(kFhlBg, 0, 0, 0, t[i]) - expected[i]) <= 5e-4);
}

TEST_CASE("BG/NBD and MBG/NBD expectations: the transformed series equals the textbook formula") {
  // FHL 2005 eq. 10: (a+b+x−1)/(a−1) [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z)] · P(alive),
  // summed directly (fine for moderate x); the code uses Euler's transformation instead.
  const auto mbg = TransactionParams::from_values(TransactionModel::MbgNbd, {0.525, 6.183, 0.891, 1.614});
  for (const TransactionParams& p : {kFhlBg, mbg}) {
    const double m = p.model == TransactionModel::MbgNbd ? 1 : 0;
    struct History { double x, tx, T, t; };
    for (History h : {History{0, 0, 0, 78}, History{2, 30.43, 38.86, 39}, History{12, 35, 38, 52}, History{0, 0, 30, 104}}) {
      const double z = h.t / (p.alpha + h.T + h.t);
      const double textbook = (p.a + p.b + h.x - 1 + m) / (p.a - 1) *
                              (1 - std::pow((p.alpha + h.T) / (p.alpha + h.T + h.t), p.r + h.x) *
                                       hyp2f1(p.r + h.x, p.b + h.x + m, p.a + p.b + h.x - 1 + m, z)) *
                              p_alive(p, h.x, h.tx, h.T);
      INFO(model_key(p.model), " x=", h.x, " t=", h.t);
      CHECK(expected_purchases(p, h.x, h.tx, h.T, h.t) == doctest::Approx(textbook).epsilon(1e-11));
    }
  }
}

TEST_CASE("BG/NBD P(X(t) = n): the BTYD reference manual's figures") {
  const TransactionParams p = bgnbd(0.243, 4.414, 0.793, 2.426);
  CHECK(probability_of_purchases(p, 0, 0, 0, 39, 0) == doctest::Approx(0.5737864).epsilon(1e-6));
  CHECK(probability_of_purchases(p, 0, 0, 0, 2, 10) == doctest::Approx(1.07869e-07).epsilon(1e-5));
  CHECK(probability_of_purchases(p, 0, 0, 0, 30, 11) == doctest::Approx(0.0019995214).epsilon(1e-6));
  CHECK(probability_of_purchases(p, 0, 0, 0, 30, 20) == doctest::Approx(0.0002222260).epsilon(1e-6));
}

TEST_CASE("Pareto/NBD: the BTYD walkthrough's customer (x 26, t_x 30.86, T 31)") {
  const auto p = TransactionParams::from_values(TransactionModel::ParetoNbd, {0.5534, 10.5802, 0.6061, 11.6562});
  CHECK(round_to(p_alive(p, 26, 30.86, 31), 4) == 0.9979);
  // 25.46 printed; the parameters above are rounded to 4-5 digits, which moves it by 0.01.
  CHECK(expected_purchases(p, 26, 30.86, 31, 52) == doctest::Approx(25.46).epsilon(5e-4));
}

TEST_CASE("Gamma-Gamma expected spend: the first ten CDNOW customers of Fader & Hardie's note 025 spreadsheet") {
  // With the unrounded estimates (p 6.25, q 3.74, v 15.44 rounded give 35.22 for x = 0, not 35.17).
  const SpendParams p = orderlens::testing::cdnow_spend_fit().params;
  const auto& s = orderlens::testing::cdnow_calibration_summary();
  const double expected[] = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
  for (int i = 0; i < 10; ++i) CHECK(round_to(expected_spend(p, s.frequency[i], s.monetary[i]), 2) == expected[i]);
}

TEST_CASE("every model: the conditional distribution sums to 1 and its mean is the expectation") {
  const TransactionParams models[] = {
      kFhlBg,
      TransactionParams::from_values(TransactionModel::MbgNbd, {0.525, 6.183, 0.891, 1.614}),
      TransactionParams::from_values(TransactionModel::ParetoNbd, {0.553, 10.578, 0.606, 11.669}),
  };
  struct History { double x, tx, T; };
  for (const auto& p : models) {
    for (History h : {History{0, 0, 0}, History{0, 0, 38}, History{2, 30.43, 38.86}, History{7, 10, 38}}) {
      double total = 0, mean = 0;
      for (unsigned n = 0; n < 400; ++n) {
        const double pn = probability_of_purchases(p, h.x, h.tx, h.T, 39, n);
        total += pn;
        mean += n * pn;
      }
      INFO(model_key(p.model), " x=", h.x, " t_x=", h.tx, " T=", h.T);
      CHECK(total == doctest::Approx(1).epsilon(1e-8));
      CHECK(mean == doctest::Approx(expected_purchases(p, h.x, h.tx, h.T, 39)).epsilon(1e-7));
      CHECK(probability_of_purchases(p, h.x, h.tx, h.T, 39, 0) ==
            doctest::Approx(probability_no_purchase(p, h.x, h.tx, h.T, 39)).epsilon(1e-9));
    }
  }
}

TEST_CASE("P(alive): BG/NBD keeps one-time buyers alive, MBG/NBD and Pareto/NBD do not") {
  const auto mbg = TransactionParams::from_values(TransactionModel::MbgNbd, {0.525, 6.183, 0.891, 1.614});
  const auto pnbd = TransactionParams::from_values(TransactionModel::ParetoNbd, {0.553, 10.578, 0.606, 11.669});
  CHECK(p_alive(kFhlBg, 0, 0, 150) == 1.0);
  CHECK(p_alive(mbg, 0, 0, 150) < p_alive(mbg, 0, 0, 10));
  CHECK(p_alive(pnbd, 0, 0, 150) < p_alive(pnbd, 0, 0, 10));
  // MBG/NBD in closed form: 1 / (1 + a/(b+x) ((α+T)/(α+t_x))^(r+x)), here x = 0, T = 150.
  CHECK(p_alive(mbg, 0, 0, 150) == doctest::Approx(1 / (1 + 0.891 / 1.614 * std::pow(156.183 / 6.183, 0.525))).epsilon(1e-13));
}

TEST_CASE("no NaN or Inf for heavy buyers and long lifetimes") {
  const TransactionParams models[] = {
      kFhlBg,
      TransactionParams::from_values(TransactionModel::MbgNbd, {0.525, 6.183, 0.891, 1.614}),
      TransactionParams::from_values(TransactionModel::ParetoNbd, {0.553, 10.578, 0.606, 11.669}),
  };
  const double twenty_years_in_weeks = 20 * 365.25 / 7;
  for (const auto& p : models) {
    for (double x : {10000.0, 1.0, 0.0}) {
      for (double tx_share : {1.0, 0.5, 0.0}) {
        if (x == 0 && tx_share > 0) continue;
        const double T = twenty_years_in_weeks, tx = x == 0 ? 0 : T * tx_share;
        INFO(model_key(p.model), " x=", x, " t_x=", tx);
        const double alive = p_alive(p, x, tx, T);
        CHECK(std::isfinite(alive));
        CHECK(alive >= 0);
        CHECK(alive <= 1);
        const double e = expected_purchases(p, x, tx, T, 52);
        CHECK(std::isfinite(e));
        CHECK(e >= 0);
        CHECK(std::isfinite(probability_no_purchase(p, x, tx, T, 13)));
        CHECK(std::isfinite(discounted_expected_purchases(p, x, tx, T, 12, 30.4375 / 7, 0.01)));
      }
    }
    // An active heavy buyer (bought a day ago, 10,000 purchases in 20 years) buys at about their
    // own rate, (r+x)/(α+T) ≈ 9.58 a week, less the small chance of dropping out meanwhile.
    const double T = twenty_years_in_weeks, tx = T - 1.0 / 7;
    const double e = expected_purchases(p, 10000, tx, T, 52);
    const double rate_bound = (p.r + 10000) / (p.alpha + T) * 52;
    CHECK(e < rate_bound);
    CHECK(e > 0.95 * rate_bound);
    if (p.model != TransactionModel::ParetoNbd) {
      // … and equals the mean of its distribution, which is computed without the series.
      double mean = 0;
      for (unsigned n = 1; n < 1500; ++n) mean += n * probability_of_purchases(p, 10000, tx, T, 52, n);
      CHECK(e == doctest::Approx(mean).epsilon(1e-8));
    }
  }
}

TEST_CASE("next purchase: the closed-form median matches the likelihood ratio, and P(no purchase) both ways") {
  const auto mbg = TransactionParams::from_values(TransactionModel::MbgNbd, {0.525, 6.183, 0.891, 1.614});
  for (const TransactionParams& p : {kFhlBg, mbg}) {
    for (double x : {1.0, 4.0}) {
      const double tx = 20, T = 38;
      const double median = median_time_to_next_purchase(p, x, tx, T);
      // At the median, P(a purchase by then) is half of P(a purchase ever), both from likelihoods.
      const double by_median = -std::expm1(log_likelihood(p, x, tx, T + median) - log_likelihood(p, x, tx, T));
      CHECK(by_median == doctest::Approx(probability_purchase_ever(p, x, tx, T) / 2).epsilon(1e-12));
      CHECK(probability_no_purchase(p, x, tx, T, 13) ==
            doctest::Approx(std::exp(log_likelihood(p, x, tx, T + 13) - log_likelihood(p, x, tx, T))).epsilon(1e-12));
    }
  }
  const auto pnbd = TransactionParams::from_values(TransactionModel::ParetoNbd, {0.553, 10.578, 0.606, 11.669});
  const double median = median_time_to_next_purchase(pnbd, 2, 30.43, 38.86);
  const double by_median = -std::expm1(log_likelihood(pnbd, 2, 30.43, 38.86 + median) - log_likelihood(pnbd, 2, 30.43, 38.86));
  CHECK(by_median == doctest::Approx(probability_purchase_ever(pnbd, 2, 30.43, 38.86) / 2).epsilon(1e-9));
}

TEST_CASE("a fit driven to the boundary (a and b in the billions) still predicts finite purchases") {
  // With a, b → ∞ at a fixed ratio the dropout probability is a constant q = a/(a+b), and an
  // active customer's expected purchases are E_λ[(1 − e^{−λ q t})/q] = (1 − (1 + q t/(α+T))^-(r+x)) / q.
  const auto p = bgnbd(1.1655, 8.2814, 1.47e10, 3.41e10);
  const double x = 2, tx = 10, T = 30, t = 52;
  const double q = p.a / (p.a + p.b + x);
  const double closed = (1 - std::pow(1 + q * t / (p.alpha + T), -(p.r + x))) / q * p_alive(p, x, tx, T);
  CHECK(expected_purchases(p, x, tx, T, t) == doctest::Approx(closed).epsilon(1e-6));
}

TEST_CASE("2F1(1, b; c; z) with derivatives summed in doubles equals the series in dual numbers") {
  using D = Dual<4>;
  const D b = D::variable(1.6, 0) * 1.0, c = D::variable(27.3, 1), z = D::variable(0.37, 2);
  const D fast = hyp2f1_one(b, c, z);
  const D generic = hyp2f1(D(1.0), b, c, z);
  CHECK(fast.v == doctest::Approx(generic.v).epsilon(1e-14));
  for (int i = 0; i < 3; ++i) CHECK(fast.d[i] == doctest::Approx(generic.d[i]).epsilon(1e-12));
}

TEST_CASE("purchase_distribution equals the one-n-at-a-time probabilities and sums to 1") {
  const TransactionParams models[] = {
      kFhlBg,
      TransactionParams::from_values(TransactionModel::MbgNbd, {0.525, 6.183, 0.891, 1.614}),
      TransactionParams::from_values(TransactionModel::ParetoNbd, {0.553, 10.578, 0.606, 11.669}),
  };
  for (const auto& p : models) {
    for (double x : {0.0, 3.0}) {
      const double tx = x > 0 ? 20 : 0;
      const std::vector<double> d = purchase_distribution(p, x, tx, 38, 52, 11);
      double total = 0;
      for (std::size_t n = 0; n < d.size(); ++n) {
        total += d[n];
        if (n + 1 < d.size()) {
          INFO(model_key(p.model), " x=", x, " n=", n);
          CHECK(d[n] == doctest::Approx(probability_of_purchases(p, x, tx, 38, 52, static_cast<unsigned>(n))).epsilon(1e-9));
        }
      }
      CHECK(total == doctest::Approx(1).epsilon(1e-12));
    }
  }
}

TEST_CASE("BG/NBD expectation on a fit driven to a boundary (a = 4.6e12, b = 1): the integral path ends, and is right") {
  // Found by fuzzing (fuzz/seeds/pipeline/clv-boundary-fit: five rows, three customers): the
  // beta of the dropout probability is then 1e-12 wide next to 1, and the adaptive Simpson
  // rule split its noisy panels down to 2^20 of them, for seconds per customer. With all the
  // posterior mass at p = 1, E = 1 − (1 + t/(α+T))^−(r+x): here 1 − (34/64)^4 = 0.92034816...
  TransactionParams p;
  p.r = 2, p.alpha = 4, p.a = 4.62469e12, p.b = 1;
  CHECK(expected_purchases_if_alive(p, 2, 30, 30) == doctest::Approx(0.9203481674194336).epsilon(1e-9));
  // A horizon of a few seconds (values near the smallest normal double) ends too: E ≈ (r+x) t/(α+T).
  CHECK(expected_purchases_if_alive(p, 2, 30, 1e-300) / (4e-300 / 34) == doctest::Approx(1).epsilon(1e-6));
}
