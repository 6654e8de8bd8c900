#include "clv/optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace orderlens::clv {

const char* fit_status_key(FitStatus s) {
  switch (s) {
    case FitStatus::Converged: return "converged";
    case FitStatus::MaxIterations: return "max_iterations";
    case FitStatus::NotFinite: return "not_finite";
    case FitStatus::Stalled: return "stalled";
  }
  return "stalled";
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxStep = 3;  // on a log-parameter: a factor e^3 ≈ 20 per step at most

double dot(const Vec4& a, const Vec4& b, std::size_t n) {
  double s = 0;
  for (std::size_t i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}

double max_abs(const Vec4& v, std::size_t n) {
  double m = 0;
  for (std::size_t i = 0; i < n; ++i) m = std::max(m, std::abs(v[i]));
  return m;
}

bool all_finite(const Vec4& v, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(v[i])) return false;
  return true;
}

struct Counted {
  const Objective& f;
  int evaluations = 0;
  double operator()(const Vec4& x, Vec4* g) {
    ++evaluations;
    const double v = f(x, g);
    return std::isfinite(v) && (!g || all_finite(*g, 4)) ? v : kInf;
  }
};

// BFGS from `x`; returns when converged, stalled or out of iterations.
void bfgs(Counted& f, std::size_t n, OptimizeResult& res, const OptimizeOptions& opt, const Matrix4* warm) {
  Vec4 g{};
  double fx = f(res.x, &g);
  if (!std::isfinite(fx)) {
    res.status = FitStatus::NotFinite;
    return;
  }
  Matrix4 H{};  // inverse Hessian approximation
  auto reset = [&] {
    for (std::size_t i = 0; i < 4; ++i)
      for (std::size_t j = 0; j < 4; ++j) H[i][j] = i == j ? 1.0 : 0.0;
  };
  reset();
  bool fresh = true;
  if (warm) {
    H = *warm;
    fresh = false;
  }
  res.status = FitStatus::MaxIterations;
  for (; res.iterations < opt.max_iterations; ++res.iterations) {
    if (max_abs(g, n) < opt.gradient_tolerance) {
      res.status = FitStatus::Converged;
      break;
    }
    Vec4 p{};
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) p[i] -= H[i][j] * g[j];
    double slope = dot(g, p, n);
    if (!(slope < 0)) {
      reset();
      fresh = true;
      for (std::size_t i = 0; i < n; ++i) p[i] = -g[i];
      slope = dot(g, p, n);
    }
    double step = std::min(1.0, kMaxStep / std::max(max_abs(p, n), 1e-300));
    Vec4 x_new{}, g_new{};
    double f_new = kInf;
    bool accepted = false;
    for (int tries = 0; tries < 60; ++tries) {
      for (std::size_t i = 0; i < n; ++i) x_new[i] = res.x[i] + step * p[i];
      f_new = f(x_new, &g_new);
      if (f_new <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      if (!std::isfinite(f_new)) {
        step *= 0.1;
      } else {
        // The minimum of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5] of
        // the step: fewer evaluations than halving when the first step overshoots far.
        const double q = -slope * step * step / (2 * (f_new - fx - slope * step));
        step = std::clamp(q, 0.1 * step, 0.5 * step);
      }
    }
    if (!accepted) {
      if (fresh) {
        // Not even steepest descent decreases f: at a minimum up to rounding, or stuck.
        res.status = max_abs(g, n) < 1e-6 ? FitStatus::Converged : FitStatus::Stalled;
        break;
      }
      reset();
      fresh = true;
      continue;
    }
    Vec4 s{}, y{};
    for (std::size_t i = 0; i < n; ++i) {
      s[i] = x_new[i] - res.x[i];
      y[i] = g_new[i] - g[i];
    }
    const double sy = dot(s, y, n);
    if (sy > 1e-12 * std::sqrt(dot(s, s, n) * dot(y, y, n))) {
      if (fresh) {  // scale the first approximation to the curvature just seen
        const double scale = sy / dot(y, y, n);
        for (std::size_t i = 0; i < n; ++i) H[i][i] = scale;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const double rho = 1 / sy;
      Vec4 Hy{};
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) Hy[i] += H[i][j] * y[j];
      const double yHy = dot(y, Hy, n);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
          H[i][j] += rho * ((1 + rho * yHy) * s[i] * s[j] - Hy[i] * s[j] - s[i] * Hy[j]);
      fresh = false;
    }
    const bool tiny_change = std::abs(fx - f_new) <= 1e-15 * (1 + std::abs(fx));
    res.x = x_new;
    g = g_new;
    fx = f_new;
    if (tiny_change && max_abs(g, n) < 1e-6) {
      res.status = FitStatus::Converged;
      ++res.iterations;
      break;
    }
  }
  res.value = fx;
  res.inverse_hessian = H;
}

// Nelder–Mead on f (values only) from `x`; standard coefficients.
void nelder_mead(Counted& f, std::size_t n, OptimizeResult& res) {
  std::array<Vec4, 5> pts{};
  std::array<double, 5> vals{};
  for (std::size_t k = 0; k <= n; ++k) {
    pts[k] = res.x;
    if (k > 0) pts[k][k - 1] += 0.5;
    vals[k] = f(pts[k], nullptr);
  }
  for (int it = 0; it < 4000; ++it) {
    std::array<std::size_t, 5> order{0, 1, 2, 3, 4};
    for (std::size_t i = 1; i <= n; ++i)  // insertion sort of the n + 1 vertices by value
      for (std::size_t j = i; j > 0 && vals[order[j]] < vals[order[j - 1]]; --j) std::swap(order[j], order[j - 1]);
    const std::size_t best = order[0], worst = order[n], second = order[n - 1];
    if (std::isfinite(vals[worst]) && vals[worst] - vals[best] <= 1e-13 * (1 + std::abs(vals[best]))) break;
    Vec4 centroid{};
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t i = 0; i < n; ++i) centroid[i] += pts[order[k]][i] / static_cast<double>(n);
    auto along = [&](double t) {
      Vec4 p{};
      for (std::size_t i = 0; i < n; ++i) p[i] = centroid[i] + t * (pts[worst][i] - centroid[i]);
      return p;
    };
    const Vec4 reflected = along(-1);
    const double fr = f(reflected, nullptr);
    if (fr < vals[best]) {
      const Vec4 expanded = along(-2);
      const double fe = f(expanded, nullptr);
      if (fe < fr) pts[worst] = expanded, vals[worst] = fe;
      else pts[worst] = reflected, vals[worst] = fr;
    } else if (fr < vals[second]) {
      pts[worst] = reflected, vals[worst] = fr;
    } else {
      const Vec4 contracted = along(fr < vals[worst] ? -0.5 : 0.5);
      const double fc = f(contracted, nullptr);
      if (fc < std::min(fr, vals[worst])) {
        pts[worst] = contracted, vals[worst] = fc;
      } else {
        for (std::size_t k = 1; k <= n; ++k) {
          Vec4& p = pts[order[k]];
          for (std::size_t i = 0; i < n; ++i) p[i] = pts[best][i] + 0.5 * (p[i] - pts[best][i]);
          vals[order[k]] = f(p, nullptr);
        }
      }
    }
  }
  const std::size_t best = static_cast<std::size_t>(std::min_element(vals.begin(), vals.begin() + n + 1) - vals.begin());
  res.x = pts[best];
  res.value = vals[best];
}

}  // namespace

OptimizeResult minimize(const Objective& objective, std::size_t dims, Vec4 start, const OptimizeOptions& options,
                        const Matrix4* inverse_hessian) {
  Counted f{objective};
  OptimizeResult res;
  res.x = start;
  bfgs(f, dims, res, options, inverse_hessian);
  if (res.status == FitStatus::Stalled || res.status == FitStatus::NotFinite) {
    res.used_fallback = true;
    nelder_mead(f, dims, res);
    if (std::isfinite(res.value)) {
      const int before = res.iterations;
      bfgs(f, dims, res, options, nullptr);
      res.iterations = std::max(res.iterations, before);
    }
  }
  res.evaluations = f.evaluations;
  return res;
}

}  // namespace orderlens::clv
