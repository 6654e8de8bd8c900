#include "segments/segmentation.hpp"

#include <algorithm>

#include "ingest/ingest_error.hpp"
#include "segments/repurchase.hpp"

namespace orderlens::segments {

namespace {

bool wanted(const SegmentationOptions& o, const std::string& key) {
  return o.packs.empty() || std::find(o.packs.begin(), o.packs.end(), key) != o.packs.end();
}

bool referenced(const SegmentationOptions& o, const std::string& key) {
  return o.rules && o.rules->packs_referenced.count(key);
}

}  // namespace

Segmentation segment_customers(const Dataset& dataset, const SegmentationOptions& options, const EventLog* events) {
  for (const std::string& key : options.packs)
    if (std::find(std::begin(kPackKeys), std::end(kPackKeys), key) == std::end(kPackKeys))
      throw IngestError(IngestErrorCode::BadOption, "options.packs: unknown pack \"" + key +
                                                        "\"; expected rfm, repurchase, funnel, cycle, crosssell, tiers or custom");
  Segmentation result;
  result.base = customer_base(dataset, options.end_day);
  result.min_size = options.min_size;
  const CustomerBase& base = result.base;
  // Built-in packs a rule refers to are computed, reported or not; `computed` keeps them apart.
  std::vector<PackResult> computed;
  auto need = [&](const char* key) { return wanted(options, key) || referenced(options, key); };
  if (need("rfm") || (options.rules && wanted(options, "custom"))) computed.push_back(rfm_pack(base, options.rfm));
  if (need("repurchase")) computed.push_back(repurchase_pack(base));
  if (wanted(options, "funnel")) {
    if (events) {
      FunnelResult funnel = funnel_pack(base, *events);
      computed.push_back(std::move(funnel.pack));
      result.events = events;
      result.visitor_row = std::move(funnel.visitor_row);
      result.visitor_customer = std::move(funnel.visitor_customer);
    } else if (!options.packs.empty()) {
      result.notes.push_back("The funnel pack needs a website events file (GA4 export or user, event, time columns).");
    }
  }
  if (need("cycle")) computed.push_back(cycle_pack(base, options.cycle));
  if (need("crosssell")) {
    if (options.cross_sell) {
      computed.push_back(cross_sell_pack(base, *options.cross_sell));
    } else if (!options.packs.empty() || referenced(options, "crosssell")) {
      result.notes.push_back("The cross-sell pack needs a product or category A (crossSell.a), and optionally B.");
    }
  }
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
    RuleContext context{base, computed, clv_run ? &clv_run->predictions : nullptr};
    computed.push_back(custom_pack(*options.rules, context));
  } else if (options.rules == std::nullopt && !options.packs.empty() && wanted(options, "custom")) {
    result.notes.push_back("The custom pack needs rules.");
  }
  const std::uint64_t min_size = options.rules && options.rules->min_size ? *options.rules->min_size : options.min_size;
  result.min_size = min_size;

  for (const char* key : kPackKeys) {
    if (!wanted(options, key)) continue;
    for (PackResult& p : computed)
      if (p.key == key) result.packs.push_back(std::move(p));
  }
  return result;
}

}  // namespace orderlens::segments
