// RFM scores and named RFM segments.
//
// Scores 1-5 by quintile, ties never split: a customer's score is 1 + floor(5 * below / n), where
// `below` is the number of customers with a strictly worse value (recency: more days since the
// last purchase; frequency: fewer purchases; monetary: less net revenue) and n the customers.
// Equal values always get equal scores, and the result does not depend on the input order.
//
// When most customers bought once, frequency quintiles degenerate (all one-time buyers tie at 1
// and the next value jumps to 4), so frequency can instead use absolute thresholds:
// 1 purchase -> 1, 2 -> 2, 3-4 -> 3, 5-9 -> 4, 10 or more -> 5. "auto" picks them when more than
// half of the customers bought once.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "segments/pack.hpp"
#include "segments/value_order.hpp"

namespace orderlens::segments {

enum class FrequencyScoring : std::uint8_t { Auto, Quintile, Absolute };
enum class RfmScheme : std::uint8_t { RfGrid, Shopify };

struct RfmOptions {
  FrequencyScoring frequency = FrequencyScoring::Auto;
  RfmScheme scheme = RfmScheme::RfGrid;
};

// Scores 1-5 of `values`, higher values scoring higher, by the rule above.
std::vector<std::uint8_t> quintile_scores(std::span<const double> values);
// The same from the values already in ascending order (value_order.hpp).
std::vector<std::uint8_t> quintile_scores(const std::vector<ValueRow>& ascending_order);
std::uint8_t absolute_frequency_score(std::uint32_t purchases);

// Group index (in catalog order) of a score cell, for each scheme. Every one of the 125 cells
// maps to exactly one group.
std::size_t rf_grid_group(int r, int f);
std::size_t shopify_group(int r, int f, int m);

// Columns r, f, m (scores) per customer row.
PackResult rfm_pack(const CustomerBase& base, const RfmOptions& options);

}  // namespace orderlens::segments
