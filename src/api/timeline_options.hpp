// The options the KPI table, the cohorts and the channel report share: the period and the
// export's date range ("period", "startDate", "endDate"), and a period written as text.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kpis/purchase_timeline.hpp"

namespace orderlens {

// Reads `key` into `o` when it is one of period / startDate / endDate (false otherwise).
// `periods` lists the period keys allowed.
bool read_timeline_option(const std::string& key, const nlohmann::json& v, TimelineOptions& o,
                          std::initializer_list<const char*> periods);
// Rejects a start after the end.
void check_timeline_options(const TimelineOptions& o);

// A period of `kind` from "2024-03" (month), "2024-W09" (ISO week) or a date in it; nullopt
// for anything else, or a month / week label for the other kind.
std::optional<std::int32_t> parse_period_text(PeriodKind kind, const std::string& text);

}  // namespace orderlens
