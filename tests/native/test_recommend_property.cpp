// Properties of the recommendations on random shops: a product bought is never offered again
// unless it is a consumable whose interval has passed; no product twice in a list; the tiers in
// order and ties broken by product index; the same lists on every run.
#include <doctest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "api/recommend_json.hpp"
#include "ingest/ingest_options.hpp"
#include "ingest/ingestor.hpp"
#include "recommend/recommend.hpp"

using namespace orderlens;
using namespace orderlens::recommend;

namespace {

// A random shop: 150 customers, 25 products in 4 categories, up to 6 orders each over 120 days;
// products 0-4 are bought again and again (consumables), the rest at random.
std::string random_shop(std::uint32_t seed) {
  std::uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
  const auto next = [&](std::uint32_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>((state >> 33) % n);
  };
  std::string csv = "order_id,customer_id,date,sku,product_name,category,amount,status\n";
  int order = 0;
  for (int c = 0; c < 150; ++c) {
    const std::uint32_t orders = 1 + next(6);
    const std::uint32_t staple = next(5);
    int day = static_cast<int>(next(30));
    for (std::uint32_t k = 0; k < orders && day < 120; ++k, day += 5 + static_cast<int>(next(25))) {
      ++order;
      std::set<std::uint32_t> items;
      if (next(3) > 0) items.insert(staple);
      const std::uint32_t lines = 1 + next(3);
      for (std::uint32_t i = 0; i < lines; ++i) items.insert(next(25));
      for (std::uint32_t p : items) {
        const int month = 1 + day / 30, dom = 1 + day % 28;
        csv += "o" + std::to_string(order) + ",c" + std::to_string(c) + ",2024-" + (month < 10 ? "0" : "") +
               std::to_string(month) + "-" + (dom < 10 ? "0" : "") + std::to_string(dom) + ",P" + std::to_string(p) +
               ",Product " + std::to_string(p) + ",Cat" + std::to_string(p % 4) + ",9.00," + (next(20) ? "paid" : "refunded") + "\n";
      }
    }
  }
  return csv;
}

int tier(Reason r) {
  switch (r) {
    case Reason::Reorder:
    case Reason::ReorderTypical: return 0;
    case Reason::BoughtNext:
    case Reason::AlsoBought: return 1;
    case Reason::FavouriteCategory:
    case Reason::FavouriteVendor: return 2;
    case Reason::BestSeller: break;
  }
  return 3;
}

// Distinct products each customer bought in purchase orders up to `end_day`, counted here from
// the tables (not through the recommender's own history).
std::vector<std::set<std::uint32_t>> bought_by_customer(const Dataset& ds, std::int32_t end_day) {
  std::vector<std::set<std::uint32_t>> bought(ds.customers.size());
  for (std::size_t i = 0; i < ds.lines.size(); ++i) {
    const std::uint32_t k = ds.lines.order[i];
    if (ds.lines.kind[i] == LineKind::Sale && ds.orders.counts_as_purchase(k) && ds.orders.day[k] <= end_day)
      bought[ds.orders.customer[k]].insert(ds.lines.product[i]);
  }
  return bought;
}

}  // namespace

TEST_CASE("recommend properties on random shops") {
  for (std::uint32_t seed = 1; seed <= 6; ++seed) {
    Ingestor ingestor(parse_ingest_options(R"({"fileName":"random.csv","preset":"generic"})"));
    ingestor.push(random_shop(seed));
    const IngestResult data = ingestor.finish();
    const Dataset& ds = *data.dataset;
    for (const char* options : {R"({"popularityWeight": 0, "minCount": 1})", R"({"topN": 7})",
                                R"({"popularityWeight": 0, "topN": 25, "reorder": {"minShare": 0.1}})"}) {
      INFO("seed " << seed << " options " << options);
      const RecommendOptions o = parse_recommend_options(options);
      const RecommendResult r = recommend::recommend(ds, o);
      const std::vector<std::set<std::uint32_t>> bought = bought_by_customer(ds, r.end_day);
      std::size_t reorders = 0;
      for (std::size_t row = 0; row < r.lists.size(); ++row) {
        const std::uint32_t c = r.lists.customer[row];
        std::set<std::uint32_t> listed;
        for (std::uint32_t i = r.lists.offsets[row]; i < r.lists.offsets[row + 1]; ++i) {
          const Recommendation& rec = r.lists.items[i];
          CHECK(listed.insert(rec.product).second);
          if (tier(rec.reason) == 0) {
            ++reorders;
            CHECK(bought[c].count(rec.product) == 1);
            CHECK(rec.interval_days > 0);
            CHECK(rec.days_since >= rec.interval_days);
          } else {
            CHECK(bought[c].count(rec.product) == 0);
          }
          if (i == r.lists.offsets[row]) continue;
          const Recommendation& before = r.lists.items[i - 1];
          if (o.popularity_weight == 0) CHECK(tier(before.reason) <= tier(rec.reason));
          // Within a tier (all but reorders with λ > 0: neighbours and best sellers share one)
          // scores descend and equal scores go by product index.
          const bool same_tier = o.popularity_weight == 0 ? tier(before.reason) == tier(rec.reason)
                                                          : (tier(before.reason) == 0) == (tier(rec.reason) == 0);
          if (same_tier && tier(rec.reason) < 2) {
            CHECK(before.score >= rec.score);
            if (before.score == rec.score) CHECK(before.product < rec.product);
          }
        }
        CHECK(listed.size() <= o.top_n);
      }
      if (o.reorder_min_share < 0.2) CHECK(reorders > 0);  // the staples are consumables
      // The same lists on a second run.
      const RecommendResult again = recommend::recommend(ds, o);
      CHECK(again.lists.offsets == r.lists.offsets);
      bool same = again.lists.items.size() == r.lists.items.size();
      for (std::size_t i = 0; same && i < r.lists.items.size(); ++i)
        same = again.lists.items[i].product == r.lists.items[i].product && again.lists.items[i].score == r.lists.items[i].score;
      CHECK(same);
    }
  }
}
