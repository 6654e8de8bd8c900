// Simulated customer populations drawn from known model parameters: for parameter-recovery
// tests, for checking predictions against their own generative story, and for demo data.
//
// The generative processes (time 0 = the first purchase, which is not counted):
//   every model: purchase rate λ ~ Gamma(shape r, rate α); while alive, purchases arrive as a
//                Poisson process with rate λ.
//   BG/NBD:      p ~ Beta(a, b); after each repeat purchase the customer drops out with
//                probability p.
//   MBG/NBD:     the same, plus a dropout chance p right at time 0.
//   Pareto/NBD:  μ ~ Gamma(shape s, rate β); the lifetime is Exponential(μ).
//   Gamma-Gamma: ν ~ Gamma(shape q, rate v); each repeat purchase's value ~ Gamma(shape p, rate ν).
// frequency x = repeat purchases in (0, T], recency = the time of the last one (0 if none),
// monetary = the mean value of the repeat purchases (0 when x = 0).
//
// The random numbers are the same on every platform: the C++ <random> distributions' algorithms
// are implementation-defined (libstdc++ and libc++ may turn the same engine output into different
// gamma or normal draws), and the C library's log and exp may differ in the last bit between glibc (which picks
// an FMA build at run time on CPUs that have it) and musl (the WebAssembly build). So the
// generator (xoshiro256**, seeded through splitmix64), the distributions and the log and exp
// they need are written here from IEEE arithmetic alone (+ − × ÷ √, floor, ldexp and bit
// manipulation), which every conforming platform rounds identically; simulate.cpp also stops the
// compiler from fusing a·b + c into one FMA instruction. (Checked: native g++ and clang, with and
// without -march=native, and em++/node produce bit-identical populations.)
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "clv/models.hpp"

namespace orderlens::clv {

struct SimulationOptions {
  std::uint64_t seed = 1;
  std::size_t customers = 1000;
  double min_T = 26, max_T = 52;  // each customer's observation length T, uniform in [min_T, max_T]
  // Times in days, summarized by day like real exports: T a whole number of days (uniform over
  // the whole numbers in [min_T, max_T]), purchase times floored to whole days and purchases on
  // the same day merged (those on day 0 into the first purchase); frequency = distinct purchase
  // days after the first, recency = the last purchase day, and with spend, each day's purchases
  // summed into one value (monetary = the mean of the repeat days' values).
  bool whole_days = false;
  std::optional<SpendParams> spend;  // when set, also simulate monetary
};

// One entry per customer; monetary is empty unless SimulationOptions::spend was set.
struct SimulatedCustomers {
  std::vector<double> frequency, recency, T, monetary;
};

// Customer i's draws come from its own generator, seeded from (seed, i): the first n customers
// of a larger population are the population of n, and simulating spend does not change the
// frequency, recency and T drawn. Throws std::invalid_argument for parameters that are not
// finite and positive (the ones the model uses), min_T < 0, min_T > max_T, no whole number in
// [min_T, max_T] with whole_days, and for a customer who makes more than
// kMaxSimulatedPurchases purchases (a safety stop against parameters implying absurd purchase
// rates, which would otherwise run for hours, or forever once the gaps between purchases fall
// below the precision of t; it is never reached by plausible parameters).
SimulatedCustomers simulate_customers(const TransactionParams& params, const SimulationOptions& options);

// Purchases (including same-day ones merged later) one customer may make before
// simulate_customers gives up: about 1.5 seconds of simulation for that customer alone, and
// some 90,000 purchases a day for 3 years; a real population's heaviest buyer is far below it.
inline constexpr std::uint64_t kMaxSimulatedPurchases = 100'000'000;

// ---------------------------------------------------------------------------------------------
// The portable random numbers behind the simulation, exposed for tests.

// ln x, e^x and ln(1 + x) from IEEE arithmetic alone, within a few ulp of the exact values (of
// glibc's: log and exp 2, log1p 4 at worst over 20 million arguments); ln of 0 is −∞, of a
// negative number or NaN NaN; e^x under/overflows to 0 / ∞.
double portable_log(double x);
double portable_exp(double x);
double portable_log1p(double x);  // ln(1 + x), accurate for small x

// splitmix64 (Steele, Lea & Flood 2014): advances `state` by the golden-ratio increment and
// returns its mix. Used to expand seeds into generator states.
std::uint64_t splitmix64(std::uint64_t& state);

class PortableRandom {
 public:
  using State = std::array<std::uint64_t, 4>;

  // The generator for stream `stream` of seed `seed`: its state is the outputs 4·stream + 1 …
  // 4·stream + 4 of a splitmix64 sequence that starts at the splitmix64 mix of `seed`.
  PortableRandom(std::uint64_t seed, std::uint64_t stream = 0);
  static PortableRandom from_state(const State& state);  // not all zero

  std::uint64_t next();  // xoshiro256** (Blackman & Vigna 2018)
  double uniform();      // in [0, 1), from the top 53 bits: a multiple of 2⁻⁵³
  double exponential();  // rate 1, by inversion
  double normal();       // standard, by Marsaglia's polar method (pairs; the second is kept)

  // A gamma shape > 0 with Marsaglia & Tsang's constants worked out once, for repeated draws.
  struct GammaShape {
    explicit GammaShape(double shape);
    double shape;
    bool boosted;  // shape < 1: drawn as Gamma(shape + 1) · U^(1/shape)
    double d, c;   // for shape, or shape + 1 when boosted
  };
  double gamma(const GammaShape& shape);      // rate 1, Marsaglia & Tsang (2000)
  double log_gamma(const GammaShape& shape);  // ln of such a draw, which cannot underflow
  // X / (X + Y) of two gamma draws; in log space when a shape is below 1/16, where a draw can
  // underflow to 0.
  double beta(const GammaShape& a, const GammaShape& b);
  double gamma(double shape) { return gamma(GammaShape(shape)); }
  double log_gamma(double shape) { return log_gamma(GammaShape(shape)); }
  double beta(double a, double b) { return beta(GammaShape(a), GammaShape(b)); }

 private:
  PortableRandom() = default;
  double marsaglia_tsang(double d, double c);  // a Gamma(d + 1/3) draw, c = 1/√(9d)
  State s_{};
  double spare_normal_ = 0;
  bool has_spare_normal_ = false;
};

}  // namespace orderlens::clv
