#include "segments/cycle.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "segments/group_catalog.hpp"
#include "util/civil_date.hpp"

namespace orderlens::segments {

double median_of(std::span<double> values) {
  const std::size_t n = values.size();
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(values.begin(), mid, values.end());
  if (n % 2) return *mid;
  const double upper = *mid;
  const double lower = *std::max_element(values.begin(), mid);
  return (lower + upper) / 2;
}

PackResult cycle_pack(const CustomerBase& base, const CycleOptions& options) {
  enum { Due, NotDue };
  const std::size_t n = base.size();
  PackResult pack;
  pack.key = "cycle";
  pack.groups = catalog_groups(CatalogPack::Cycle);

  std::vector<double> gaps;
  gaps.reserve(base.summary.purchase_days.size());
  for (std::size_t r = 0; r < n; ++r) {
    const auto days = base.purchase_days(r);
    for (std::size_t k = 1; k < days.size(); ++k) gaps.push_back(days[k] - days[k - 1]);
  }
  std::optional<double> fixed;
  if (options.cutoff_days) fixed = *options.cutoff_days;
  if (options.cutoff_months) fixed = base.end_day - months_before(base.end_day, *options.cutoff_months);
  const std::size_t pooled_gaps = gaps.size();
  const std::optional<double> shop_cycle = gaps.empty() ? std::nullopt : std::optional<double>(median_of(gaps));

  pack.group_of.assign(n, NotDue);
  MemberColumn cycle{"cycleDays", std::vector<double>(n, NAN)}, due_in{"dueInDays", std::vector<double>(n, NAN)};
  std::size_t own_cycles = 0;
  std::vector<double> own;
  for (std::size_t r = 0; r < n; ++r) {
    std::optional<double> c = fixed ? fixed : shop_cycle;
    const auto days = base.purchase_days(r);
    if (!fixed && days.size() >= 3) {
      own.clear();
      for (std::size_t k = 1; k < days.size(); ++k) own.push_back(days[k] - days[k - 1]);
      c = median_of(own);
      ++own_cycles;
    }
    if (!c) continue;  // no cycle to compare with: not due
    cycle.values[r] = *c;
    due_in.values[r] = *c - base.recency_days[r];
    if (base.recency_days[r] > *c) pack.group_of[r] = Due;
  }
  pack.columns = {std::move(cycle), std::move(due_in)};
  if (fixed) {
    pack.details["cutoffDays"] = *fixed;
    if (options.cutoff_months) pack.details["cutoffMonths"] = *options.cutoff_months;
  } else {
    pack.details["shopCycleDays"] = shop_cycle ? nlohmann::ordered_json(*shop_cycle) : nlohmann::ordered_json();
    pack.details["gaps"] = pooled_gaps;
    pack.details["customersWithOwnCycle"] = own_cycles;
    if (!shop_cycle)
      pack.notes.push_back("No customer bought on two different days, so the shop has no purchase cycle and nobody is "
                           "due; set a cutoff (cycle.cutoffDays or cycle.cutoffMonths) instead.");
  }
  tally_customers(pack, base);
  return pack;
}

}  // namespace orderlens::segments
