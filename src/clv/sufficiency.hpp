// Is there enough data for the CLV models to be trusted? The gate follows what commercial
// predictive-CLV tools require before they show predictions (Klaviyo's predictive analytics, for
// one: at least 500 customers who ordered, 180 days of order history, orders in the last 30 days,
// and some customers with three or more orders). The models still run when a check fails; the
// report says which and why, and the UI shows it next to the numbers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/customer_summary.hpp"
#include "model/dataset.hpp"

namespace orderlens::clv {

struct SufficiencyCheck {
  std::string key;      // customers, history_days, repeat_customers, recent_orders
  double value = 0;
  double required = 0;
  bool passed = false;
  std::string message;  // what it means when it fails
};

struct Sufficiency {
  bool sufficient = false;
  std::vector<SufficiencyCheck> checks;
};

struct SufficiencyThresholds {
  double customers = 500;
  double history_days = 180;
  double repeat_customers = 20;  // customers with purchases on 3 or more days
  double recent_orders = 1;      // purchases in the 30 days up to the end
};

Sufficiency check_sufficiency(const Dataset& dataset, const CustomerSummary& summary, const SufficiencyThresholds& t = {});

}  // namespace orderlens::clv
