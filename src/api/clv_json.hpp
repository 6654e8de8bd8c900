// CLV options and results as JSON, shared by the WASM bindings, the native report tool and the
// tests. Per-customer predictions travel as typed arrays (bindings) or as customer objects
// (native tool); this is everything else: fits, the sufficiency gate, totals, the holdout.
#pragma once

#include <climits>
#include <cstdint>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "clv/clv_analysis.hpp"

namespace orderlens {

// {"model": "bgnbd"|"mbgnbd"|"pnbd", "spend": "gg"|"none", "unit": "days"|"weeks",
//  "endDate", "calibrationEnd", "penalizer", "horizonMonths", "monthlyDiscountRate", "margin",
//  "churnWindowDays", "lifespanYears"}; throws IngestError(BadOption) naming the option.
clv::ClvOptions parse_clv_options(std::string_view json);

nlohmann::ordered_json transaction_fit_json(const clv::TransactionFit& fit);
nlohmann::ordered_json spend_fit_json(const clv::SpendFit& fit);
nlohmann::ordered_json clv_json(const clv::ClvAnalysis& analysis, const clv::ClvOptions& options);
nlohmann::ordered_json clv_arrays_json(const clv::ArrayClvResult& result, const clv::ClvOptions& options);

// The day of customer i's expected next order (median), none when no purchase is expected or
// it is more than a century away.
std::optional<std::int32_t> next_order_day(const clv::ClvAnalysis& analysis, std::size_t i);
inline constexpr std::int32_t kNoDay = INT32_MIN;

// Per-customer predictions, one object per summarized customer (the native tool's output).
nlohmann::ordered_json clv_customers_json(const Dataset& ds, const clv::ClvAnalysis& analysis);

}  // namespace orderlens
