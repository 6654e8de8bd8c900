// The data-readiness report as JSON: {measures, analyses: [{analysis, ready, checks}]}, and one
// analysis's verdict ({ready, checks}) for the result it belongs to.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kpis/readiness.hpp"

namespace orderlens {

nlohmann::ordered_json readiness_json(const Readiness& readiness);
nlohmann::ordered_json analysis_readiness_json(const Readiness& readiness, std::string_view analysis);

// The whole report of `dataset` (and `events`) for options {"startDate", "endDate"}.
std::string readiness_report(const Dataset& dataset, std::string_view options_json, const EventLog* events);

}  // namespace orderlens
