#include "clv/likelihood.hpp"

namespace orderlens::clv {

double log_likelihood(const TransactionParams& p, double x, double tx, double T_) {
  if (p.model == TransactionModel::ParetoNbd) return pareto_log_likelihood(p.r, p.alpha, p.s, p.beta, x, tx, T_);
  const auto terms = beta_geo_terms(p.model == TransactionModel::MbgNbd, p.r, p.alpha, p.a, p.b, x);
  const double log_alpha_T = std::isinf(T_) ? T_ : std::log(p.alpha + T_);
  return beta_geo_log_likelihood(terms, p.r + x, log_alpha_T, std::log(p.alpha + tx));
}

}  // namespace orderlens::clv
