// Custom segments from JSON rules (docs/segments.md has the full grammar):
//
//   {"minSize": 50,
//    "segments": [{"key": "vip_lapsing", "name": {"en": "...", "ko": "..."},
//                  "campaign": {"key": "win_back", "en": "...", "ko": "..."},
//                  "rule": {"all": [{"field": "revenue", "op": ">=", "value": 500000},
//                                   {"field": "recencyDays", "op": ">", "value": 90},
//                                   {"not": {"inSegment": "rfm.hibernating"}},
//                                   {"bought": {"category": "Skincare"}, "withinDays": 180},
//                                   {"neverBought": {"sku": "SET-01"}}]}}]}
//
// Conditions: all / any / not; a field compared with op (=, !=, <, <=, >, >=, between [lo, hi],
// in [...]) — numeric fields (orders, revenue, aov, items, products, recencyDays, tenureDays,
// r, f, m, pAlive, clv, expectedPurchases, churnProbability), dates (firstOrderDate,
// lastOrderDate as "YYYY-MM-DD") and channel (text: =, !=, in); membership of a built-in group
// ("pack.group"); bought / neverBought a product {"sku"}, {"name"} or category {"category"},
// optionally within the last n days. Segments are tried in order and a customer joins the first
// that matches (customers matching none are "other"), so the custom pack is a partition like
// the built-in ones. Every error names the JSON path (JSON Pointer) and what was expected.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clv/customer_predictions.hpp"
#include "segments/item_match.hpp"
#include "segments/pack.hpp"

namespace orderlens::segments {

struct Condition;

struct CustomSegment {
  GroupDefinition group;
  std::shared_ptr<const Condition> rule;
};

struct RuleSet {
  std::vector<CustomSegment> segments;
  std::optional<std::uint64_t> min_size;
  bool needs_clv = false;                 // a rule reads pAlive, clv, expectedPurchases or churnProbability
  std::set<std::string> packs_referenced;  // packs named by inSegment
};

// Throws IngestError(BadOption) "custom rules at <JSON pointer>: expected ..." on any mistake.
RuleSet parse_rules(const nlohmann::json& rules);

struct RuleContext {
  const CustomerBase& base;
  const std::vector<PackResult>& packs;              // the built-in packs computed
  const clv::CustomerPredictions* clv = nullptr;     // per customer row, when needs_clv
  // The funnel group of each customer row (of the first visitor joined to it; kNoFunnelGroup
  // for customers not in the events file), so rules can say "inSegment": "funnel.carted_not_bought".
  const std::vector<std::uint8_t>* funnel_group_of_row = nullptr;
};

inline constexpr std::uint8_t kNoFunnelGroup = 0xFF;

// Throws IngestError(BadOption) with the path when a rule names a pack or group that was not
// computed.
PackResult custom_pack(const RuleSet& rules, const RuleContext& context);

}  // namespace orderlens::segments
