// The channel report (CAC vs LTV) as JSON (docs/kpis.md). Options: {"period": "month"|"week",
// "startDate", "endDate", "spend": [{"channel", "period"?, "amount"}], "margin": 0..1,
// "predictClv": true|false, "clv": {CLV options, api/clv_json.hpp}}.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kpis/channels.hpp"
#include "kpis/readiness.hpp"

namespace orderlens {

ChannelOptions parse_channel_options(std::string_view json);
nlohmann::ordered_json channel_report_json(const ChannelReport& report, const Readiness& readiness);
std::string channels_report(const Dataset& dataset, std::string_view options_json, const EventLog* events = nullptr);

}  // namespace orderlens
