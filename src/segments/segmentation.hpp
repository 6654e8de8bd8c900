// One segmentation run: the customer base at the end date, then the requested packs (all by
// default), the custom rules on top of them, and the small-segment check. The packs the rules
// refer to are computed even when not requested (and then not reported).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clv/clv_analysis.hpp"
#include "segments/affinity.hpp"
#include "segments/cross_sell.hpp"
#include "kpis/channels.hpp"
#include "kpis/readiness.hpp"
#include "segments/cycle.hpp"
#include "segments/economics.hpp"
#include "segments/funnel.hpp"
#include "segments/pack.hpp"
#include "segments/rfm.hpp"
#include "segments/rules.hpp"
#include "segments/tiers.hpp"

namespace orderlens::segments {

inline constexpr const char* kPackKeys[] = {"rfm", "repurchase", "funnel", "cycle", "crosssell", "tiers", "custom"};

struct SegmentationOptions {
  std::optional<std::int32_t> end_day;
  std::vector<std::string> packs;  // keys from kPackKeys; empty: every pack the inputs allow
  RfmOptions rfm;
  CycleOptions cycle;
  TierOptions tiers;
  std::optional<CrossSellOptions> cross_sell;  // without it: the best next-purchase pair A -> B (affinity)
  std::optional<RuleSet> rules;
  std::uint64_t min_size = 30;  // groups with fewer members (but some) get a small-segment warning
  clv::ClvOptions clv;          // for rules that read predicted CLV or P(alive)
  // Product affinity in the same run (reported, and the source of suggested cross-sell pairs, so
  // it is computed once); without it the cross-sell suggestion runs its own at product level.
  std::optional<AffinityOptions> affinity;
  // Segment economics (economics.hpp): CLV columns per group unless false; CAC columns when
  // `channels` gives spend (its margin is the economics' margin too).
  bool economics = true;
  std::optional<ChannelOptions> channels;
};

struct Segmentation {
  CustomerBase base;
  std::vector<PackResult> packs;  // in the order of kPackKeys
  // With an events file: the funnel pack's visitors and how they joined the customers.
  const EventLog* events = nullptr;
  std::vector<std::uint32_t> visitor_row;  // customer row per visitor, kNoRow without purchase / join
  std::vector<std::string> notes;
  std::uint64_t min_size = 0;
  std::optional<AffinityResult> affinity;  // when options.affinity asked for it
  std::optional<SegmentEconomics> economics;  // per reported pack, unless options.economics is false
  // Whether the data are enough for the segments (and, with events, the funnel); none without
  // customers.
  std::optional<Readiness> readiness;
};

// Each customer row's group in `pack` (kNoGroup for none): the pack's own groups for customer
// packs; for the funnel (whose members are visitors) the group of the first visitor joined to
// the customer.
std::vector<std::uint8_t> customer_groups_of(const PackResult& pack, const CustomerBase& base,
                                             const std::vector<std::uint32_t>& visitor_row);

// Throws IngestError(BadOption) for options that do not fit the data (an unknown pack, a rule
// naming a missing group), std::invalid_argument for a cross-sell product not in the data.
// `events` (optional) is the website events file for the funnel pack.
Segmentation segment_customers(const Dataset& dataset, const SegmentationOptions& options,
                               const EventLog* events = nullptr);

// True when a group with `members` members is too small to act on (but not empty).
inline bool is_small_group(std::uint64_t members, std::uint64_t min_size) { return members > 0 && members < min_size; }

}  // namespace orderlens::segments
