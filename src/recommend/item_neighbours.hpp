// Item-to-item similarities for collaborative filtering, from the product affinity counts
// (segments/affinity.hpp), each a shrunk cosine:
//
//   co-purchase (same order):     sim(A,B)  = c(A,B) / sqrt(n(A) · n(B))         · c(A,B) / (c(A,B) + β)
//   sequence (next purchase day): sim(A→B) = p(A,B) / sqrt(first(A) · next(B)) · p(A,B) / (p(A,B) + β)
//
// n = orders holding the product, c = orders holding both; p = customers who bought B on the
// purchase day right after one with A, first(A) = customers with A on a day followed by another,
// next(B) = customers with B after their first day. The cosine keeps a best seller from being
// everyone's neighbour; the factor c / (c + β) shrinks a pair seen a few times towards 0 (with
// β = 5, a pair seen 5 times keeps half its cosine). Pairs seen fewer than min_count times are
// dropped, and so is A→A (buying the same product again is the reorder rule's business).
// Each product keeps its `neighbours` most similar products per kind, by similarity descending,
// then product index ascending.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/dataset.hpp"
#include "util/group_by.hpp"

namespace orderlens::recommend {

struct Neighbours {
  Groups of;                       // per product: neighbour product indices, best first
  std::vector<double> similarity;  // per member of `of`
  std::uint64_t pairs() const { return of.members.size(); }
};

struct ItemNeighbours {
  Neighbours co_purchase;
  Neighbours sequence;
};

struct SimilarityOptions {
  std::uint32_t min_count = 2;
  double shrinkage = 5;
  std::uint32_t neighbours = 10;
  std::optional<std::int32_t> end_day;
};

ItemNeighbours item_neighbours(const Dataset& dataset, const SimilarityOptions& options);

// The shrunk cosine above: count / sqrt(a · b) · count / (count + shrinkage).
double shrunk_cosine(std::uint32_t count, std::uint32_t a, std::uint32_t b, double shrinkage);

}  // namespace orderlens::recommend
