#include "segments/affinity.hpp"

#include <algorithm>

#include "segments/affinity_baskets.hpp"
#include "segments/affinity_rules.hpp"

namespace orderlens {

namespace {

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return static_cast<std::uint64_t>(a) << 32 | b; }
std::uint32_t antecedent_of(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }
std::uint32_t consequent_of(std::uint64_t key) { return static_cast<std::uint32_t>(key); }

// Pairs are grouped by antecedent first (counting sorts), then counted one antecedent at a time
// in a dense array over the consequents, which stays in cache. One hash map of every (A,B) pair
// is tens of MB of random access instead: with a tsl::robin_map the whole computation took
// twice as long on a synthetic 400k-order export.
class ConsequentTally {
 public:
  explicit ConsequentTally(std::size_t items) : count_(items, 0) {}
  void add(std::uint32_t consequent) {
    if (count_[consequent]++ == 0) touched_.push_back(consequent);
  }
  // f(consequent, count) for every consequent counted since the last drain, then all back to 0
  // (only the touched entries are visited).
  template <typename F>
  void drain(F f) {
    for (std::uint32_t b : touched_) {
      f(b, count_[b]);
      count_[b] = 0;
    }
    touched_.clear();
  }

 private:
  std::vector<std::uint32_t> count_;
  std::vector<std::uint32_t> touched_;
};

void add_co_purchase_rules(const Groups& baskets, std::size_t items, const AffinityOptions& options,
                           AffinityResult& r) {
  // Per item a, the other items of every basket holding a, with repeats: a counting sort whose
  // reads are sequential.
  Groups with;
  with.offsets.assign(items + 1, 0);
  r.basket_count.assign(items, 0);
  for (std::size_t k = 0; k < baskets.groups(); ++k) {
    const std::uint32_t size = baskets.size(k);
    if (size == 0) continue;
    ++r.baskets;
    for (std::uint32_t i = baskets.begin(k); i < baskets.end(k); ++i) {
      ++r.basket_count[baskets.members[i]];
      with.offsets[baskets.members[i] + 1] += size - 1;
    }
  }
  for (std::size_t a = 0; a < items; ++a) with.offsets[a + 1] += with.offsets[a];
  with.members.resize(with.offsets[items]);
  std::vector<std::uint32_t> cursor(with.offsets.begin(), with.offsets.end() - 1);
  for (std::size_t k = 0; k < baskets.groups(); ++k)
    for (std::uint32_t i = baskets.begin(k); i < baskets.end(k); ++i) {
      std::uint32_t& c = cursor[baskets.members[i]];
      for (std::uint32_t j = baskets.begin(k); j < baskets.end(k); ++j)
        if (j != i) with.members[c++] = baskets.members[j];
    }

  ConsequentTally tally(items);
  std::vector<AffinityRule> candidates;
  for (std::uint32_t a = 0; a < items; ++a) {
    for (std::uint32_t m = with.begin(a); m < with.end(a); ++m) tally.add(with.members[m]);
    candidates.clear();
    tally.drain([&](std::uint32_t b, std::uint32_t count) {
      if (count >= options.min_count)
        candidates.push_back(make_rule(a, b, count, r.baskets, r.basket_count[a], r.basket_count[b]));
    });
    append_best(candidates, options.top_n, options.rank_by, r.co_purchase);
  }
}

// Per antecedent, its consequents: the pairs grouped by their high half (a counting sort).
Groups consequents_by_antecedent(const std::vector<std::uint64_t>& pairs, std::size_t items) {
  Groups g;
  g.offsets.assign(items + 1, 0);
  for (std::uint64_t p : pairs) ++g.offsets[antecedent_of(p) + 1];
  for (std::size_t a = 0; a < items; ++a) g.offsets[a + 1] += g.offsets[a];
  g.members.resize(pairs.size());
  std::vector<std::uint32_t> cursor(g.offsets.begin(), g.offsets.end() - 1);
  for (std::uint64_t p : pairs) g.members[cursor[antecedent_of(p)]++] = consequent_of(p);
  return g;
}

void add_next_purchase_rules(const Dataset& ds, const Groups& baskets, std::size_t items,
                             const AffinityOptions& options, AffinityResult& r) {
  const Groups by_customer = customer_orders_by_day(ds, baskets);
  // first(A), next(B); counted_by: the last customer that counted an item, so each counts once.
  std::vector<std::uint32_t> first(items, 0), next(items, 0);
  constexpr std::uint32_t kNobody = 0xFFFFFFFFu;
  std::vector<std::uint32_t> first_counted_by(items, kNobody), next_counted_by(items, kNobody);
  // Every customer's distinct (A on day k, B on day k+1). About one per basket item in
  // synthetic and real-looking exports: reserving that saves the early reallocations.
  std::vector<std::uint64_t> pairs;
  pairs.reserve(baskets.members.size());
  Groups days;  // the current customer's
  for (std::size_t customer = 0; customer < ds.customers.size(); ++customer) {
    if (by_customer.size(customer) < 2) continue;  // one order cannot make two days
    fill_day_baskets(ds, baskets, by_customer, customer, days);
    const std::size_t n = days.groups();
    if (n < 2) continue;
    ++r.sequences;
    const auto who = static_cast<std::uint32_t>(customer);
    const std::size_t pairs_before = pairs.size();
    for (std::size_t d = 0; d < n; ++d) {
      for (std::uint32_t i = days.begin(d); i < days.end(d); ++i) {
        const std::uint32_t a = days.members[i];
        if (d > 0 && next_counted_by[a] != who) {
          next_counted_by[a] = who;
          ++next[a];
        }
        if (d + 1 == n) continue;
        if (first_counted_by[a] != who) {
          first_counted_by[a] = who;
          ++first[a];
        }
        for (std::uint32_t j = days.begin(d + 1); j < days.end(d + 1); ++j)
          pairs.push_back(pair_key(a, days.members[j]));
      }
    }
    // Over more than two days a pair can recur; it counts once per customer.
    if (n > 2) {
      std::sort(pairs.begin() + pairs_before, pairs.end());
      pairs.erase(std::unique(pairs.begin() + pairs_before, pairs.end()), pairs.end());
    }
  }

  const Groups consequents = consequents_by_antecedent(pairs, items);
  pairs = {};  // released before the rules are built
  ConsequentTally tally(items);
  std::vector<AffinityRule> candidates;
  for (std::uint32_t a = 0; a < items; ++a) {
    for (std::uint32_t m = consequents.begin(a); m < consequents.end(a); ++m) tally.add(consequents.members[m]);
    candidates.clear();
    tally.drain([&](std::uint32_t b, std::uint32_t count) {
      if (count >= options.min_count) candidates.push_back(make_rule(a, b, count, r.sequences, first[a], next[b]));
    });
    append_best(candidates, options.top_n, options.rank_by, r.next_purchase);
  }
  r.first_count = std::move(first);
  r.next_count = std::move(next);
}

}  // namespace

AffinityResult product_affinity(const Dataset& ds, const AffinityOptions& options) {
  AffinityItems items = affinity_items(ds, options.level);
  const Groups baskets = order_baskets(ds, items, options.end_day);
  AffinityResult r;
  r.level = options.level;
  r.options = options;
  add_co_purchase_rules(baskets, items.size(), options, r);
  add_next_purchase_rules(ds, baskets, items.size(), options, r);
  r.item_keys = std::move(items.keys);
  r.item_names = std::move(items.names);
  return r;
}

std::string_view affinity_level_name(AffinityLevel level) {
  return level == AffinityLevel::Category ? "category" : "product";
}

std::string_view affinity_rank_name(AffinityRank rank) {
  switch (rank) {
    case AffinityRank::Confidence: return "confidence";
    case AffinityRank::Count: return "count";
    case AffinityRank::Lift: break;
  }
  return "lift";
}

}  // namespace orderlens
