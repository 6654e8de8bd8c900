// The models fitted on CDNOW against the published estimates.
#include <doctest.h>

#include <cmath>

#include "clv/clv_analysis.hpp"
#include "clv/fit.hpp"
#include "clv_support.hpp"

using namespace orderlens::clv;
using orderlens::testing::cdnow_rows;
using orderlens::testing::cdnow_spend_rows;

namespace {
// Rounds to `digits` significant digits, to compare with a figure printed that way.
double sig(double v, int digits) {
  const double scale = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::abs(v)))));
  return std::round(v * scale) / scale;
}
}  // namespace

TEST_CASE("CDNOW data: 2,357 customers, 946 with repeat purchases") {
  CHECK(cdnow_rows().customers == 2357);
  CHECK(cdnow_spend_rows().customers == 946);
  CHECK(cdnow_spend_rows().excluded_non_positive == 0);
}

// The published estimates, to the digits printed (the issue asks for 4 significant digits; where
// a source prints fewer, that many). LL is the total log-likelihood.
TEST_CASE("BG/NBD on CDNOW: Fader, Hardie & Lee (2005), r 0.2426, alpha 4.4135, a 0.7929, b 2.4258, LL -9582.43") {
  const TransactionFit fit = fit_transactions(TransactionModel::BgNbd, cdnow_rows());
  INFO(fit.report.message);
  CHECK(fit.report.status == FitStatus::Converged);
  CHECK(sig(fit.params.r, 4) == 0.2426);
  CHECK(sig(fit.params.alpha, 4) == 4.414);
  CHECK(sig(fit.params.a, 4) == 0.7929);
  CHECK(sig(fit.params.b, 4) == 2.426);
  CHECK(std::round(fit.report.log_likelihood * 100) / 100 == -9582.43);
  CHECK(fit.report.rows < 2357);  // identical rows compressed
  for (double se : fit.std_errors) CHECK(se > 0);
}

TEST_CASE("Pareto/NBD on CDNOW: Fader, Hardie & Lee (2005) r 0.553, alpha 10.578, s 0.606, beta 11.669, LL -9595.0") {
  const TransactionFit fit = fit_transactions(TransactionModel::ParetoNbd, cdnow_rows());
  INFO(fit.report.message);
  CHECK(fit.report.status == FitStatus::Converged);
  CHECK(sig(fit.params.r, 3) == 0.553);
  CHECK(sig(fit.params.alpha, 5) == 10.578);
  CHECK(sig(fit.params.s, 3) == 0.606);
  CHECK(sig(fit.params.beta, 5) == 11.669);
  CHECK(std::round(fit.report.log_likelihood * 10) / 10 == -9595.0);
  // CLVTools' standard errors for the same fit (its test suite, nocov.correct.se): r 0.0476,
  // alpha 0.843, s 0.187, beta 6.21 — beta is weakly identified, so its estimate varies across
  // optimizers in the third digit.
  CHECK(sig(fit.std_errors[0], 3) == 0.0476);
  CHECK(sig(fit.std_errors[1], 3) == 0.843);
  CHECK(sig(fit.std_errors[2], 3) == 0.187);
  CHECK(sig(fit.std_errors[3], 3) == 6.21);
}

TEST_CASE("MBG/NBD on CDNOW: BTYDplus r 0.525, alpha 6.183, a 0.891, b 1.614") {
  // No paper fits MBG/NBD to CDNOW; these are the BTYDplus documentation's figures (also pinned by
  // the lifetimes and PyMC-Marketing test suites), from an implementation independent of this one.
  const TransactionFit fit = fit_transactions(TransactionModel::MbgNbd, cdnow_rows());
  INFO(fit.report.message);
  CHECK(fit.report.status == FitStatus::Converged);
  CHECK(sig(fit.params.r, 3) == 0.525);
  CHECK(sig(fit.params.alpha, 4) == 6.183);
  CHECK(sig(fit.params.a, 3) == 0.891);
  CHECK(sig(fit.params.b, 4) == 1.614);
}

TEST_CASE("Gamma-Gamma on CDNOW: Fader & Hardie (2013) p 6.25, q 3.74, v 15.44") {
  const SpendFit fit = fit_spend(cdnow_spend_rows());
  INFO(fit.report.message);
  CHECK(fit.report.status == FitStatus::Converged);
  CHECK(sig(fit.params.p, 3) == 6.25);
  CHECK(sig(fit.params.q, 3) == 3.74);
  CHECK(sig(fit.params.v, 4) == 15.44);
  // CLVTools reports LL -4055.9177 for this fit (density of the mean spend, as in the note).
  CHECK(std::round(fit.report.log_likelihood * 100) / 100 == -4055.92);
}

TEST_CASE("CDNOW: frequency and mean spend are nearly uncorrelated (0.11, Fader, Hardie & Lee 2005 JMR)") {
  CHECK(std::round(spend_frequency_correlation(cdnow_spend_rows()) * 100) / 100 == 0.11);
}
