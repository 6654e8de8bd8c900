#include "segments/affinity_rules.hpp"

#include <algorithm>

namespace orderlens {

namespace {

double rank_value(const AffinityRule& r, AffinityRank rank) {
  switch (rank) {
    case AffinityRank::Confidence: return r.confidence;
    case AffinityRank::Count: return r.count;
    case AffinityRank::Lift: break;
  }
  return r.lift;
}

}  // namespace

AffinityRule make_rule(std::uint32_t antecedent, std::uint32_t consequent, std::uint32_t count, std::uint32_t total,
                       std::uint32_t antecedent_count, std::uint32_t consequent_count) {
  AffinityRule r;
  r.antecedent = antecedent;
  r.consequent = consequent;
  r.count = count;
  r.support = static_cast<double>(count) / total;
  r.confidence = static_cast<double>(count) / antecedent_count;
  r.lift = (static_cast<double>(count) * total) / (static_cast<double>(antecedent_count) * consequent_count);
  return r;
}

bool ranks_before(const AffinityRule& a, const AffinityRule& b, AffinityRank rank) {
  const double va = rank_value(a, rank), vb = rank_value(b, rank);
  if (va != vb) return va > vb;
  if (a.count != b.count) return a.count > b.count;
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.consequent < b.consequent;
}

void append_best(std::vector<AffinityRule>& candidates, std::uint32_t top_n, AffinityRank rank,
                 std::vector<AffinityRule>& out) {
  const auto size = static_cast<std::ptrdiff_t>(candidates.size());
  const auto keep = top_n == 0 ? size : std::min<std::ptrdiff_t>(top_n, size);
  std::partial_sort(candidates.begin(), candidates.begin() + keep, candidates.end(),
                    [rank](const AffinityRule& a, const AffinityRule& b) { return ranks_before(a, b, rank); });
  out.insert(out.end(), candidates.begin(), candidates.begin() + keep);
}

}  // namespace orderlens
