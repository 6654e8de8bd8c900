// Cohort tables as JSON (docs/kpis.md). Options: {"period": "month"|"week", "by":
// "firstPeriod"|"firstProduct"|"firstChannel"|"firstCoupon", "maxCohorts", "maxAge",
// "startDate", "endDate"}.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kpis/cohorts.hpp"
#include "kpis/readiness.hpp"

namespace orderlens {

CohortOptions parse_cohort_options(std::string_view json);
nlohmann::ordered_json cohort_table_json(const CohortTable& table, const Readiness& readiness);
std::string cohorts_report(const Dataset& dataset, std::string_view options_json);

}  // namespace orderlens
