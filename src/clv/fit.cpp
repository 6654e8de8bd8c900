#include "clv/fit.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include "clv/dual.hpp"
#include "clv/likelihood.hpp"

namespace orderlens::clv {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Σ weight · ln L over the rows. BG/NBD and MBG/NBD reuse per-x terms and ln(α + t) per distinct
// time value, so a row costs one log-add-exp: the fit on a million customers stays well under a
// second. Pareto/NBD needs the hypergeometric series per row.
template <typename T>
T sum_log_likelihood(TransactionModel model, const RfmRows& rows, const std::array<T, 4>& th) {
  const T& r = th[0];
  const T& alpha = th[1];
  T total(0.0);
  if (model == TransactionModel::ParetoNbd) {
    for (const RfmRow& row : rows.rows)
      total += row.weight * pareto_log_likelihood(r, alpha, th[2], th[3], rows.x(row), rows.tx(row), rows.T(row));
    return total;
  }
  const bool modified = model == TransactionModel::MbgNbd;
  std::vector<BetaGeoTerms<T>> terms;
  terms.reserve(rows.x_values.size());
  for (double x : rows.x_values) terms.push_back(beta_geo_terms(modified, r, alpha, th[2], th[3], x));
  std::vector<T> log_alpha_t;
  log_alpha_t.reserve(rows.t_values.size());
  using std::log;
  for (double t : rows.t_values) log_alpha_t.push_back(log(alpha + t));
  for (const RfmRow& row : rows.rows)
    total += row.weight * beta_geo_log_likelihood(terms[row.x], r + rows.x(row), log_alpha_t[row.T], log_alpha_t[row.tx]);
  return total;
}

template <typename T>
T sum_log_likelihood(const SpendRows& rows, const std::array<T, 4>& th) {
  T total(0.0);
  for (std::size_t i = 0; i < rows.x.size(); ++i)
    total += rows.weight[i] * gamma_gamma_log_likelihood(th[0], th[1], th[2], rows.x[i], rows.spend[i]);
  return total;
}

// The objective on log-parameters η, θ = e^η: −(Σ w ln L)/customers + penalizer · Σ θ².
template <typename SumLogLikelihood>
Objective mean_objective(std::size_t dims, double customers, double penalizer, SumLogLikelihood sum) {
  return [=](const Vec4& eta, Vec4* gradient) {
    if (!gradient) {
      std::array<double, 4> th{};
      double penalty = 0;
      for (std::size_t i = 0; i < dims; ++i) {
        th[i] = std::exp(eta[i]);
        penalty += th[i] * th[i];
      }
      return -sum(th) / customers + penalizer * penalty;
    }
    std::array<Dual<4>, 4> th{};
    Dual<4> penalty(0.0);
    for (std::size_t i = 0; i < dims; ++i) {
      th[i] = exp(Dual<4>::variable(eta[i], i));
      penalty += th[i] * th[i];
    }
    const Dual<4> f = (0.0 - sum(th)) / customers + penalizer * penalty;
    for (std::size_t i = 0; i < 4; ++i) (*gradient)[i] = i < dims ? f.d[i] : 0.0;
    return f.v;
  };
}

// Standard errors of θ from the Hessian of −(total log-likelihood) in η, by central differences
// of the exact gradient: SE(θ_i) = θ_i · sqrt((H⁻¹)_ii).
template <typename SumLogLikelihood>
Vec4 standard_errors(std::size_t dims, const Vec4& eta, SumLogLikelihood sum, std::string& message) {
  const Objective total = mean_objective(dims, 1.0, 0.0, sum);
  std::array<Vec4, 4> H{};
  for (std::size_t j = 0; j < dims; ++j) {
    const double h = 1e-5;
    Vec4 plus = eta, minus = eta, gp{}, gm{};
    plus[j] += h;
    minus[j] -= h;
    total(plus, &gp);
    total(minus, &gm);
    for (std::size_t i = 0; i < dims; ++i) H[i][j] = (gp[i] - gm[i]) / (2 * h);
  }
  for (std::size_t i = 0; i < dims; ++i)
    for (std::size_t j = 0; j < i; ++j) H[i][j] = H[j][i] = (H[i][j] + H[j][i]) / 2;
  // Cholesky H = L Lᵀ, then the diagonal of H⁻¹ = Σ_k (L⁻¹)_ki².
  std::array<Vec4, 4> L{};
  for (std::size_t i = 0; i < dims; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double s = H[i][j];
      for (std::size_t k = 0; k < j; ++k) s -= L[i][k] * L[j][k];
      if (i == j) {
        if (!(s > 0) || !std::isfinite(s)) {
          message = "the Hessian is not positive definite at the estimate (a parameter is at a boundary or not identified by "
                    "these data): standard errors are not available";
          return {kNaN, kNaN, kNaN, kNaN};
        }
        L[i][i] = std::sqrt(s);
      } else {
        L[i][j] = s / L[j][j];
      }
    }
  }
  std::array<Vec4, 4> Linv{};
  for (std::size_t i = 0; i < dims; ++i) {
    Linv[i][i] = 1 / L[i][i];
    for (std::size_t j = 0; j < i; ++j) {
      double s = 0;
      for (std::size_t k = j; k < i; ++k) s -= L[i][k] * Linv[k][j];
      Linv[i][j] = s / L[i][i];
    }
  }
  Vec4 se{kNaN, kNaN, kNaN, kNaN};
  for (std::size_t i = 0; i < dims; ++i) {
    double var = 0;
    for (std::size_t k = i; k < dims; ++k) var += Linv[k][i] * Linv[k][i];
    se[i] = std::exp(eta[i]) * std::sqrt(var);
  }
  return se;
}

