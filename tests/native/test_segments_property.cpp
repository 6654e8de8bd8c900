// Properties of the segment packs on random shops: every pack is a partition of its members,
// loyalty tiers are monotone in value (a customer with at least another's revenue and purchases,
// and more of one, never ranks below them), RFM scores are monotone in their value, and the cycle's due flag
// agrees with its own columns.
#include <doctest.h>

#include <random>
#include <string>

#include "api/segments_json.hpp"
#include "ingest/ingestor.hpp"
#include "segments/segmentation.hpp"

using namespace orderlens;
using namespace orderlens::segments;

namespace {

// A generic orders file: `customers` customers with 1-12 orders each over two years, amounts
// from a few fixed prices (many ties), SKUs from a small catalogue.
std::string random_shop(unsigned seed, int customers) {
  std::mt19937 rng(seed);
  std::string csv = "order_id,customer_id,date,sku,category,amount\n";
  int order = 1;
  for (int c = 0; c < customers; ++c) {
    const int orders = 1 + static_cast<int>(rng() % (rng() % 3 == 0 ? 12 : 2));
    for (int k = 0; k < orders; ++k) {
      const int day = 1 + static_cast<int>(rng() % 700);
      const int y = 2023 + day / 365, doy = day % 365;
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, 1 + doy / 31 % 12, 1 + doy % 28);
      const int sku = static_cast<int>(rng() % 20);
      static constexpr int kPrices[] = {10, 20, 20, 35, 50, 120};
      csv += std::to_string(order++) + ",C" + std::to_string(c) + "," + date + ",S" + std::to_string(sku) + ",K" +
             std::to_string(sku % 4) + "," + std::to_string(kPrices[rng() % 6]) + "\n";
    }
  }
  return csv;
}

const MemberColumn& column(const PackResult& p, const std::string& key) {
  for (const MemberColumn& c : p.columns)
    if (c.key == key) return c;
  FAIL("no column " << key);
  throw;
}

}  // namespace

TEST_CASE("segment properties on random shops") {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    CAPTURE(seed);
    Ingestor ingestor(parse_ingest_options(R"({"fileName":"random.csv"})"));
    ingestor.push(random_shop(seed, 300 + 97 * static_cast<int>(seed)));
    const IngestResult shop = ingestor.finish();
    const Segmentation s = segment_customers(
        *shop.dataset,
        parse_segmentation_options(R"({"crossSell":{"a":{"category":"K1"},"b":{"sku":"S2"}},"rules":[{"key":"a","rule":{"field":"orders","op":">=","value":3}},{"key":"b","rule":{"inSegment":"tiers.next_20"}}]})"));
    const std::size_t n = s.base.size();
    REQUIRE(n > 100);
    REQUIRE(s.packs.size() == 6);
    for (const PackResult& p : s.packs) {
      CAPTURE(p.key);
      std::uint64_t members = 0;
      for (const GroupTotals& t : p.totals) members += t.members;
      CHECK(members == n);
      bool all_valid = p.group_of.size() == n;
      for (std::uint8_t g : p.group_of) all_valid = all_valid && g < p.groups.size();
      CHECK(all_valid);
    }
    const CustomerSummary& c = s.base.summary;
    const PackResult& tiers = s.packs[4];
    REQUIRE(tiers.key == "tiers");
    const PackResult& rfm = s.packs[0];
    const std::vector<double>& rank = column(tiers, "rank").values;
    const std::vector<double>& m = column(rfm, "m").values;
    const std::vector<double>& r = column(rfm, "r").values;
    std::size_t tier_violations = 0, score_violations = 0;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) {
        // At least as much of both and more of one (equal customers are ordered by first appearance).
        const bool dominates = c.net_revenue[i] >= c.net_revenue[j] && c.orders[i] >= c.orders[j] &&
                               (c.net_revenue[i] > c.net_revenue[j] || c.orders[i] > c.orders[j]);
        if (dominates && rank[i] > rank[j]) ++tier_violations;
        if (c.net_revenue[i] > c.net_revenue[j] && m[i] < m[j]) ++score_violations;
        if (c.net_revenue[i] == c.net_revenue[j] && m[i] != m[j]) ++score_violations;  // ties never split
        if (s.base.recency_days[i] < s.base.recency_days[j] && r[i] < r[j]) ++score_violations;
      }
    }
    CHECK(tier_violations == 0);
    CHECK(score_violations == 0);
    // Tier sizes: ceil(20%) and ceil(40%) - ceil(20%).
    CHECK(tiers.totals[0].members == (n * 20 + 99) / 100);
    CHECK(tiers.totals[0].members + tiers.totals[1].members == (n * 40 + 99) / 100);
    // The cycle's group agrees with its columns.
    const PackResult& cycle = s.packs[2];
    REQUIRE(cycle.key == "cycle");
    const std::vector<double>& due_in = column(cycle, "dueInDays").values;
    std::size_t disagreements = 0;
    for (std::size_t i = 0; i < n; ++i) disagreements += (cycle.group_of[i] == 0) != (due_in[i] < 0);
    CHECK(disagreements == 0);
  }
}
