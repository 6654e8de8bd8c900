// Recommendation options and results as JSON (recommend/recommend.hpp has the definitions),
// shared by the WASM bindings, the native tool and the tests.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "recommend/recommend.hpp"

namespace orderlens {

// {"topN" (10), "endDate" | "calibrationEnd" ("YYYY-MM-DD"; calibrationEnd adds the holdout
//  evaluation), "minCount" (2), "shrinkage" (5), "neighbours" (10), "popularityWeight" (10), "recentDays" (90),
//  "reorder": {"minCustomers" (3), "minShare" (0.25)}, "segment": "pack" | "pack.group",
//  "rules": custom segments (segments/rules.hpp)}. Throws IngestError(BadOption) naming the option.
recommend::RecommendOptions parse_recommend_options(std::string_view json);

// Everything but the lists: {endDate, calibration, topN, recentDays, segment, groups, model:
// {coPurchasePairs, sequencePairs, consumables, contentAttribute}, reasons: {key: {en, ko}},
// customerCount, evaluation: null | {calibrationEnd, holdoutEnd, pack, groups: [{key, customers,
// at5: {recommender: {hitRate, precision, recall, coverage}, baseline: {...}}, at10}]}, notes}.
nlohmann::ordered_json recommend_json_head(const recommend::RecommendResult& result);

// The head plus customers: [{id, email, group?, recommendations: [{product, name, score, reason,
// because, intervalDays, daysSince, text: {en, ko}}]}] (the native tool's output).
nlohmann::ordered_json recommend_json(const Dataset& dataset, const recommend::RecommendResult& result);

}  // namespace orderlens