template <typename SumLogLikelihood>
FitReport run_fit(std::size_t dims, double customers, std::size_t rows, const Vec4& start, const FitOptions& options,
                  SumLogLikelihood sum, Vec4& theta, Vec4& se) {
  FitReport report;
  report.rows = rows;
  report.customers = customers;
  Vec4 eta{};
  for (std::size_t i = 0; i < dims; ++i) eta[i] = std::log(start[i]);
  OptimizeOptions opt;
  opt.max_iterations = options.max_iterations;
  const OptimizeResult res = minimize(mean_objective(dims, customers, options.penalizer, sum), dims, eta, opt);
  report.status = res.status;
  report.used_fallback = res.used_fallback;
  report.iterations = res.iterations;
  report.evaluations = res.evaluations;
  theta = {kNaN, kNaN, kNaN, kNaN};
  for (std::size_t i = 0; i < dims; ++i) theta[i] = std::exp(res.x[i]);
  report.log_likelihood = sum(std::array<double, 4>{theta[0], theta[1], theta[2], theta[3]});
  se = standard_errors(dims, res.x, sum, report.message);
  if (res.status == FitStatus::NotFinite) report.message = "the likelihood is not finite anywhere the optimizer looked";
  else if (res.status == FitStatus::MaxIterations) report.message = "stopped after the maximum number of iterations before converging";
  else if (res.status == FitStatus::Stalled) report.message = "the optimizer stalled before the gradient test was met";
  return report;
}

}  // namespace

TransactionFit fit_transactions(TransactionModel model, const RfmRows& rows, const FitOptions& options) {
  Vec4 start;
  if (options.start) {
    start = *options.start;
  } else {
    // A rate near the data's purchases per unit of time; dropout parameters at 1.
    double repeat = 0, exposure = 0;
    for (const RfmRow& row : rows.rows) {
      repeat += row.weight * rows.x(row);
      exposure += row.weight * rows.T(row);
    }
    const double alpha = std::max(exposure, 1.0) / std::max(repeat, 1.0);
    start = model == TransactionModel::ParetoNbd ? Vec4{1, alpha, 1, alpha} : Vec4{1, alpha, 1, 1};
  }
  TransactionFit fit;
  Vec4 theta{};
  auto sum = [&](const auto& th) { return sum_log_likelihood(model, rows, th); };
  fit.report = run_fit(4, rows.customers, rows.rows.size(), start, options, sum, theta, fit.std_errors);
  fit.params = TransactionParams::from_values(model, theta);
  return fit;
}

SpendFit fit_spend(const SpendRows& rows, const FitOptions& options) {
  Vec4 start;
  if (options.start) {
    start = *options.start;
  } else {
    double total = 0;
    for (std::size_t i = 0; i < rows.x.size(); ++i) total += rows.weight[i] * rows.spend[i];
    const double mean = rows.customers > 0 ? total / rows.customers : 1;
    start = {2, 3, mean, 0};  // p v / (q − 1) equals the mean spend
  }
  SpendFit fit;
  fit.excluded_non_positive = rows.excluded_non_positive;
  Vec4 theta{}, se{};
  auto sum = [&](const auto& th) { return sum_log_likelihood(rows, th); };
  fit.report = run_fit(3, rows.customers, rows.x.size(), start, options, sum, theta, se);
  fit.params = {theta[0], theta[1], theta[2]};
  fit.std_errors = {se[0], se[1], se[2]};
  return fit;
}

double total_log_likelihood(const TransactionParams& params, const RfmRows& rows) {
  return sum_log_likelihood(params.model, rows, params.values());
}

double total_log_likelihood(const SpendParams& params, const SpendRows& rows) {
  return sum_log_likelihood(rows, std::array<double, 4>{params.p, params.q, params.v, 0});
}

}  // namespace orderlens::clv
