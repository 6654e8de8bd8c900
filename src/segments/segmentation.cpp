#include "segments/segmentation.hpp"

#include <algorithm>

#include "ingest/ingest_error.hpp"
#include "segments/affinity.hpp"
#include "segments/repurchase.hpp"

namespace orderlens::segments {

namespace {

bool wanted(const SegmentationOptions& o, const std::string& key) {
  return o.packs.empty() || std::find(o.packs.begin(), o.packs.end(), key) != o.packs.end();
}

bool referenced(const SegmentationOptions& o, const std::string& key) {
  return o.rules && o.rules->packs_referenced.count(key);
}

// Cross-sell pairs A -> B (A != B) from next-purchase affinity at product level, best lift first.
std::vector<AffinityRule> suggested_pairs(const AffinityResult& affinity, std::size_t limit) {
  std::vector<AffinityRule> pairs;
  for (const AffinityRule& rule : affinity.next_purchase)
    if (rule.antecedent != rule.consequent) pairs.push_back(rule);
  std::stable_sort(pairs.begin(), pairs.end(), [](const AffinityRule& x, const AffinityRule& y) {
    if (x.lift != y.lift) return x.lift > y.lift;
    return x.count > y.count;
  });
  if (pairs.size() > limit) pairs.resize(limit);
  return pairs;
}

// The cross-sell pack for `options`, or, without A, for the best suggested pair (with the
// suggestions in its details); nullopt with a note when there is none.
std::optional<PackResult> cross_sell(const Dataset& dataset, const CustomerBase& base, const SegmentationOptions& options,
                                     const std::optional<AffinityResult>& shared, std::vector<std::string>& notes) {
  if (options.cross_sell) return cross_sell_pack(base, *options.cross_sell);
  std::optional<AffinityResult> own;
  if (!shared) {
    AffinityOptions o;
    o.end_day = base.end_day;
    own = product_affinity(dataset, o);
  }
  const AffinityResult& affinity = shared ? *shared : *own;
  const AffinityOptions& affinity_options = affinity.options;
  const std::vector<AffinityRule> pairs = suggested_pairs(affinity, 5);
  if (pairs.empty()) {
    notes.push_back("No cross-sell pair to suggest: no two products were bought on consecutive purchase days by at least " +
                    std::to_string(affinity_options.min_count) + " customers. Name A (and B) in options.crossSell.");
    return std::nullopt;
  }
  const ItemRef::Kind kind = affinity.level == AffinityLevel::Category ? ItemRef::Kind::Category : ItemRef::Kind::Sku;
  auto item = [&](std::uint32_t id) { return ItemRef{kind, affinity.item_keys[id]}; };
  PackResult pack = cross_sell_pack(base, CrossSellOptions{item(pairs[0].antecedent), item(pairs[0].consequent), 3});
  nlohmann::ordered_json suggestions = nlohmann::ordered_json::array();
  for (const AffinityRule& r : pairs)
    suggestions.push_back({{"a", affinity.item_keys[r.antecedent]}, {"aName", affinity.item_names[r.antecedent]},
                           {"b", affinity.item_keys[r.consequent]}, {"bName", affinity.item_names[r.consequent]},
                           {"customers", r.count}, {"confidence", r.confidence}, {"lift", r.lift}});
  pack.details["suggested"] = true;
  pack.details["suggestions"] = suggestions;
  pack.notes.push_back("A and B are the best next-purchase pair (highest lift among pairs bought by at least " +
                       std::to_string(affinity_options.min_count) + " customers); set options.crossSell to choose.");
  return pack;
}

}  // namespace

Segmentation segment_customers(const Dataset& dataset, const SegmentationOptions& options, const EventLog* events) {
  for (const std::string& key : options.packs)
    if (std::find(std::begin(kPackKeys), std::end(kPackKeys), key) == std::end(kPackKeys))
      throw IngestError(IngestErrorCode::BadOption, "options.packs: unknown pack \"" + key +
                                                        "\"; expected rfm, repurchase, funnel, cycle, crosssell, tiers or custom");
  Segmentation result;
  result.base = customer_base(dataset, options.end_day);
  const CustomerBase& base = result.base;
  if (options.affinity) {
    AffinityOptions o = *options.affinity;
    if (!o.end_day) o.end_day = base.end_day;
    result.affinity = product_affinity(dataset, o);
  }
  // Built-in packs a rule refers to are computed, reported or not; `computed` keeps them apart.
  std::vector<PackResult> computed;
  auto need = [&](const char* key) { return wanted(options, key) || referenced(options, key); };
  if (need("rfm") || (options.rules && wanted(options, "custom"))) computed.push_back(rfm_pack(base, options.rfm));
  if (need("repurchase")) computed.push_back(repurchase_pack(base));
  if (need("funnel")) {
    if (events) {
      FunnelResult funnel = funnel_pack(base, *events);
      computed.push_back(std::move(funnel.pack));
      if (wanted(options, "funnel")) result.events = events;  // the visitors are reported with the pack
      result.visitor_row = std::move(funnel.visitor_row);
    } else if (!options.packs.empty()) {
      result.notes.push_back("The funnel pack needs a website events file (GA4 export or user, event, time columns).");
    }
  }
  if (need("cycle")) computed.push_back(cycle_pack(base, options.cycle));
  if (need("crosssell"))
    if (std::optional<PackResult> pack = cross_sell(dataset, base, options, result.affinity, result.notes)) computed.push_back(std::move(*pack));
  if (need("tiers")) computed.push_back(tiers_pack(base, options.tiers));

  if (options.rules && wanted(options, "custom")) {
    std::optional<clv::ClvAnalysis> clv_run;
    if (options.rules->needs_clv) {
      clv::ClvOptions clv_options = options.clv;
      clv_options.unit = TimeUnit::Days;
      clv_options.end_day = base.end_day;
      clv_options.calibration_end.reset();
      clv_run = clv::analyze_clv(dataset, clv_options);
    }
    std::vector<std::uint8_t> funnel_by_row;
    const auto funnel = std::find_if(computed.begin(), computed.end(), [](const PackResult& p) { return p.key == "funnel"; });
    if (funnel != computed.end()) {
      funnel_by_row.assign(base.size(), kNoFunnelGroup);
      for (std::size_t v = 0; v < result.visitor_row.size(); ++v) {
        const std::uint32_t row = result.visitor_row[v];
        if (row != kNoRow && funnel_by_row[row] == kNoFunnelGroup) funnel_by_row[row] = funnel->group_of[v];
      }
    }
    RuleContext context{base, computed, clv_run ? &clv_run->predictions : nullptr,
                        funnel != computed.end() ? &funnel_by_row : nullptr};
    computed.push_back(custom_pack(*options.rules, context));
  } else if (options.rules == std::nullopt && !options.packs.empty() && wanted(options, "custom")) {
    result.notes.push_back("The custom pack needs rules.");
  }
  result.min_size = options.rules && options.rules->min_size ? *options.rules->min_size : options.min_size;

  for (const char* key : kPackKeys) {
    if (!wanted(options, key)) continue;
    for (PackResult& p : computed)
      if (p.key == key) result.packs.push_back(std::move(p));
  }
  return result;
}

}  // namespace orderlens::segments
