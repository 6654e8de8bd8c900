#include "clv/simulate.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

// Everything below must round identically on every platform, so no a·b + c may be fused into
// one FMA instruction: clang fuses within an expression by default when the target has FMA (as
// with -march=native on x86-64, or on ARM64), GCC does in GNU mode (-std=gnu++20). WebAssembly
// has no FMA, and g++ -std=c++20 does not fuse, but the pragmas keep other builds in line.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace orderlens::clv {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A double's bits and back (Emscripten 3.1.6's libc++ has no std::bit_cast; memcpy compiles to a move).
std::uint64_t to_bits(double x) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  return bits;
}
double from_bits(std::uint64_t bits) {
  double x = 0;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

// ln 2 split so that k · kLn2Hi is exact for |k| < 2^21 (the low 21 bits of its significand are
// zero) and kLn2Hi + kLn2Lo is ln 2 to about 2^-86.
constexpr double kLn2Hi = 0x1.62e42fee00000p-1;
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
constexpr double kInvLn2 = 0x1.71547652b82fep0;

// Coefficients of the series below, computed by the compiler (IEEE division, so the same
// constants on every platform).
struct LogSeries {
  double c[12];  // 1 / (2k + 1), k = 0..11
  constexpr LogSeries() : c{} {
    for (int k = 0; k < 12; ++k) c[k] = 1.0 / (2 * k + 1);
  }
};
struct ExpSeries {
  double c[14];  // 1 / n!, n = 0..13
  constexpr ExpSeries() : c{} {
    c[0] = 1;
    for (int n = 1; n < 14; ++n) c[n] = c[n - 1] / n;
  }
};
constexpr LogSeries kLogSeries;
constexpr ExpSeries kExpSeries;

}  // namespace

