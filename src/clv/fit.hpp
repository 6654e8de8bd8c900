// Maximum-likelihood fits of the transaction models and the Gamma-Gamma spend model.
//
// Parameters are fitted on their logarithms (so they stay positive) by minimize(), on the mean
// log-likelihood per customer plus an optional L2 penalty `penalizer · Σ θ²` on the parameters
// themselves (the lifetimes convention, so its users' penalizer values mean the same here).
// Standard errors come from the inverse Hessian of the total log-likelihood (forward differences
// of the exact gradient), by the delta method from the log scale. A fit never throws for
// numerical reasons: it reports its status, iterations, log-likelihood and standard errors (NaN
// with a message when the Hessian is not positive definite).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>

#include "clv/models.hpp"
#include "clv/optimizer.hpp"
#include "clv/rfm_rows.hpp"

namespace orderlens::clv {

struct FitOptions {
  double penalizer = 0;
  std::optional<Vec4> start;  // natural parameters, in the order of parameter_names()
  int max_iterations = 1000;
};

struct FitReport {
  FitStatus status = FitStatus::Stalled;
  bool used_fallback = false;
  int iterations = 0;
  int evaluations = 0;
  double log_likelihood = 0;  // total, at the estimate, without the penalty
  std::size_t rows = 0;       // distinct rows fitted after compression
  double customers = 0;
  std::string message;        // empty when all is well
};

struct TransactionFit {
  TransactionParams params;
  Vec4 std_errors{};
  FitReport report;
};

struct SpendFit {
  SpendParams params;
  std::array<double, 3> std_errors{};
  FitReport report;
  std::size_t excluded_non_positive = 0;  // customers with x > 0 and mean spend ≤ 0
};

TransactionFit fit_transactions(TransactionModel model, const RfmRows& rows, const FitOptions& options = {});
SpendFit fit_spend(const SpendRows& rows, const FitOptions& options = {});

// Total log-likelihood of the rows at given parameters (for tests and the holdout report).
double total_log_likelihood(const TransactionParams& params, const RfmRows& rows);
double total_log_likelihood(const SpendParams& params, const SpendRows& rows);

}  // namespace orderlens::clv
