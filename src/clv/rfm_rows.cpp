#include "clv/rfm_rows.hpp"

#include <algorithm>
#include <cstring>
#include <cmath>
#include <stdexcept>
#include <string>

#include <tsl/robin_map.h>

#include "util/hash.hpp"

namespace orderlens::clv {

namespace {

struct TripleKey {
  std::uint64_t a, b, c;
  bool operator==(const TripleKey&) const = default;
};
struct TripleHash {
  std::size_t operator()(const TripleKey& k) const { return static_cast<std::size_t>(hash64(&k, sizeof k)); }
};

// The bits of a double, with -0 as +0 (Emscripten 3.1.6's libc++ has no std::bit_cast).
std::uint64_t bits(double v) {
  if (v == 0) v = 0.0;
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

std::string at(std::size_t i) { return "customer " + std::to_string(i) + ": "; }

// Numbers the distinct values of `values`; returns the sorted distinct values and rewrites
// each entry's index through `index_of`.
std::vector<double> distinct_sorted(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

std::uint32_t index_in(const std::vector<double>& sorted, double v) {
  return static_cast<std::uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin());
}

}  // namespace

RfmRows compress_rfm(std::span<const double> frequency, std::span<const double> recency, std::span<const double> T,
                     std::vector<std::uint32_t>* row_of) {
  if (frequency.size() != recency.size() || frequency.size() != T.size())
    throw std::invalid_argument("frequency, recency and T must have the same length");
  struct Unique {
    double x, tx, T, weight;
  };
  std::vector<Unique> unique;
  tsl::robin_map<TripleKey, std::uint32_t, TripleHash> slot;
  if (row_of) {
    row_of->clear();
    row_of->reserve(frequency.size());
  }
  for (std::size_t i = 0; i < frequency.size(); ++i) {
    const double x = frequency[i], tx = recency[i], t = T[i];
    if (!std::isfinite(x) || !std::isfinite(tx) || !std::isfinite(t))
      throw std::invalid_argument(at(i) + "frequency, recency and T must be finite numbers");
    if (x < 0 || x != std::floor(x)) throw std::invalid_argument(at(i) + "frequency must be a whole number >= 0, got " + std::to_string(x));
    if (tx < 0 || tx > t)
      throw std::invalid_argument(at(i) + "recency must be between 0 and T, got recency " + std::to_string(tx) + " and T " + std::to_string(t));
    if (x == 0 && tx != 0) throw std::invalid_argument(at(i) + "recency must be 0 when frequency is 0");
    auto [it, inserted] = slot.try_emplace(TripleKey{bits(x), bits(tx), bits(t)}, static_cast<std::uint32_t>(unique.size()));
    if (inserted) unique.push_back({x, tx, t, 0});
    unique[it->second].weight += 1;
    if (row_of) row_of->push_back(it->second);
  }
  RfmRows rows;
  std::vector<double> xs, ts;
  xs.reserve(unique.size());
  ts.reserve(2 * unique.size());
  for (const Unique& u : unique) {
    xs.push_back(u.x);
    ts.push_back(u.tx);
    ts.push_back(u.T);
  }
  rows.x_values = distinct_sorted(std::move(xs));
  rows.t_values = distinct_sorted(std::move(ts));
  rows.rows.reserve(unique.size());
  for (const Unique& u : unique)
    rows.rows.push_back({index_in(rows.x_values, u.x), index_in(rows.t_values, u.tx), index_in(rows.t_values, u.T), u.weight});
  rows.customers = static_cast<double>(frequency.size());
  return rows;
}

SpendRows compress_spend(std::span<const double> frequency, std::span<const double> monetary) {
  if (frequency.size() != monetary.size()) throw std::invalid_argument("frequency and monetary must have the same length");
  SpendRows rows;
  tsl::robin_map<TripleKey, std::uint32_t, TripleHash> slot;
  for (std::size_t i = 0; i < frequency.size(); ++i) {
    const double x = frequency[i], m = monetary[i];
    if (!(x > 0)) continue;
    if (!std::isfinite(m)) throw std::invalid_argument(at(i) + "monetary value must be a finite number");
    if (m <= 0) {
      ++rows.excluded_non_positive;
      continue;
    }
    auto [it, inserted] = slot.try_emplace(TripleKey{bits(x), bits(m), 0}, static_cast<std::uint32_t>(rows.x.size()));
    if (inserted) {
      rows.x.push_back(x);
      rows.spend.push_back(m);
      rows.weight.push_back(0);
    }
    rows.weight[it->second] += 1;
    rows.customers += 1;
  }
  return rows;
}

}  // namespace orderlens::clv
