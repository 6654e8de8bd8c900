#include "recommend/item_neighbours.hpp"

#include <algorithm>
#include <cmath>

#include "segments/affinity.hpp"

namespace orderlens::recommend {

double shrunk_cosine(std::uint32_t count, std::uint32_t a, std::uint32_t b, double shrinkage) {
  const double c = count;
  return c / std::sqrt(static_cast<double>(a) * static_cast<double>(b)) * (c / (c + shrinkage));
}

namespace {

struct Scored {
  std::uint32_t product;
  double similarity;
};

// Rules (ordered by antecedent) -> each antecedent's best `keep` consequents.
template <typename Similarity>
Neighbours best_neighbours(const std::vector<AffinityRule>& rules, std::size_t products, std::uint32_t keep,
                           Similarity similarity) {
  Neighbours n;
  n.of.offsets.assign(1, 0);
  std::vector<Scored> candidates;
  std::size_t r = 0;
  for (std::uint32_t a = 0; a < products; ++a) {
    candidates.clear();
    for (; r < rules.size() && rules[r].antecedent == a; ++r)
      if (rules[r].consequent != a) candidates.push_back({rules[r].consequent, similarity(rules[r])});
    const auto better = [](const Scored& x, const Scored& y) {
      return x.similarity != y.similarity ? x.similarity > y.similarity : x.product < y.product;
    };
    const std::size_t kept = std::min<std::size_t>(keep, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kept), candidates.end(), better);
    for (std::size_t k = 0; k < kept; ++k) {
      n.of.members.push_back(candidates[k].product);
      n.similarity.push_back(candidates[k].similarity);
    }
    n.of.offsets.push_back(static_cast<std::uint32_t>(n.of.members.size()));
  }
  return n;
}

}  // namespace

ItemNeighbours item_neighbours(const Dataset& ds, const SimilarityOptions& options) {
  AffinityOptions counts;
  counts.level = AffinityLevel::Product;
  counts.min_count = options.min_count;
  counts.top_n = 0;  // every pair seen min_count times: the similarity chooses, not the lift
  counts.rank_by = AffinityRank::Count;
  counts.end_day = options.end_day;
  const AffinityResult a = product_affinity(ds, counts);
  const std::size_t products = ds.products.size();
  const double beta = options.shrinkage;
  ItemNeighbours n;
  n.co_purchase = best_neighbours(a.co_purchase, products, options.neighbours, [&](const AffinityRule& rule) {
    return shrunk_cosine(rule.count, a.basket_count[rule.antecedent], a.basket_count[rule.consequent], beta);
  });
  n.sequence = best_neighbours(a.next_purchase, products, options.neighbours, [&](const AffinityRule& rule) {
    return shrunk_cosine(rule.count, a.first_count[rule.antecedent], a.next_count[rule.consequent], beta);
  });
  return n;
}

}  // namespace orderlens::recommend
