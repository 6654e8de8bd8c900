// The playbook's month-over-month rules, in one table: when a driver falls by at least the
// threshold against the previous complete period, the shop is told what to do about it.
#pragma once

#include <span>
#include <string_view>

#include "kpis/kpi_metric.hpp"

namespace orderlens {

struct KpiActionRule {
  KpiMetric metric;         // the driver that fell
  std::string_view action;  // stable key
  std::string_view en, ko;  // what to do
  bool only_without_visitors = false;  // a stand-in for a visitor KPI when visitors cannot be compared
};

std::span<const KpiActionRule> kpi_action_rules();

}  // namespace orderlens
