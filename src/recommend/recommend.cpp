#include "recommend/recommend.hpp"

#include "recommend/holdout_evaluation.hpp"
#include "recommend/recommender.hpp"
#include "recommend/segment_membership.hpp"
#include "util/civil_date.hpp"

namespace orderlens::recommend {

namespace {

std::int32_t last_purchase_day(const Dataset& ds) {
  std::int32_t last = 0;
  bool any = false;
  for (std::size_t k = 0; k < ds.orders.size(); ++k) {
    if (!ds.orders.counts_as_purchase(k)) continue;
    last = any ? std::max(last, ds.orders.day[k]) : ds.orders.day[k];
    any = true;
  }
  return last;
}

}  // namespace

RecommendResult recommend(const Dataset& ds, const RecommendOptions& options) {
  RecommendResult r;
  r.end_day = options.end_day ? *options.end_day : last_purchase_day(ds);
  r.top_n = options.top_n;
  r.recent_days = options.recent_days;
  r.segment = options.segment;
  std::optional<SegmentMembership> membership;
  // The holdout figures are broken down by RFM group unless a segment names another pack.
  if (options.segment) membership = segment_membership(ds, *options.segment, options.rules, r.end_day);
  else if (options.evaluate) membership = segment_membership(ds, "rfm", std::nullopt, r.end_day);
  if (options.segment) r.group_keys = membership->group_keys;

  const RecommenderModel model = fit_recommender(ds, options, r.end_day);
  r.model.co_purchase_pairs = model.neighbours.co_purchase.pairs();
  r.model.sequence_pairs = model.neighbours.sequence.pairs();
  r.model.consumables = model.consumables.count;
  r.model.content_attribute = model.content.attribute;
  r.model.content_names = model.content.names;

  Recommender recommender(model, ds.products.size());
  RecommendationLists& lists = r.lists;
  std::size_t listed = 0;
  for (std::uint8_t purchased : model.history.purchased) listed += purchased;
  lists.items.reserve(listed * options.top_n);  // growing by doubling copied the lists twice over
  lists.customer.reserve(listed);
  lists.offsets.reserve(listed + 1);
  for (std::uint32_t c = 0; c < ds.customers.size(); ++c) {
    if (!model.history.purchased[c]) continue;
    std::uint32_t group = kNone;
    if (options.segment) {
      group = membership->group_of_customer[c];
      if (group == kNone || (membership->only_group && group != *membership->only_group)) continue;
      lists.group.push_back(group);
    }
    lists.customer.push_back(c);
    recommender.recommend(c, options.top_n, lists.items);
    lists.offsets.push_back(static_cast<std::uint32_t>(lists.items.size()));
  }
  const std::string end = format_iso_date(r.end_day);
  if (model.popularity.ranked.empty())
    r.notes.push_back("No product was sold up to " + end +
                      " (the export has no product or SKU column, or no purchase has one): every list is empty.");
  if (options.evaluate) {
    r.evaluation = evaluate_holdout(ds, model, membership);
    if (r.evaluation->groups.front().customers == 0)
      r.notes.push_back("No customer with a purchase up to " + end +
                        " bought a product after it: nothing to evaluate (choose an earlier calibrationEnd).");
  }
  return r;
}

std::string_view reason_key(Reason reason) {
  switch (reason) {
    case Reason::Reorder: return "reorder";
    case Reason::ReorderTypical: return "reorder_typical";
    case Reason::BoughtNext: return "bought_next";
    case Reason::AlsoBought: return "also_bought";
    case Reason::FavouriteCategory: return "favourite_category";
    case Reason::FavouriteVendor: return "favourite_vendor";
    case Reason::BestSeller: break;
  }
  return "best_seller";
}

}  // namespace orderlens::recommend
