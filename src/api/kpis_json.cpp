#include "api/kpis_json.hpp"

#include "api/analysis_options.hpp"
#include "api/optional_json.hpp"
#include "api/readiness_json.hpp"
#include "api/timeline_options.hpp"
#include "ingest/ingest_error.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

using nlohmann::ordered_json;

namespace {

ordered_json metrics_json() {
  ordered_json list = ordered_json::array();
  for (std::size_t m = 0; m < kKpiMetricCount; ++m) {
    const KpiMetricInfo& info = kpi_metric_info(static_cast<KpiMetric>(m));
    list.push_back({{"key", info.key},
                    {"en", info.en},
                    {"ko", info.ko},
                    {"higherIsBetter", info.higher_is_better},
                    {"needsEvents", info.needs_events}});
  }
  return list;
}

ordered_json actions_json(const std::vector<KpiAction>& actions) {
  ordered_json list = ordered_json::array();
  for (const KpiAction& a : actions)
    list.push_back({{"metric", kpi_metric_info(a.rule->metric).key},
                    {"action", a.rule->action},
                    {"change", a.relative_change},
                    {"en", a.rule->en},
                    {"ko", a.rule->ko}});
  return list;
}

ordered_json period_json(const KpiTable& table, const KpiPeriod& row) {
  ordered_json j;
  j["period"] = period_label(table.range.kind, row.period);
  j["start"] = format_iso_date(row.first_day);
  j["end"] = format_iso_date(row.last_day);
  j["partial"] = row.partial;
  j["visitorCoverage"] = coverage_key(row.visitors);
  ordered_json values;
  for (std::size_t m = 0; m < kKpiMetricCount; ++m) values[std::string(kpi_metric_info(static_cast<KpiMetric>(m)).key)] = optional_number(row.values[m]);
  j["values"] = std::move(values);
  j["compared"] = not_compared_key(row.compared);
  ordered_json deltas;
  if (row.compared == NotCompared::Compared) {
    for (std::size_t m = 0; m < kKpiMetricCount; ++m) {
      const KpiDelta& d = row.deltas[m];
      if (!d.absolute) continue;
      deltas[std::string(kpi_metric_info(static_cast<KpiMetric>(m)).key)] = {{"absolute", *d.absolute},
                                                                              {"relative", optional_number(d.relative)}};
    }
  }
  j["deltas"] = deltas.is_null() ? ordered_json::object() : std::move(deltas);
  if (row.revenue_change) {
    const RevenueChange& c = *row.revenue_change;
    ordered_json drivers = ordered_json::array();
    for (std::size_t i = 0; i < c.drivers.size(); ++i)
      drivers.push_back({{"metric", kpi_metric_info(c.drivers[i]).key},
                         {"contribution", c.contributions ? ordered_json((*c.contributions)[i]) : ordered_json()}});
    j["revenueChange"] = {{"change", c.change}, {"split", c.contributions.has_value()}, {"drivers", std::move(drivers)}};
  } else {
    j["revenueChange"] = nullptr;
  }
  j["actions"] = actions_json(row.actions);
  return j;
}

}  // namespace

KpiOptions parse_kpi_options(std::string_view text) {
  KpiOptions o;
  const nlohmann::json j = analysis_options_object(text, "kpis");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null() || read_timeline_option(key, v, o.timeline, {"month", "week", "day"})) continue;
    if (key == "dropThreshold") {
      o.drop_threshold = number_option(key, v, 0, 1, "a share from 0 to 1 (0.05: a fall of 5% or more)");
    } else {
      throw IngestError(IngestErrorCode::BadOption,
                        "options." + key + ": unknown option; expected period, startDate, endDate or dropThreshold");
    }
  }
  check_timeline_options(o.timeline);
  return o;
}

ordered_json kpi_table_json(const KpiTable& table, const Readiness& readiness) {
  ordered_json j;
  j["period"] = period_kind_key(table.range.kind);
  j["firstDate"] = table.range.size() ? ordered_json(format_iso_date(table.first_day)) : ordered_json();
  j["lastDate"] = table.range.size() ? ordered_json(format_iso_date(table.last_day)) : ordered_json();
  j["hasEvents"] = table.has_events;
  j["eventsFirstDate"] = table.events_first_day ? ordered_json(format_iso_date(*table.events_first_day)) : ordered_json();
  j["eventsLastDate"] = table.events_last_day ? ordered_json(format_iso_date(*table.events_last_day)) : ordered_json();
  j["ordersOutside"] = table.orders_outside;
  j["dropThreshold"] = table.options.drop_threshold;
  j["metrics"] = metrics_json();
  ordered_json periods = ordered_json::array();
  for (const KpiPeriod& row : table.periods) periods.push_back(period_json(table, row));
  j["periods"] = std::move(periods);
  j["latest"] = table.latest_compared ? ordered_json(*table.latest_compared) : ordered_json();
  j["actions"] = table.latest_compared ? actions_json(table.periods[*table.latest_compared].actions) : ordered_json::array();
  j["readiness"] = analysis_readiness_json(readiness, "kpis");
  return j;
}

std::string kpis_report(const Dataset& ds, std::string_view options_json, const EventLog* events) {
  const KpiOptions options = parse_kpi_options(options_json);
  const PurchaseTimeline timeline = purchase_timeline(ds, options.timeline);
  const KpiTable table = kpi_table(ds, timeline, options, events);
  const Readiness readiness = data_readiness(ds, timeline, events);
  return kpi_table_json(table, readiness).dump();
}

}  // namespace orderlens
