// Is there enough data for each analysis to be trusted? The measures commercial tools gate on
// (customers who ordered, days of history, repeat customers, orders in the last 30 days), plus
// what the KPI table, cohorts and channels need (complete months, channel values, an events
// file). Every analysis still runs; the report says which results are too thin and why, in
// English and Korean. The CLV checks use the CLV gate's own thresholds (clv/sufficiency.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events/event_log.hpp"
#include "kpis/purchase_timeline.hpp"
#include "model/dataset.hpp"

namespace orderlens {

struct ReadinessMeasures {
  double customers = 0;         // with a purchase up to the last day
  double history_days = 0;      // first to last day, inclusive
  double repeat_customers = 0;  // with two or more purchases
  double repeat_share = 0;
  double customers_three_days = 0;  // who bought on three or more days (the CLV gate)
  double orders_last_30_days = 0;
  double complete_months = 0;
  double channel_known_share = 0;  // customers whose first order names a channel
  double channels = 0;             // distinct channels of first orders (normalized names)
  bool has_events = false;
};

struct ReadinessCheck {
  std::string key;
  double value = 0;
  double required = 0;
  bool passed = false;
  std::string_view en, ko;  // what a failure means
};

struct AnalysisReadiness {
  std::string_view analysis;  // "kpis", "cohorts", "channels", "segments", "funnel", "clv"
  bool ready = false;
  std::vector<ReadinessCheck> checks;
};

struct Readiness {
  ReadinessMeasures measures;
  std::vector<AnalysisReadiness> analyses;
  const AnalysisReadiness* find(std::string_view analysis) const;
};

// On the date range of `timeline` (cut again by month when it is cut otherwise: the measures
// count calendar months).
Readiness data_readiness(const Dataset& dataset, const PurchaseTimeline& timeline, const EventLog* events);
Readiness data_readiness(const Dataset& dataset, const EventLog* events);

}  // namespace orderlens
