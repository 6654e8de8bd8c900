// Turning pair counts into affinity rules and choosing the best per antecedent (the
// "Selection" part of affinity.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "segments/affinity.hpp"

namespace orderlens {

// A rule with its ratios, each one division of exact integer products so that equal fractions
// give equal doubles (exact while the products stay below 2^53):
//   support = count / total, confidence = count / antecedent_count,
//   lift = count·total / (antecedent_count·consequent_count).
AffinityRule make_rule(std::uint32_t antecedent, std::uint32_t consequent, std::uint32_t count, std::uint32_t total,
                       std::uint32_t antecedent_count, std::uint32_t consequent_count);

// True when `a` ranks above `b`: by `rank` descending, then count descending, then confidence
// descending, then consequent ascending.
bool ranks_before(const AffinityRule& a, const AffinityRule& b, AffinityRank rank);

// Appends to `out` the top_n of one antecedent's rules (all when top_n is 0), best first;
// `candidates` is reordered.
void append_best(std::vector<AffinityRule>& candidates, std::uint32_t top_n, AffinityRank rank,
                 std::vector<AffinityRule>& out);

}  // namespace orderlens
