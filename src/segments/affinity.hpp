// Product affinity: association rules "customers who buy A also buy B" (co-purchase, within one
// order) and "customers who buy A buy B on their next purchase day" (next-purchase).
//
// Items
//   Product level: every product (ProductsTable row p is item p; key = its SKU or name key,
//   name = its display name). Category level: every distinct non-empty category text of the
//   products, numbered in the order the products table first names them (key = name = the
//   category). Lines with no product, or (category level) whose product has no category, are
//   ignored. Only lines of kind LineKind::Sale count, of orders that count as a purchase
//   (OrdersTable::counts_as_purchase) dated on or before the end day (all days when none).
//
// Co-purchase
//   A basket is one purchase order with at least one item; its items are distinct (a product on
//   two lines counts once). N = baskets.
//   count(A)   = baskets containing A;   count(A,B) = baskets containing both A and B;
//   support    = count(A,B) / N;         confidence(A→B) = count(A,B) / count(A);
//   lift       = confidence(A→B) / (count(B) / N).
//   Rules go in both directions; A ≠ B.
//
// Next-purchase
//   Per customer, the purchase days in order; a day's basket is the union of the items of that
//   day's purchase orders (orders on one day are one purchase, as in the customer summary), and
//   days whose basket is empty are left out. S = the customers with at least two such days
//   ("sequences").
//   first(A)  = customers in S with A on a day that is followed by another of their days;
//   next(B)   = customers in S with B on any day after their first day;
//   pair(A,B) = customers in S with, on some consecutive days k and k+1, A on day k and B on
//               day k+1 (once per customer however often it happens);
//   support   = pair(A,B) / |S|;   confidence = pair(A,B) / first(A);
//   lift      = confidence / (next(B) / |S|).
//   A→A is a rule here: buying the same item again on the next purchase day.
//
// Selection
//   Rules with count (count(A,B) or pair(A,B)) >= min_count are kept; per antecedent the top_n
//   by rank_by (lift, confidence or count; top_n 0 keeps all), ties broken by count descending,
//   then confidence descending, then consequent id ascending, so the result never depends on
//   hash-table order. Output is ordered by antecedent id, then rank.
//   Ratios are computed as one division of exact integer products (lift = count·N /
//   (count(A)·count(B))), so rules whose ratios are equal fractions tie exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dataset.hpp"

namespace orderlens {

enum class AffinityLevel : std::uint8_t { Product, Category };
enum class AffinityRank : std::uint8_t { Lift, Confidence, Count };

struct AffinityOptions {
  AffinityLevel level = AffinityLevel::Product;
  std::uint32_t min_count = 3;  // fewer co-occurrences are noise, whatever their lift
  std::uint32_t top_n = 5;      // rules kept per antecedent; 0: all
  AffinityRank rank_by = AffinityRank::Lift;
  std::optional<std::int32_t> end_day;  // purchases on or before this day; none: all
};

struct AffinityRule {
  std::uint32_t antecedent = 0;  // item ids (AffinityResult::item_keys)
  std::uint32_t consequent = 0;
  std::uint32_t count = 0;  // count(A,B) or pair(A,B)
  double support = 0;
  double confidence = 0;
  double lift = 0;
};

struct AffinityResult {
  AffinityLevel level = AffinityLevel::Product;
  AffinityOptions options;  // as given, so the JSON can tell the caller what was applied
  std::vector<std::string> item_keys;   // per item id
  std::vector<std::string> item_names;  // per item id
  std::uint32_t baskets = 0;               // N
  std::vector<std::uint32_t> basket_count;  // per item: count(A)
  std::vector<AffinityRule> co_purchase;
  std::uint32_t sequences = 0;  // |S|
  std::vector<std::uint32_t> first_count;  // per item: first(A)
  std::vector<std::uint32_t> next_count;   // per item: next(B)
  std::vector<AffinityRule> next_purchase;
};

AffinityResult product_affinity(const Dataset& dataset, const AffinityOptions& options);

std::string_view affinity_level_name(AffinityLevel level);  // "product", "category"
std::string_view affinity_rank_name(AffinityRank rank);     // "lift", "confidence", "count"

}  // namespace orderlens
