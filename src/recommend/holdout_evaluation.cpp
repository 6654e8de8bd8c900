#include "recommend/holdout_evaluation.hpp"

#include <algorithm>

namespace orderlens::recommend {

namespace {

// Sums of the per-customer figures at k = 5 and 10, and the products recommended.
struct Tally {
  std::uint64_t customers = 0;
  double hits[2] = {0, 0}, precision[2] = {0, 0}, recall[2] = {0, 0};
  std::vector<std::uint8_t> listed[2];

  void add(const Recommendation* list, std::size_t size, const std::uint32_t* actual, std::size_t actual_size) {
    ++customers;
    static constexpr std::size_t kAt[2] = {5, 10};
    for (int j = 0; j < 2; ++j) {
      std::size_t found = 0;
      for (std::size_t i = 0; i < std::min(size, kAt[j]); ++i) {
        listed[j][list[i].product] = 1;
        found += std::binary_search(actual, actual + actual_size, list[i].product);
      }
      hits[j] += found > 0;
      precision[j] += static_cast<double>(found) / static_cast<double>(kAt[j]);
      recall[j] += static_cast<double>(found) / static_cast<double>(actual_size);
    }
  }

  Metrics metrics(int j, std::size_t sold) const {
    Metrics m;
    if (customers) {
      const double n = static_cast<double>(customers);
      m.hit_rate = hits[j] / n;
      m.precision = precision[j] / n;
      m.recall = recall[j] / n;
    }
    const auto distinct = std::count(listed[j].begin(), listed[j].end(), std::uint8_t{1});
    m.coverage = sold ? static_cast<double>(distinct) / static_cast<double>(sold) : 0.0;
    return m;
  }
};

}  // namespace

Evaluation evaluate_holdout(const Dataset& ds, const RecommenderModel& model, const std::optional<SegmentMembership>& segments) {
  const Groups actual = products_bought(ds, model.end_day + 1, std::nullopt);
  Evaluation e;
  e.calibration_end = model.end_day;
  e.holdout_end = model.end_day;
  for (std::size_t k = 0; k < ds.orders.size(); ++k)
    if (ds.orders.counts_as_purchase(k)) e.holdout_end = std::max(e.holdout_end, ds.orders.day[k]);
  const std::size_t groups = segments ? segments->group_keys.size() : 0;
  // [0]: everybody; [1 + g]: group g. Recommender and baseline.
  std::vector<Tally> ours(1 + groups), baseline(1 + groups);
  for (auto* tallies : {&ours, &baseline})
    for (Tally& t : *tallies) t.listed[0].assign(ds.products.size(), 0), t.listed[1].assign(ds.products.size(), 0);
  Recommender recommender(model, ds.products.size());
  std::vector<Recommendation> list, popular;
  for (std::uint32_t c = 0; c < ds.customers.size(); ++c) {
    if (!model.history.purchased[c] || actual.size(c) == 0) continue;
    list.clear();
    popular.clear();
    recommender.recommend(c, 10, list);
    recommender.best_sellers(c, 10, popular);
    const std::uint32_t* bought = actual.members.data() + actual.begin(c);
    const std::uint32_t group = segments ? segments->group_of_customer[c] : kNone;
    for (std::size_t t : {std::size_t{0}, group == kNone ? std::size_t{0} : 1 + std::size_t{group}}) {
      ours[t].add(list.data(), list.size(), bought, actual.size(c));
      baseline[t].add(popular.data(), popular.size(), bought, actual.size(c));
      if (group == kNone) break;
    }
  }
  const std::size_t sold = model.popularity.ranked.size();
  for (std::size_t t = 0; t < 1 + groups; ++t) {
    EvaluationGroup g;
    g.key = t == 0 ? "all" : segments->group_keys[t - 1];
    g.customers = ours[t].customers;
    g.recommender_at5 = ours[t].metrics(0, sold);
    g.recommender_at10 = ours[t].metrics(1, sold);
    g.baseline_at5 = baseline[t].metrics(0, sold);
    g.baseline_at10 = baseline[t].metrics(1, sold);
    e.groups.push_back(g);
  }
  if (segments) e.pack = segments->pack;
  return e;
}

}  // namespace orderlens::recommend
