// Minimizes a smooth function of up to four variables (the models' log-parameters).
//
// BFGS with a backtracking line search on exact gradients; a trial point where the function is
// not finite only shortens the step. When the line search cannot make progress even along the
// steepest descent, Nelder–Mead (which needs no gradient and treats non-finite values as +∞)
// takes over from the best point, and BFGS then polishes its result. The result says which of
// these happened and whether the gradient test was met; it never throws.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>

namespace orderlens::clv {

using Vec4 = std::array<double, 4>;

// Returns f(x) and, when `gradient` is not null, writes ∇f(x) to it.
using Objective = std::function<double(const Vec4& x, Vec4* gradient)>;

enum class FitStatus { Converged, MaxIterations, NotFinite, Stalled };
const char* fit_status_key(FitStatus s);

using Matrix4 = std::array<Vec4, 4>;

struct OptimizeResult {
  Vec4 x{};
  Matrix4 inverse_hessian{};  // BFGS's last approximation (a warm start for a similar problem)
  double value = 0;
  int iterations = 0;
  int evaluations = 0;
  FitStatus status = FitStatus::Stalled;
  bool used_fallback = false;  // Nelder–Mead was needed
};

struct OptimizeOptions {
  int max_iterations = 1000;
  double gradient_tolerance = 1e-10;  // on max |∂f/∂x_i|
};

// `inverse_hessian`: BFGS's starting approximation, e.g. from a fit of the same objective on a
// sample of the data (the objective is a mean, so its curvature is about the same).
OptimizeResult minimize(const Objective& f, std::size_t dims, Vec4 start, const OptimizeOptions& options = {},
                        const Matrix4* inverse_hessian = nullptr);

}  // namespace orderlens::clv
