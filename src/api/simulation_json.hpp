// Options of the population simulator as JSON (for the bindings, benchmarks and demos):
// {"model": "bgnbd"|"mbgnbd"|"pnbd", "params": {"r", "alpha", "a", "b" | "s", "beta"},
//  "spend": {"p", "q", "v"} (optional), "customers", "seed", "minT", "maxT", "wholeDays"}.
#pragma once

#include <string_view>
#include <utility>

#include "clv/simulate.hpp"

namespace orderlens {

// Throws IngestError(BadOption) naming the option.
std::pair<clv::TransactionParams, clv::SimulationOptions> parse_simulation_options(std::string_view json);

}  // namespace orderlens
