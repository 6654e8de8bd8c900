// Customers in ascending order of a value, with the runs of equal values marked: the shared first
// step of quintile scores (RFM) and mid-rank percentiles (tiers). Sorting (value, row) pairs
// rather than row indices keeps the comparisons in cache: several times faster on 250k customers
// than an index sort that looks every value up.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace orderlens::segments {

using ValueRow = std::pair<double, std::uint32_t>;

// Ascending by value, then row. Whole numbers in a range no wider than a few times the count
// (purchases, days since the last purchase) go through a counting sort: O(n), no comparisons.
inline std::vector<ValueRow> ascending(std::span<const double> values) {
  const std::size_t n = values.size();
  std::vector<ValueRow> order(n);
  if (n == 0) return order;
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  const double span = *high - *low;
  const bool whole = span <= 4.0 * static_cast<double>(n) + 1024 &&
                     std::all_of(values.begin(), values.end(), [](double v) { return v == static_cast<double>(static_cast<std::int64_t>(v)); });
  if (!whole) {
    for (std::size_t i = 0; i < n; ++i) order[i] = {values[i], static_cast<std::uint32_t>(i)};
    std::sort(order.begin(), order.end());
    return order;
  }
  const double base = *low;
  std::vector<std::uint32_t> start(static_cast<std::size_t>(span) + 2, 0);
  for (double v : values) ++start[static_cast<std::size_t>(v - base) + 1];
  for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
  for (std::size_t i = 0; i < n; ++i) order[start[static_cast<std::size_t>(values[i] - base)]++] = {values[i], static_cast<std::uint32_t>(i)};
  return order;
}

// f(first, last): every run [first, last) of equal values of `order`, in ascending order.
template <typename F>
void for_each_tie(const std::vector<ValueRow>& order, F&& f) {
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && order[j].first == order[i].first) ++j;
    f(i, j);
    i = j;
  }
}

}  // namespace orderlens::segments
