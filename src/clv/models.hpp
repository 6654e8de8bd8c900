// The transaction models and their parameters, named as in the literature.
//   BG/NBD  (Fader, Hardie & Lee 2005):           r, alpha, a, b
//   MBG/NBD (Batislam, Denizel & Filiztekin 2007): r, alpha, a, b
//   Pareto/NBD (Schmittlein, Morrison & Colombo 1987): r, alpha, s, beta
//   Gamma-Gamma spend (Fader, Hardie & Lee 2005; Colombo & Jiang 1999): p, q, v
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace orderlens::clv {

enum class TransactionModel : std::uint8_t { BgNbd, MbgNbd, ParetoNbd };

std::string_view model_key(TransactionModel m);                // "bgnbd", "mbgnbd", "pnbd"
std::optional<TransactionModel> model_from_key(std::string_view key);
std::array<std::string_view, 4> parameter_names(TransactionModel m);

struct TransactionParams {
  TransactionModel model = TransactionModel::BgNbd;
  double r = 1, alpha = 1;
  double a = 1, b = 1;  // BG/NBD and MBG/NBD: the dropout probability's beta distribution
  double s = 1, beta = 1;  // Pareto/NBD: the dropout rate's gamma distribution

  // In the order of parameter_names().
  std::array<double, 4> values() const;
  static TransactionParams from_values(TransactionModel m, const std::array<double, 4>& v);
};

struct SpendParams {
  double p = 1, q = 1, v = 1;
};

}  // namespace orderlens::clv
