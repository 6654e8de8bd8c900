// How much of a change in revenue each driver explains, for revenue written as a product of
// drivers (visitors x conversion rate x orders per customer x AOV with an events file;
// customers x orders per customer x AOV without one).
//
// The split is the additive log-mean Divisia index (LMDI-I; Ang, "The LMDI approach to
// decomposition analysis", Energy Policy 32, 2004): driver i's share of R1 - R0 is
// L(R1, R0) * ln(x1_i / x0_i) with L(a, b) = (a - b) / (ln a - ln b), L(a, a) = a. The shares
// add up to the change exactly and do not depend on the order the drivers are listed in (a
// sequential substitution would). It needs every value positive; otherwise there is no split.
#pragma once

#include <optional>
#include <vector>

namespace orderlens {

// Each driver's contribution to after_revenue - before_revenue, or nullopt when a driver or a
// revenue is not positive. `before` and `after` hold the drivers' values, in one order.
std::optional<std::vector<double>> lmdi_contributions(const std::vector<double>& before, const std::vector<double>& after,
                                                      double before_revenue, double after_revenue);

}  // namespace orderlens
