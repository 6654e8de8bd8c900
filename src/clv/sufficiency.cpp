#include "clv/sufficiency.hpp"

#include <algorithm>

namespace orderlens::clv {

Sufficiency check_sufficiency(const Dataset& ds, const CustomerSummary& s, const SufficiencyThresholds& t) {
  double repeat = 0;
  std::int32_t first = s.end_day;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.frequency[i] >= 2) ++repeat;
    first = std::min(first, s.first_day[i]);
  }
  double recent = 0;
  for (std::size_t k = 0; k < ds.orders.size(); ++k)
    if (ds.orders.counts_as_purchase(k) && ds.orders.day[k] <= s.end_day && ds.orders.day[k] > s.end_day - 30) ++recent;
  const double history = s.size() ? static_cast<double>(s.end_day - first + 1) : 0.0;

  Sufficiency out;
  auto add = [&](const char* key, double value, double required, std::string message) {
    out.checks.push_back({key, value, required, value >= required, std::move(message)});
  };
  add("customers", static_cast<double>(s.size()), t.customers,
      "fewer customers with a purchase than the models need for stable estimates");
  add("history_days", history, t.history_days,
      "the order history is too short to tell a slow buyer from a lost one");
  add("repeat_customers", repeat, t.repeat_customers,
      "too few customers bought on three or more days: repeat behaviour cannot be estimated");
  add("recent_orders", recent, t.recent_orders,
      "no purchases in the last 30 days of the data: the export may be incomplete or the end date wrong");
  out.sufficient = std::all_of(out.checks.begin(), out.checks.end(), [](const SufficiencyCheck& c) { return c.passed; });
  return out;
}

}  // namespace orderlens::clv
