// Forward-mode derivatives: a value with its gradient with respect to N inputs.
//
// Each model's log-likelihood is written once as a template over its number type; evaluated
// with Dual<N> it yields the exact gradient in the same pass, which the optimizer needs on every
// step and which finite differences would only approximate at 2N times the cost.
// Hand-written rather than a library's: the special functions the models need (lgamma, digamma,
// the hypergeometric series in special_functions.hpp) need overloads for this type either way,
// and the fixed-size array keeps the inner loops free of allocation.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>

namespace orderlens::clv {

template <std::size_t N>
struct Dual {
  double v = 0;
  std::array<double, N> d{};

  Dual() = default;
  Dual(double value) : v(value) {}  // NOLINT: constants mix freely with duals

  static Dual variable(double value, std::size_t index) {
    Dual x(value);
    x.d[index] = 1;
    return x;
  }
  // f(v) with f'(v) = slope: the chain rule for every one-argument function below.
  Dual apply(double value, double slope) const {
    Dual r(value);
    for (std::size_t i = 0; i < N; ++i) r.d[i] = slope * d[i];
    return r;
  }

  Dual& operator+=(const Dual& o) {
    v += o.v;
    for (std::size_t i = 0; i < N; ++i) d[i] += o.d[i];
    return *this;
  }
  Dual& operator-=(const Dual& o) {
    v -= o.v;
    for (std::size_t i = 0; i < N; ++i) d[i] -= o.d[i];
    return *this;
  }
  Dual& operator*=(const Dual& o) {
    for (std::size_t i = 0; i < N; ++i) d[i] = d[i] * o.v + v * o.d[i];
    v *= o.v;
    return *this;
  }
  Dual& operator/=(const Dual& o) {
    const double inv = 1 / o.v;
    v *= inv;
    for (std::size_t i = 0; i < N; ++i) d[i] = (d[i] - v * o.d[i]) * inv;
    return *this;
  }
  Dual operator-() const { return apply(-v, -1); }
};

template <std::size_t N> Dual<N> operator+(Dual<N> a, const Dual<N>& b) { return a += b; }
template <std::size_t N> Dual<N> operator-(Dual<N> a, const Dual<N>& b) { return a -= b; }
template <std::size_t N> Dual<N> operator*(Dual<N> a, const Dual<N>& b) { return a *= b; }
template <std::size_t N> Dual<N> operator/(Dual<N> a, const Dual<N>& b) { return a /= b; }
template <std::size_t N> Dual<N> operator+(Dual<N> a, double b) { a.v += b; return a; }
template <std::size_t N> Dual<N> operator+(double a, Dual<N> b) { b.v += a; return b; }
template <std::size_t N> Dual<N> operator-(Dual<N> a, double b) { a.v -= b; return a; }
template <std::size_t N> Dual<N> operator-(double a, const Dual<N>& b) { return (-b) + a; }
template <std::size_t N> Dual<N> operator*(Dual<N> a, double b) { return a.apply(a.v * b, b); }
template <std::size_t N> Dual<N> operator*(double a, Dual<N> b) { return b.apply(b.v * a, a); }
template <std::size_t N> Dual<N> operator/(Dual<N> a, double b) { return a.apply(a.v / b, 1 / b); }
template <std::size_t N> Dual<N> operator/(double a, const Dual<N>& b) { return b.apply(a / b.v, -a / (b.v * b.v)); }

template <std::size_t N> bool operator<(const Dual<N>& a, const Dual<N>& b) { return a.v < b.v; }
template <std::size_t N> bool operator>(const Dual<N>& a, const Dual<N>& b) { return a.v > b.v; }

template <std::size_t N> Dual<N> log(const Dual<N>& x) { return x.apply(std::log(x.v), 1 / x.v); }
template <std::size_t N> Dual<N> exp(const Dual<N>& x) { const double e = std::exp(x.v); return x.apply(e, e); }
template <std::size_t N> Dual<N> log1p(const Dual<N>& x) { return x.apply(std::log1p(x.v), 1 / (1 + x.v)); }
template <std::size_t N> Dual<N> expm1(const Dual<N>& x) { return x.apply(std::expm1(x.v), std::exp(x.v)); }
template <std::size_t N> Dual<N> sqrt(const Dual<N>& x) { const double s = std::sqrt(x.v); return x.apply(s, 0.5 / s); }
template <std::size_t N> Dual<N> abs(const Dual<N>& x) { return x.v < 0 ? -x : x; }

// The plain value of a number, whichever type it is.
inline double value_of(double x) { return x; }
template <std::size_t N> double value_of(const Dual<N>& x) { return x.v; }

}  // namespace orderlens::clv