double portable_log(double x) {
  if (!(x > 0)) return x == 0 ? -kInf : kNaN;
  if (x == kInf) return x;
  // x = m · 2^e exactly, from the bits (std::frexp is an out-of-line call in glibc).
  int e = 0;
  if (x < 0x1.0p-1022) {  // subnormal: scale into the normal range first
    x *= 0x1.0p54;
    e = -54;
  }
  const std::uint64_t bits = to_bits(x);
  e += static_cast<int>(bits >> 52) - 1023;
  double m = from_bits((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // [1, 2)
  if (m > 0x1.6a09e667f3bcdp0) {  // √2: bring m into [√½, √2]
    m *= 0.5;
    ++e;
  }
  // ln m = 2 atanh f = 2 (f + f³/3 + f⁵/5 + …) with f = (m − 1)/(m + 1): |f| ≤ 0.1716, so
  // s = f² ≤ 0.0295 and the terms past s¹¹/23 are below 1e-18 of the sum.
  const double f = (m - 1) / (m + 1);  // m − 1 is exact
  const double s = f * f;
  // The tail Σ_{k=1..11} s^(k−1)/(2k+1) by Estrin's scheme (a shallower dependency chain than
  // Horner's rule: the simulation's draws wait on each other's logarithms).
  const double* c = kLogSeries.c;
  const double s2 = s * s, s4 = s2 * s2, s8 = s4 * s4;
  const double t01 = (c[1] + c[2] * s) + (c[3] + c[4] * s) * s2;
  const double t23 = (c[5] + c[6] * s) + (c[7] + c[8] * s) * s2;
  const double t45 = (c[9] + c[10] * s) + c[11] * s2;
  const double tail = (t01 + t23 * s4) + t45 * s8;
  const double ln_m = 2 * f + 2 * f * (s * tail);
  const double k = e;
  return k * kLn2Hi + (ln_m + k * kLn2Lo);
}

double portable_exp(double x) {
  if (x != x) return x;
  if (x > 0x1.62e42fefa39efp9) return kInf;  // ln(DBL_MAX) ≈ 709.78
  if (x < -745.2) return 0;                     // below ln of half the smallest subnormal
  // e^x = 2^k e^r with k the nearest integer to x / ln 2, so |r| ≤ ½ ln 2 + rounding ≈ 0.347,
  // where the Taylor series to r¹³/13! is exact to below 5e-18.
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  const double* c = kExpSeries.c;  // Σ_{n=0..13} rⁿ/n! by Estrin's scheme
  const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  const double p0 = (c[0] + c[1] * r) + (c[2] + c[3] * r) * r2;
  const double p1 = (c[4] + c[5] * r) + (c[6] + c[7] * r) * r2;
  const double p2 = (c[8] + c[9] * r) + (c[10] + c[11] * r) * r2;
  const double p3 = c[12] + c[13] * r;
  const double p = (p0 + p1 * r4) + (p2 + p3 * r4) * r8;
  const int exponent = static_cast<int>(k);
  if (exponent >= -1022 && exponent <= 1023)  // 2^k as bits: an exact scaling
    return p * from_bits(static_cast<std::uint64_t>(exponent + 1023) << 52);
  return std::ldexp(p, exponent);  // near the ends of the range (one rounding when subnormal)
}

double portable_log1p(double x) {
  // ln(1 + x) = ln(u) · x / (u − 1) with u = fl(1 + x): the factor corrects for the rounding of
  // 1 + x (Goldberg 1991, theorem 4), so small x keep their precision.
  const double u = 1 + x;
  if (u == 1) return x;
  if (u == kInf) return u;
  return portable_log(u) * (x / (u - 1));
}

std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;  // 2^64 / golden ratio
  std::uint64_t z = state;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

PortableRandom::PortableRandom(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t first = seed;
  std::uint64_t state = splitmix64(first) + stream * 4 * 0x9e3779b97f4a7c15ULL;  // wraps mod 2^64
  for (std::uint64_t& word : s_) word = splitmix64(state);
  // Four consecutive splitmix64 outputs are distinct (its mix is a bijection), so never all zero.
}

PortableRandom PortableRandom::from_state(const State& state) {
  if (state[0] == 0 && state[1] == 0 && state[2] == 0 && state[3] == 0)
    throw std::invalid_argument("PortableRandom: the xoshiro256** state must not be all zero");
  PortableRandom g;
  g.s_ = state;
  return g;
}

std::uint64_t PortableRandom::next() {
  const std::uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t shifted = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= shifted;
  s_[3] = std::rotl(s_[3], 45);
  return result;
}

double PortableRandom::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

// 1 − U is in (0, 1] and exact, so the logarithm is finite.
double PortableRandom::exponential() { return -portable_log(1 - uniform()); }

double PortableRandom::normal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  // A point uniform in the unit disc; (u, v) · √(−2 ln s / s) are two independent normals. Unlike
  // Box–Muller this needs no sine or cosine (the C libraries' differ the most).
  double u = 0, v = 0, s = 0;
  do {
    u = 2 * uniform() - 1;
    v = 2 * uniform() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  const double factor = std::sqrt(-2 * portable_log(s) / s);
  spare_normal_ = v * factor;
  has_spare_normal_ = true;
  return u * factor;
}

PortableRandom::GammaShape::GammaShape(double shape_) : shape(shape_), boosted(shape_ < 1) {
  d = (boosted ? shape + 1 : shape) - 1.0 / 3.0;
  c = 1 / std::sqrt(9 * d);
}

double PortableRandom::marsaglia_tsang(double d, double c) {
  // Marsaglia & Tsang (2000): d (1 + c z)³ with z normal, accepted by a squeeze or the exact test.
  for (;;) {
    double z = 0, v = 0;
    do {
      z = normal();
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const double u = uniform();
    const double z2 = z * z;
    if (u < 1 - 0.0331 * (z2 * z2)) return d * v;
    if (portable_log(u) < 0.5 * z2 + d * (1 - v + portable_log(v))) return d * v;
  }
}

double PortableRandom::gamma(const GammaShape& g) {
  const double draw = marsaglia_tsang(g.d, g.c);
  if (!g.boosted) return draw;
  // Gamma(k) = Gamma(k + 1) · U^(1/k) for k < 1 (their boost), U in (0, 1].
  return draw * portable_exp(portable_log(1 - uniform()) / g.shape);
}

double PortableRandom::log_gamma(const GammaShape& g) {
  const double log_draw = portable_log(marsaglia_tsang(g.d, g.c));
  if (!g.boosted) return log_draw;
  // As in gamma(), but U^(1/k) stays a logarithm: for small k it can underflow.
  return log_draw + portable_log(1 - uniform()) / g.shape;
}

double PortableRandom::beta(const GammaShape& a, const GammaShape& b) {
  // With U ≥ 2⁻⁵³, U^(1/k) ≥ 2^(−53·16) for k ≥ 1/16: far from underflow, so X + Y > 0.
  if (a.shape >= 0.0625 && b.shape >= 0.0625) {
    const double x = gamma(a);
    const double y = gamma(b);
    return x / (x + y);
  }
  // X / (X + Y) = 1 / (1 + e^(ln Y − ln X)): no 0/0 when both draws are below the double range.
  const double lx = log_gamma(a);
  const double ly = log_gamma(b);
  return 1 / (1 + portable_exp(ly - lx));
}

// ---------------------------------------------------------------------------------------------

namespace {

bool finite_positive(double v) { return std::isfinite(v) && v > 0; }

void require_positive(std::string_view name, double value) {
  if (!finite_positive(value))
    throw std::invalid_argument("simulate_customers: " + std::string(name) + " must be a finite number > 0, got " +
                                std::to_string(value));
}

}  // namespace

SimulatedCustomers simulate_customers(const TransactionParams& params, const SimulationOptions& options) {
  const std::array<std::string_view, 4> names = parameter_names(params.model);
  const std::array<double, 4> values = params.values();
  for (std::size_t k = 0; k < 4; ++k) require_positive(names[k], values[k]);
  if (options.spend) {
    require_positive("spend p", options.spend->p);
    require_positive("spend q", options.spend->q);
    require_positive("spend v", options.spend->v);
  }
  const double min_T = options.min_T, max_T = options.max_T;
  if (!std::isfinite(min_T) || !std::isfinite(max_T) || min_T < 0 || min_T > max_T)
    throw std::invalid_argument("simulate_customers: need finite 0 <= min_T <= max_T, got min_T " + std::to_string(min_T) +
                                " and max_T " + std::to_string(max_T));
  const double first_day = std::ceil(min_T);
  const double day_count = std::floor(max_T) - first_day + 1;
  if (options.whole_days && day_count < 1)
    throw std::invalid_argument("simulate_customers: no whole number of days between min_T " + std::to_string(min_T) +
                                " and max_T " + std::to_string(max_T));

  const bool beta_geometric = params.model != TransactionModel::ParetoNbd;
  const bool modified = params.model == TransactionModel::MbgNbd;
  const std::size_t n = options.customers;
  const PortableRandom::GammaShape shape_r(params.r), shape_a(params.a), shape_b(params.b), shape_s(params.s);
  const PortableRandom::GammaShape shape_q(options.spend ? options.spend->q : 1.0);
  SimulatedCustomers out;
  out.frequency.resize(n);
  out.recency.resize(n);
  out.T.resize(n);
  if (options.spend) out.monetary.resize(n);

  for (std::size_t i = 0; i < n; ++i) {
    PortableRandom rng(options.seed, i);
    const double T = options.whole_days ? first_day + std::min(std::floor(rng.uniform() * day_count), day_count - 1)
                                        : min_T + rng.uniform() * (max_T - min_T);
    const double lambda = rng.gamma(shape_r) / params.alpha;

    // Purchases are made while alive in (0, window], at most max_purchases of them.
    double window = T;
    double max_purchases = kInf;
    if (beta_geometric) {
      const double p = rng.beta(shape_a, shape_b);
      // The customer survives each dropout chance with probability 1 − p, so the number of
      // chances survived is geometric, drawn at once by inversion (one draw instead of one per
      // purchase): ⌊ln U / ln(1 − p)⌋, U in (0, 1]. BG/NBD's chances follow the purchases, so
      // one more purchase than chances survived is made; MBG/NBD's first chance is at time 0.
      const double u = 1 - rng.uniform();
      const double survived = p > 0 ? std::floor(portable_log(u) / portable_log1p(-p)) : kInf;
      max_purchases = modified ? survived : survived + 1;
    } else {
      const double mu = rng.gamma(shape_s) / params.beta;
      const double lifetime = mu > 0 ? rng.exponential() / mu : kInf;
      window = std::min(T, lifetime);
    }

    // The Poisson process, by its exponential inter-arrival times. With whole days a purchase
    // counts only on a new day after day 0; `repeat_purchases` counts every purchase on those
    // days (their values are summed into the day's).
    double x = 0, recency = 0, repeat_purchases = 0;
    if (lambda > 0) {
      double t = 0;
      std::uint64_t made = 0;
      while (static_cast<double>(made) < max_purchases) {
        t += rng.exponential() / lambda;
        if (!(t <= window)) break;
        if (++made > kMaxSimulatedPurchases)
          throw std::invalid_argument("simulate_customers: customer " + std::to_string(i) + " made more than " +
                                      std::to_string(kMaxSimulatedPurchases) + " purchases (purchase rate " +
                                      std::to_string(lambda) + " per time unit over T = " + std::to_string(T) +
                                      "); the parameters imply an implausible population");
        if (!options.whole_days) {
          x += 1;
          recency = t;
          continue;
        }
        const double day = std::floor(t);
        if (day == 0) continue;  // the first purchase's day
        repeat_purchases += 1;
        if (day != recency) {
          x += 1;
          recency = day;
        }
      }
    }
    if (!options.whole_days) repeat_purchases = x;
    out.frequency[i] = x;
    out.recency[i] = recency;
    out.T[i] = T;

    // Spend last, so simulating it leaves the draws above unchanged.
    if (options.spend) {
      double monetary = 0;
      if (x > 0) {
        const SpendParams& sp = *options.spend;
        // The sum of n independent Gamma(p, rate ν) values is Gamma(n p, rate ν): one draw for
        // all the repeat purchases. With shapes below 1/16 in log space, where a draw can
        // underflow to 0 (see beta()).
        const PortableRandom::GammaShape shape_total(repeat_purchases * sp.p);
        if (shape_q.shape >= 0.0625 && shape_total.shape >= 0.0625) {
          const double nu = rng.gamma(shape_q) / sp.v;
          monetary = rng.gamma(shape_total) / nu / x;
        } else {
          const double log_nu = rng.log_gamma(shape_q) - portable_log(sp.v);
          monetary = portable_exp(rng.log_gamma(shape_total) - log_nu - portable_log(x));
        }
      }
      out.monetary[i] = monetary;
    }
  }
  return out;
}

}  // namespace orderlens::clv
