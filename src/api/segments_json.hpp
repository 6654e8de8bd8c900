// Segmentation options and results as JSON, shared by the WASM bindings, the native tool and
// the tests. Per-member groups and columns travel separately (typed arrays in the bindings).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "segments/segmentation.hpp"

namespace orderlens {

// {"endDate", "packs": [...], "rfm": {"scheme": "rf_grid"|"shopify", "frequencyScores":
//  "auto"|"quintile"|"absolute"}, "cycle": {"cutoffDays" | "cutoffMonths"}, "tiers":
//  {"revenueWeight"}, "crossSell": {"a": {"sku"|"name"|"category": ...}, "b": {...}, "months"},
//  "rules": {...} (segments/rules.hpp), "minSize", "clv": {CLV options}, "affinity": true or
//  {affinity options} (computed once, reported as "affinity", and the source of cross-sell pairs)}.
// Throws IngestError(BadOption) naming the option (rules: the JSON pointer).
segments::SegmentationOptions parse_segmentation_options(std::string_view json);

// {endDate, customers, revenue, minSize, packs: [{key, population, members, details, notes,
//  columns, groups: [{key, name, campaign, members, customers, share, revenue, revenueShare,
//  orders, avgRecencyDays, small}]}], notes}.
// `with_affinity` false leaves the affinity out (the bindings send it as text: affinity_json_text).
nlohmann::ordered_json segmentation_json(const segments::Segmentation& result, bool with_affinity = true);

}  // namespace orderlens
