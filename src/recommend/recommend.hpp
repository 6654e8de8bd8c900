// Per-customer product recommendations (docs/recommend.md has the full definitions).
//
// Data: sale lines (LineKind::Sale) with a product, of orders that count as a purchase, dated on
// or before the end day (the calibration end when a holdout evaluation is asked for).
//
// For each customer with a purchase up to the end day, at most top_n products, in tiers:
//   1. reorder   — a consumable they bought whose usual interval has passed (reorder.hpp);
//   2. also_bought / bought_next — item-to-item collaborative filtering (item_neighbours.hpp)
//                  from what they bought, more recent purchases weighing more; their unbought
//                  recent best sellers compete here with λ · share of recent orders added to
//                  every candidate (best_seller when that part is the larger);
//   3. favourite_category / favourite_vendor — best sellers of the category (or, without
//                  categories in the export, the vendor) they bought most from;
//   4. best_seller — recent best sellers (popularity.hpp).
// A product the customer bought is never recommended again, except a consumable in tier 1.
// Within a tier products go by score descending, then product index ascending, so ties never
// depend on hash-table order. Scores are comparable within a tier only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "segments/rules.hpp"

namespace orderlens::recommend {

struct RecommendOptions {
  std::uint32_t top_n = 10;
  std::optional<std::int32_t> end_day;          // default: the last purchase day in the data
  bool evaluate = false;                        // end_day is a calibration end: measure on the days after it
  std::uint32_t min_count = 2;                  // co-occurrences below this are noise
  double shrinkage = 5;                         // β: a similarity is scaled by count / (count + β)
  std::uint32_t neighbours = 10;                // kept per product and kind, best first
  std::uint32_t recent_days = 90;               // best sellers: orders of the last n days
  double popularity_weight = 10;                // λ: CF candidates and best sellers score CF + λ · recent share
  std::uint32_t reorder_min_customers = 3;      // a consumable: at least this many repeat buyers
  double reorder_min_share = 0.25;              // ... making at least this share of its buyers
  // Restricts the customers listed (not the model): a built-in pack "rfm" or group "rfm.champions",
  // or with `rules` the custom pack "custom" / "custom.<key>".
  std::optional<std::string> segment;
  std::optional<segments::RuleSet> rules;
};

enum class Reason : std::uint8_t { Reorder, ReorderTypical, BoughtNext, AlsoBought, FavouriteCategory, FavouriteVendor, BestSeller };

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// 32 bytes: a quarter of a million customers' lists are millions of these.
struct Recommendation {
  double score = 0;
  std::uint32_t product = 0;
  std::uint32_t because = kNone;  // the product bought (CF, reorder) or the ModelStats::content_names index
  float interval_days = 0;        // reorders: the usual interval (a median of whole days: exact in a float)
  std::int32_t days_since = 0;    // reorders: days since the customer last bought it
  Reason reason = Reason::BestSeller;
};

// Customers in CustomersTable order; customer r's list is items[offsets[r] .. offsets[r + 1]).
struct RecommendationLists {
  std::vector<std::uint32_t> customer;
  std::vector<std::uint32_t> group;  // with a segment: the group index of each customer in its pack
  std::vector<std::uint32_t> offsets{0};
  std::vector<Recommendation> items;
  std::size_t size() const { return customer.size(); }
};

// Hit rate, precision, recall at k (means over the customers evaluated) and coverage (distinct
// products recommended over the products sold in the calibration period).
struct Metrics {
  double hit_rate = 0, precision = 0, recall = 0, coverage = 0;
};

struct EvaluationGroup {
  std::string key;  // "all", or the segment group key
  std::uint64_t customers = 0;
  Metrics recommender_at5, recommender_at10, baseline_at5, baseline_at10;
};

struct Evaluation {
  std::int32_t calibration_end = 0;
  std::int32_t holdout_end = 0;  // the last purchase day in the data
  std::string pack;              // the pack whose groups break the figures down
  std::vector<EvaluationGroup> groups;  // "all" first
};

struct ModelStats {
  std::uint64_t co_purchase_pairs = 0;  // similarities kept, both directions
  std::uint64_t sequence_pairs = 0;
  std::uint64_t consumables = 0;
  std::string content_attribute;  // "category", "vendor" or "" when the export has neither
  std::vector<std::string> content_names;  // per group: Recommendation::because of favourite_*
};

struct RecommendResult {
  std::int32_t end_day = 0;
  std::uint32_t top_n = 0;
  std::uint32_t recent_days = 0;
  std::optional<std::string> segment;
  std::vector<std::string> group_keys;  // with a segment: the pack's group keys
  ModelStats model;
  RecommendationLists lists;
  std::optional<Evaluation> evaluation;
  std::vector<std::string> notes;  // why lists are empty or the evaluation has nobody
};

// Throws IngestError(BadOption) for a segment that does not exist (naming the option).
RecommendResult recommend(const Dataset& dataset, const RecommendOptions& options);

std::string_view reason_key(Reason reason);

}  // namespace orderlens::recommend
