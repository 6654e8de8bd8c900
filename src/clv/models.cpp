#include "clv/models.hpp"

namespace orderlens::clv {

std::string_view model_key(TransactionModel m) {
  switch (m) {
    case TransactionModel::BgNbd: return "bgnbd";
    case TransactionModel::MbgNbd: return "mbgnbd";
    case TransactionModel::ParetoNbd: return "pnbd";
  }
  return "bgnbd";
}

std::optional<TransactionModel> model_from_key(std::string_view key) {
  for (TransactionModel m : {TransactionModel::BgNbd, TransactionModel::MbgNbd, TransactionModel::ParetoNbd})
    if (model_key(m) == key) return m;
  return std::nullopt;
}

std::array<std::string_view, 4> parameter_names(TransactionModel m) {
  if (m == TransactionModel::ParetoNbd) return {"r", "alpha", "s", "beta"};
  return {"r", "alpha", "a", "b"};
}

std::array<double, 4> TransactionParams::values() const {
  if (model == TransactionModel::ParetoNbd) return {r, alpha, s, beta};
  return {r, alpha, a, b};
}

TransactionParams TransactionParams::from_values(TransactionModel m, const std::array<double, 4>& v) {
  TransactionParams p;
  p.model = m;
  p.r = v[0];
  p.alpha = v[1];
  if (m == TransactionModel::ParetoNbd) {
    p.s = v[2];
    p.beta = v[3];
  } else {
    p.a = v[2];
    p.b = v[3];
  }
  return p;
}

}  // namespace orderlens::clv
