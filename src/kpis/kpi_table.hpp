// The KPI table: one row per period of the export (month by default) with the shop's KPIs, the
// change against the previous period, revenue's change split by driver, and the playbook's
// action for each driver that fell. Definitions: docs/kpis.md.
//
// A period the data do not cover completely (the first and the last of an export, usually) is
// flagged partial and not compared: its change would be an artefact of the cut. Visitor KPIs
// need an events file; a period the events file covers only in part has visitor KPIs, flagged,
// but they are not compared either.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "events/event_log.hpp"
#include "kpis/kpi_actions.hpp"
#include "kpis/kpi_metric.hpp"
#include "kpis/purchase_timeline.hpp"
#include "model/dataset.hpp"

namespace orderlens {

struct KpiOptions {
  TimelineOptions timeline;
  double drop_threshold = 0.05;  // a fall of at least 5% triggers the driver's action
};

enum class Coverage : std::uint8_t { None, Partial, Full };
std::string_view coverage_key(Coverage c);  // "none", "partial", "full"

// Why a period is not compared with the one before.
enum class NotCompared : std::uint8_t { Compared, FirstPeriod, PartialPeriod, PreviousPartial };
std::string_view not_compared_key(NotCompared n);

struct KpiDelta {
  std::optional<double> absolute;  // this - previous
  std::optional<double> relative;  // (this - previous) / previous; absent when previous is 0
};

struct RevenueChange {
  std::vector<KpiMetric> drivers;  // whose product is revenue
  double change = 0;               // revenue - previous revenue
  std::optional<std::vector<double>> contributions;  // per driver; absent when a value is not positive
};

struct KpiAction {
  const KpiActionRule* rule = nullptr;
  double relative_change = 0;  // the driver's fall (negative)
};

struct KpiPeriod {
  std::int32_t period = 0;  // absolute period number (kpis/period.hpp)
  std::int32_t first_day = 0, last_day = 0;
  bool partial = false;
  Coverage visitors = Coverage::None;
  KpiValues values{};
  NotCompared compared = NotCompared::FirstPeriod;
  std::array<KpiDelta, kKpiMetricCount> deltas{};
  std::optional<RevenueChange> revenue_change;
  std::vector<KpiAction> actions;
};

struct KpiTable {
  KpiOptions options;
  PeriodRange range;
  std::int32_t first_day = 0, last_day = -1;
  bool has_events = false;
  std::optional<std::int32_t> events_first_day, events_last_day;
  std::uint64_t orders_outside = 0;
  std::vector<KpiPeriod> periods;
  // The last period compared with its previous one (the row whose actions matter now).
  std::optional<std::size_t> latest_compared;
};

KpiTable kpi_table(const Dataset& dataset, const KpiOptions& options, const EventLog* events = nullptr);

// The KPI table on a timeline already built with options.timeline.
KpiTable kpi_table(const Dataset& dataset, const PurchaseTimeline& timeline, const KpiOptions& options,
                   const EventLog* events);

}  // namespace orderlens
