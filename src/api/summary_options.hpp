// Options of the customer summary, as JSON: {"unit": "days" | "weeks", "endDate": "YYYY-MM-DD"}.
#pragma once

#include <string_view>

#include "model/customer_summary.hpp"

namespace orderlens {

// Throws IngestError(BadOption) naming the option.
SummaryOptions parse_summary_options(std::string_view json);

}  // namespace orderlens
