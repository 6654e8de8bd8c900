// Product affinity options and results as JSON (see segments/affinity.hpp for the definitions).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "segments/affinity.hpp"

namespace orderlens {

// {"level": "product"|"category", "minCount", "topN", "rankBy": "lift"|"confidence"|"count",
//  "endDate": "YYYY-MM-DD"}; null or absent keys keep their defaults. Throws
// IngestError(BadOption) naming the option and what it expects.
AffinityOptions parse_affinity_options(std::string_view json);

// {level, baskets, sequences, minCount, topN, rankBy, endDate, coPurchase: [rule], nextPurchase: [rule]}
// with rule = {antecedent: {key, name}, consequent: {key, name}, count, support, confidence, lift}.
// The options are echoed so a caller sees what the rules were filtered with.
// {level, baskets, sequences, minCount, topN, rankBy, endDate, coPurchase: [{antecedent: {key,
// name}, consequent, count, support, confidence, lift}], nextPurchase: [...]}: as text (fast, for
// the bindings) or as a JSON value.
std::string affinity_json_text(const AffinityResult& result);
nlohmann::ordered_json affinity_json(const AffinityResult& result);

}  // namespace orderlens
