// Options of the customer summary, as JSON: {"unit": "days" | "weeks", "endDate": "YYYY-MM-DD"}.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/customer_summary.hpp"

namespace orderlens {

// Throws IngestError(BadOption) naming the option.
SummaryOptions parse_summary_options(std::string_view json);

// One option's value, shared by every options object that has it (summary, CLV); throws
// IngestError(BadOption) "options.<key>: expected …".
TimeUnit parse_unit_option(const std::string& key, const nlohmann::json& value);
std::int32_t parse_date_option(const std::string& key, const nlohmann::json& value);  // days since 1970-01-01

}  // namespace orderlens
