#include "clv/holdout.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "clv/predict.hpp"

namespace orderlens::clv {

namespace {

constexpr int kLastBucket = 7;
constexpr std::uint32_t kNotInCohort = 0xFFFFFFFFu;

}  // namespace

HoldoutReport evaluate_holdout(const Dataset& ds, const CustomerSummary& cal, const TransactionParams& params, std::int32_t end_day) {
  HoldoutReport rep;
  rep.calibration_end = cal.end_day;
  rep.end = end_day;
  const double scale = 1.0 / days_per_unit(cal.unit);
  rep.length = (end_day - cal.end_day) * scale;

  // Each cohort customer's distinct purchase days up to the end.
  std::vector<std::uint32_t> member(ds.customers.size(), kNotInCohort);
  for (std::size_t i = 0; i < cal.size(); ++i) member[cal.customer[i]] = static_cast<std::uint32_t>(i);
  std::vector<std::pair<std::uint32_t, std::int32_t>> days;
  const OrdersTable& o = ds.orders;
  for (std::size_t k = 0; k < o.size(); ++k)
    if (o.counts_as_purchase(k) && o.day[k] <= end_day && member[o.customer[k]] != kNotInCohort)
      days.emplace_back(member[o.customer[k]], o.day[k]);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());

  std::vector<double> holdout_purchases(cal.size(), 0);
  std::map<std::int32_t, double> repeats_on_day;
  for (std::size_t j = 0; j < days.size(); ++j) {
    const bool first_of_customer = j == 0 || days[j - 1].first != days[j].first;
    if (first_of_customer) continue;
    repeats_on_day[days[j].second] += 1;
    if (days[j].second > cal.end_day) holdout_purchases[days[j].first] += 1;
  }

  rep.buckets.resize(kLastBucket + 1);
  for (int f = 0; f <= kLastBucket; ++f) rep.buckets[f].frequency = f;
  double abs_error = 0;
  for (std::size_t i = 0; i < cal.size(); ++i) {
    const double predicted = expected_purchases(params, cal.frequency[i], cal.recency[i], cal.T[i], rep.length);
    const double actual = holdout_purchases[i];
    HoldoutBucket& b = rep.buckets[std::min(static_cast<int>(cal.frequency[i]), kLastBucket)];
    b.customers += 1;
    b.actual += actual;
    b.predicted += predicted;
    rep.actual_total += actual;
    rep.predicted_total += predicted;
    abs_error += std::abs(predicted - actual);
  }
  for (HoldoutBucket& b : rep.buckets)
    if (b.customers > 0) b.actual /= b.customers, b.predicted /= b.customers;
  rep.customers = static_cast<double>(cal.size());
  rep.mean_absolute_error = cal.size() ? abs_error / cal.size() : 0;

  // Tracking: cumulative repeat purchases by week, and the expectation Σ_i E[X(day − first_i)].
  if (cal.size() == 0) return rep;
  std::map<std::int32_t, double> cohort_by_first_day;
  for (std::size_t i = 0; i < cal.size(); ++i) cohort_by_first_day[cal.first_day[i]] += 1;
  const std::int32_t start = cohort_by_first_day.begin()->first;
  auto next_repeat = repeats_on_day.begin();
  double actual = 0;
  for (int week = 1;; ++week) {
    const std::int32_t last = std::min<std::int32_t>(start + 7 * week - 1, end_day);
    for (; next_repeat != repeats_on_day.end() && next_repeat->first <= last; ++next_repeat) actual += next_repeat->second;
    double expected = 0;
    for (const auto& [first, count] : cohort_by_first_day)
      if (first < last) expected += count * expected_purchases(params, 0, 0, 0, (last - first) * scale);
    rep.tracking.push_back({week, last, actual, expected});
    if (last >= end_day) break;
  }
  return rep;
}

}  // namespace orderlens::clv
