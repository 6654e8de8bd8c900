#include "segments/segmentation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

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

// Each customer row's CAC: that of the channel they were acquired through, when it has spend.
std::vector<double> cac_of_rows(const Dataset& dataset, const CustomerBase& base, ChannelOptions channels, const EventLog* events) {
  channels.predict_clv = false;  // the segmentation's own CLV run is used
  if (!channels.timeline.end_day) channels.timeline.end_day = base.end_day;
  const ChannelReport report = channel_report(dataset, channels, events);
  std::vector<double> cac(base.size(), std::nan(""));
  for (std::size_t row = 0; row < base.size(); ++row) {
    const std::uint32_t ch = report.channel_of_customer.empty() ? ChannelReport::kNoChannel : report.channel_of_customer[base.summary.customer[row]];
    if (ch != ChannelReport::kNoChannel && report.channels[ch].cac) cac[row] = *report.channels[ch].cac;
  }
  return cac;
}

SegmentEconomics economics_of(const Dataset& dataset, const Segmentation& result, const SegmentationOptions& options,
                              const std::optional<clv::ClvAnalysis>& clv_run, const std::string& clv_problem,
                              const EventLog* events) {
  const CustomerBase& base = result.base;
  std::vector<std::vector<std::uint8_t>> groups;
  for (const PackResult& p : result.packs) groups.push_back(customer_groups_of(p, base, result.visitor_row));
  EconomicsInputs in;
  in.clv = clv_run ? &clv_run->predictions : nullptr;
  in.clv_problem = clv_problem;
  std::vector<double> cac;
  if (options.channels && !options.channels->spend.empty()) {
    cac = cac_of_rows(dataset, base, *options.channels, events);
    in.cac_of_row = &cac;
  }
  in.margin = options.channels ? options.channels->margin : options.clv.margin;
  SegmentEconomics e = segment_economics(base, result.packs, groups, in);
  e.clv_sufficient = clv_run && clv_run->sufficiency.sufficient;
  return e;
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

  // The CLV models run once, for the rules that read them and for the economics.
  const bool rules_need_clv = options.rules && wanted(options, "custom") && options.rules->needs_clv;
  std::optional<clv::ClvAnalysis> clv_run;
  std::string clv_problem;
  if ((rules_need_clv || options.economics) && base.size() > 0) {
    clv::ClvOptions clv_options = options.clv;
    clv_options.unit = TimeUnit::Days;
    clv_options.end_day = base.end_day;
    clv_options.calibration_end.reset();
    if (options.channels) clv_options.margin = options.channels->margin;
    try {
      clv_run = clv::analyze_clv(dataset, clv_options);
    } catch (const std::invalid_argument& e) {
      if (rules_need_clv) throw;
      clv_problem = e.what();
    }
  }

  if (options.rules && wanted(options, "custom")) {
    std::vector<std::uint8_t> funnel_by_row;
    const auto funnel = std::find_if(computed.begin(), computed.end(), [](const PackResult& p) { return p.key == "funnel"; });
    if (funnel != computed.end()) funnel_by_row = customer_groups_of(*funnel, base, result.visitor_row);
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
  if (options.economics) result.economics = economics_of(dataset, result, options, clv_run, clv_problem, events);
  if (base.size() > 0) {
    TimelineOptions range;
    range.end_day = base.end_day;
    result.readiness = data_readiness(dataset, purchase_timeline(dataset, range), result.events);
  }
  return result;
}

static_assert(kNoGroup == kNoFunnelGroup, "the rules read customer_groups_of's funnel groups");

std::vector<std::uint8_t> customer_groups_of(const PackResult& pack, const CustomerBase& base,
                                             const std::vector<std::uint32_t>& visitor_row) {
  if (pack.key != "funnel") return pack.group_of;
  std::vector<std::uint8_t> groups(base.size(), kNoGroup);
  for (std::size_t v = 0; v < visitor_row.size() && v < pack.group_of.size(); ++v) {
    const std::uint32_t row = visitor_row[v];
    if (row != kNoRow && groups[row] == kNoGroup) groups[row] = pack.group_of[v];
  }
  return groups;
}

}  // namespace orderlens::segments
