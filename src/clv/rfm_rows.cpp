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

// The bits of a double, with -0 as +0 (Emscripten 3.1.6's libc++ has no std::bit_cast).
std::uint64_t bits(double v) {
  if (v == 0) v = 0.0;
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

std::string at(std::size_t i) { return "customer " + std::to_string(i) + ": "; }

// Numbers distinct values in order of appearance.
class ValueNumbering {
 public:
  std::uint32_t index_of(double v) {
    auto [it, inserted] = index_.try_emplace(bits(v), static_cast<std::uint32_t>(values_.size()));
    if (inserted) values_.push_back(v == 0 ? 0.0 : v);
    return it->second;
  }
  std::size_t size() const { return values_.size(); }
  // The values ascending, and for each number its position among them.
  std::vector<double> sorted(std::vector<std::uint32_t>& position) const {
    std::vector<std::uint32_t> order(values_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return values_[a] < values_[b]; });
    std::vector<double> out(values_.size());
    position.resize(values_.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) {
      out[k] = values_[order[k]];
      position[order[k]] = k;
    }
    return out;
  }

 private:
  tsl::robin_map<std::uint64_t, std::uint32_t, Mix64Hash> index_;
  std::vector<double> values_;
};

// A row key packs the numbers of x (20 bits) and of t_x and T (22 bits each) into 64 bits: one
// integer hash per customer instead of hashing three doubles.
constexpr std::size_t kMaxDistinctX = std::size_t{1} << 20;
constexpr std::size_t kMaxDistinctT = std::size_t{1} << 22;

}  // namespace

RfmRows compress_rfm(std::span<const double> frequency, std::span<const double> recency, std::span<const double> T,
                     std::vector<std::uint32_t>* row_of) {
  if (frequency.size() != recency.size() || frequency.size() != T.size())
    throw std::invalid_argument("frequency, recency and T must have the same length");
  ValueNumbering xs, ts;
  std::vector<std::uint64_t> keys;  // of the distinct rows, in order of appearance
  std::vector<double> weights;
  tsl::robin_map<std::uint64_t, std::uint32_t, Mix64Hash> slot;
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
    const std::uint64_t key = (std::uint64_t{xs.index_of(x)} << 44) | (std::uint64_t{ts.index_of(tx)} << 22) | ts.index_of(t);
    if (xs.size() > kMaxDistinctX || ts.size() > kMaxDistinctT)
      throw std::invalid_argument("more than 1,048,576 distinct frequencies or 4,194,304 distinct recency and T values");
    auto [it, inserted] = slot.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
    if (inserted) {
      keys.push_back(key);
      weights.push_back(0);
    }
    weights[it->second] += 1;
    if (row_of) row_of->push_back(it->second);
  }
  RfmRows rows;
  std::vector<std::uint32_t> x_position, t_position;
  rows.x_values = xs.sorted(x_position);
  rows.t_values = ts.sorted(t_position);
  rows.rows.reserve(keys.size());
  const std::uint64_t mask = kMaxDistinctT - 1;
  for (std::size_t k = 0; k < keys.size(); ++k)
    rows.rows.push_back({x_position[keys[k] >> 44], t_position[(keys[k] >> 22) & mask], t_position[keys[k] & mask], weights[k]});
  rows.customers = static_cast<double>(frequency.size());
  return rows;
}

SpendRows compress_spend(std::span<const double> frequency, std::span<const double> monetary) {
  if (frequency.size() != monetary.size()) throw std::invalid_argument("frequency and monetary must have the same length");
  struct Entry {
    double x, spend;
  };
  std::vector<Entry> entries;
  SpendRows rows;
  for (std::size_t i = 0; i < frequency.size(); ++i) {
    const double x = frequency[i], m = monetary[i];
    if (!(x > 0)) continue;
    if (!std::isfinite(m)) throw std::invalid_argument(at(i) + "monetary value must be a finite number");
    if (m <= 0) {
      ++rows.excluded_non_positive;
      continue;
    }
    entries.push_back({x, m});
  }
  // Sorting makes equal (x, spend) adjacent (compression) and groups rows by x.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.x != b.x ? a.x < b.x : a.spend < b.spend; });
  for (const Entry& e : entries) rows.add(e.x, e.spend, 1);
  rows.finish();
  return rows;
}

void SpendRows::add(double xi, double spend_i, double w) {
  const bool new_x = x.empty() || x.back() != xi;
  if (new_x) {
    group_start.push_back(x.size());
    group_weight.push_back(0);
    group_log_spend.push_back(0);
  }
  if (new_x || spend.back() != spend_i) {
    x.push_back(xi);
    spend.push_back(spend_i);
    weight.push_back(0);
  }
  weight.back() += w;
  group_weight.back() += w;
  group_log_spend.back() += w * std::log(spend_i);
  customers += w;
}

}  // namespace orderlens::clv
