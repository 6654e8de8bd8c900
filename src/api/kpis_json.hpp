// The KPI table as JSON (docs/kpis.md). Options:
// {"period": "month"|"week"|"day", "startDate", "endDate", "dropThreshold": 0..1}.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "events/event_log.hpp"
#include "kpis/kpi_table.hpp"
#include "kpis/readiness.hpp"

namespace orderlens {

// Throws IngestError(BadOption) naming the option.
KpiOptions parse_kpi_options(std::string_view json);

nlohmann::ordered_json kpi_table_json(const KpiTable& table, const Readiness& readiness);

// Options text in, result text out: the KPI table of `dataset` (with visitor KPIs from `events`
// when given) and its readiness verdict.
std::string kpis_report(const Dataset& dataset, std::string_view options_json, const EventLog* events);

}  // namespace orderlens
