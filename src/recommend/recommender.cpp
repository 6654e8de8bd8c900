#include "recommend/recommender.hpp"

#include <algorithm>

namespace orderlens::recommend {

RecommenderModel fit_recommender(const Dataset& ds, const RecommendOptions& options, std::int32_t end_day) {
  RecommenderModel m;
  m.end_day = end_day;
  m.history = purchase_history(ds, std::nullopt, end_day);
  SimilarityOptions s;
  s.min_count = options.min_count;
  s.shrinkage = options.shrinkage;
  s.neighbours = options.neighbours;
  s.end_day = end_day;
  m.neighbours = item_neighbours(ds, s);
  m.popularity = recent_best_sellers(ds, end_day, options.recent_days);
  m.content = content_groups(ds, m.popularity);
  m.popularity_weight = options.popularity_weight;
  m.consumables = consumables(m.history, ds.products.size(), options.reorder_min_customers, options.reorder_min_share);
  return m;
}

Recommender::Recommender(const RecommenderModel& model, std::size_t products)
    : m_(model), seen_(products, 0), score_(products, 0.0), best_(products, 0.0), because_(products, kNone),
      reason_(products, Reason::AlsoBought), group_count_(model.content.names.size(), 0) {}

void Recommender::mark_bought(std::uint32_t c) {
  if (++stamp_ == 0) {  // wrapped: clear the old marks once
    std::fill(seen_.begin(), seen_.end(), 0);
    stamp_ = 1;
  }
  const Groups& items = m_.history.items;
  for (std::uint32_t e = items.begin(c); e < items.end(c); ++e) seen_[items.members[e]] = stamp_;
}

namespace {

// Moves the best min(room, size) candidates to the front, best first (score descending, then
// product index ascending) and returns how many: linear in the candidates (a hundred or more for
// a customer with a few products), where a partial sort costs a log factor on each.
template <typename Candidate>
std::size_t keep_best(std::vector<Candidate>& candidates, std::size_t room) {
  const auto better = [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.product < b.product;
  };
  const std::size_t k = std::min(room, candidates.size());
  const auto kth = candidates.begin() + static_cast<std::ptrdiff_t>(k);
  if (k < candidates.size()) std::nth_element(candidates.begin(), kth, candidates.end(), better);
  std::sort(candidates.begin(), kth, better);
  return k;
}

}  // namespace

void Recommender::take_sorted(std::vector<Recommendation>& candidates, std::uint32_t n, std::vector<Recommendation>& out) {
  const std::size_t k = keep_best(candidates, n > out.size() ? n - out.size() : 0);
  for (std::size_t i = 0; i < k; ++i) {
    seen_[candidates[i].product] = stamp_;
    out.push_back(candidates[i]);
  }
}

void Recommender::add_reorders(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out) {
  const PurchaseHistory& h = m_.history;
  const Consumables& cons = m_.consumables;
  candidates_.clear();
  for (std::uint32_t e = h.items.begin(c); e < h.items.end(c); ++e) {
    const std::uint32_t p = h.items.members[e];
    if (!cons.is_consumable[p]) continue;
    const bool own = h.days[e] >= 2;
    const double interval = own ? h.own_interval[e] : cons.typical_interval[p];
    const std::int32_t since = m_.end_day - h.last_day[e];
    if (interval <= 0 || since < interval) continue;
    Recommendation r;
    r.product = p;
    r.score = cons.repeat_share[p];
    r.reason = own ? Reason::Reorder : Reason::ReorderTypical;
    r.because = p;
    r.interval_days = static_cast<float>(interval);
    r.days_since = since;
    candidates_.push_back(r);
  }
  take_sorted(candidates_, n, out);
}

void Recommender::add_collaborative(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out) {
  const PurchaseHistory& h = m_.history;
  touched_.clear();
  // Contributions in a fixed order (bought products by index; for each, sequence neighbours
  // before co-purchase ones): the sums and the reason chosen are the same on every platform.
  const auto add = [&](const Neighbours& list, std::uint32_t a, double weight, Reason reason) {
    for (std::uint32_t k = list.of.begin(a); k < list.of.end(a); ++k) {
      const std::uint32_t b = list.of.members[k];
      if (taken(b)) continue;
      const double contribution = weight * list.similarity[k];
      if (score_[b] == 0.0) touched_.push_back(b);
      score_[b] += contribution;
      if (contribution > best_[b]) {
        best_[b] = contribution;
        because_[b] = a;
        reason_[b] = reason;
      }
    }
  };
  for (std::uint32_t e = h.items.begin(c); e < h.items.end(c); ++e) {
    // The last purchase day weighs 1, the one before 1/2, then 1/3, ...
    const double weight = 1.0 / (1.0 + h.later_days[e]);
    add(m_.neighbours.sequence, h.items.members[e], weight, Reason::BoughtNext);
    add(m_.neighbours.co_purchase, h.items.members[e], weight, Reason::AlsoBought);
  }
  // The best sellers the customer has not bought compete too, each with λ times its share of
  // recent orders added: a weak neighbour should not push out a product half the shop buys.
  const double lambda = m_.popularity_weight;
  if (lambda > 0) {
    std::size_t wanted = n > out.size() ? n - out.size() : 0;
    for (std::uint32_t b : m_.popularity.ranked) {
      if (wanted == 0) break;
      if (taken(b)) continue;
      --wanted;
      if (score_[b] == 0.0) touched_.push_back(b);
    }
  }
  // Candidates as (score, product) pairs: the full recommendation is built for the few kept only.
  scored_.clear();
  for (std::uint32_t b : touched_) {
    scored_.push_back({score_[b] + lambda * m_.popularity.score[b], score_[b], b});
    score_[b] = best_[b] = 0.0;  // reason_ and because_ stay valid: the next customer's first contribution overwrites them
  }
  const std::size_t k = keep_best(scored_, n > out.size() ? n - out.size() : 0);
  for (auto it = scored_.begin(); it != scored_.begin() + static_cast<std::ptrdiff_t>(k); ++it) {
    const std::uint32_t b = it->product;
    const double popular = lambda * m_.popularity.score[b];
    Recommendation r;
    r.product = b;
    r.score = it->score;
    // Named after the larger part: a best seller with a weak neighbour is a best seller.
    const bool by_popularity = it->neighbours == 0.0 || popular > it->neighbours;
    r.reason = by_popularity ? Reason::BestSeller : reason_[b];
    r.because = by_popularity ? kNone : because_[b];
    seen_[b] = stamp_;
    out.push_back(r);
  }
}

void Recommender::add_ranked(const std::uint32_t* first, const std::uint32_t* last, Reason reason,
                             std::uint32_t because, std::uint32_t n, std::vector<Recommendation>& out) {
  for (const std::uint32_t* it = first; it != last && out.size() < n; ++it) {
    if (taken(*it)) continue;
    seen_[*it] = stamp_;
    Recommendation r;
    r.product = *it;
    r.score = m_.popularity.score[*it];
    r.reason = reason;
    r.because = because;
    out.push_back(r);
  }
}

void Recommender::add_favourite_group(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out) {
  const ContentGroups& g = m_.content;
  if (g.names.empty()) return;
  const Groups& items = m_.history.items;
  // The group with the most distinct products bought; ties: the lower group number.
  std::uint32_t favourite = kNone;
  for (std::uint32_t e = items.begin(c); e < items.end(c); ++e) {
    const std::uint32_t group = g.group_of[items.members[e]];
    if (group == kNone) continue;
    ++group_count_[group];
    if (favourite == kNone || group_count_[group] > group_count_[favourite] ||
        (group_count_[group] == group_count_[favourite] && group < favourite))
      favourite = group;
  }
  for (std::uint32_t e = items.begin(c); e < items.end(c); ++e) {
    const std::uint32_t group = g.group_of[items.members[e]];
    if (group != kNone) group_count_[group] = 0;
  }
  if (favourite == kNone) return;
  const std::uint32_t* ranked = g.ranked.members.data();
  add_ranked(ranked + g.ranked.begin(favourite), ranked + g.ranked.end(favourite),
             g.attribute == "category" ? Reason::FavouriteCategory : Reason::FavouriteVendor, favourite, n, out);
}

void Recommender::recommend(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out) {
  const std::size_t start = out.size();
  const std::uint32_t limit = static_cast<std::uint32_t>(start) + n;
  mark_bought(c);
  add_reorders(c, limit, out);
  if (out.size() < limit) add_collaborative(c, limit, out);
  if (out.size() < limit) add_favourite_group(c, limit, out);
  const std::vector<std::uint32_t>& ranked = m_.popularity.ranked;
  if (out.size() < limit) add_ranked(ranked.data(), ranked.data() + ranked.size(), Reason::BestSeller, kNone, limit, out);
}

void Recommender::best_sellers(std::uint32_t c, std::uint32_t n, std::vector<Recommendation>& out) {
  mark_bought(c);
  const std::vector<std::uint32_t>& ranked = m_.popularity.ranked;
  add_ranked(ranked.data(), ranked.data() + ranked.size(), Reason::BestSeller, kNone,
             static_cast<std::uint32_t>(out.size()) + n, out);
}

}  // namespace orderlens::recommend
