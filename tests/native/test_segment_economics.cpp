// Segment economics (segments/economics.hpp): the per-group arithmetic on hand-made inputs, every
// value worked out by hand in the comments; then the whole path on the KPI hand shop
// (tests/fixtures/kpis/hand-shop.csv), where each member's CAC is that of their channel.
#include <doctest.h>

#include <cmath>
#include <string>

#include "api/segments_json.hpp"
#include "clv/clv_analysis.hpp"
#include "fixture_support.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"
#include "segments/economics.hpp"
#include "segments/segmentation.hpp"

using namespace orderlens;
using namespace orderlens::segments;
using json = nlohmann::json;

namespace {

PackResult pack_of(const std::string& key, std::vector<std::uint8_t> group_of) {
  PackResult p;
  p.key = key;
  p.groups = {GroupDefinition{"g0", {}, "", {}}, GroupDefinition{"g1", {}, "", {}}};
  p.group_of = std::move(group_of);
  return p;
}

const Dataset& kpi_shop() { return testing::fixture_dataset("kpis/hand-shop.csv"); }

}  // namespace

TEST_CASE("segment economics: revenue, CLV, value at risk, CAC and LTV:CAC per group, and the sorted views") {
  CustomerBase base;
  base.summary.customer = {0, 1, 2, 3};
  base.summary.net_revenue = {100, 300, 50, 0};
  clv::CustomerPredictions clv;
  clv.clv = {40, 80, 10, 0};
  clv.expected_purchases = {1, 2, 0.5, 0};
  clv.p_alive = {0.8, 0.5, 1.0, 0.0};
  const std::vector<double> cac = {20, std::nan(""), 10, 10};
  // Pack x: rows 0, 1 in g0 and 2, 3 in g1. The funnel's visitors 0 and 1 both joined row 2
  // (the first visitor's group, g0, counts); visitor 2 joined nobody.
  const std::vector<PackResult> packs = {pack_of("x", {0, 0, 1, 1}), pack_of("funnel", {0, 1, 1})};
  const std::vector<std::uint32_t> visitor_row = {2, 2, kNoRow};
  std::vector<std::vector<std::uint8_t>> groups;
  for (const PackResult& p : packs) groups.push_back(customer_groups_of(p, base, visitor_row));
  CHECK(groups[1] == std::vector<std::uint8_t>{kNoGroup, kNoGroup, 0, kNoGroup});

  EconomicsInputs in;
  in.clv = &clv;
  in.cac_of_row = &cac;
  in.margin = 0.5;
  const SegmentEconomics e = segment_economics(base, packs, groups, in);
  REQUIRE(e.clv);
  REQUIRE(e.cac);
  // x.g0 (rows 0, 1): revenue (100 + 300) / 2; CLV (40 + 80) / 2; purchases (1 + 2) / 2;
  // P(alive) (0.8 + 0.5) / 2; at risk 40 / 0.8 × 0.2 + 80 / 0.5 × 0.5 = 10 + 80. Only row 0 has a
  // CAC: 20; its LTV 100 × 0.5 + 40 = 90, so LTV:CAC 4.5.
  const GroupEconomics& g0 = e.packs[0][0];
  CHECK(g0.customers == 2);
  CHECK(*g0.revenue_per_customer == 200);
  CHECK(*g0.mean_clv == 60);
  CHECK(*g0.expected_purchases == 1.5);
  CHECK(*g0.mean_p_alive == doctest::Approx(0.65).epsilon(1e-15));
  CHECK(*g0.value_at_risk == doctest::Approx(90).epsilon(1e-15));
  CHECK(g0.cac_customers == 1);
  CHECK(*g0.cac == 20);
  CHECK(*g0.ltv == 90);
  CHECK(*g0.ltv_to_cac == 4.5);
  // x.g1 (rows 2, 3): revenue 25, CLV 5, purchases 0.25, P(alive) 0.5; at risk 10 / 1 × 0 and
  // nothing for a customer certainly gone (P(alive) 0). CAC (10 + 10) / 2; LTV
  // ((50 × 0.5 + 10) + 0) / 2 = 17.5; LTV:CAC 1.75.
  const GroupEconomics& g1 = e.packs[0][1];
  CHECK(*g1.revenue_per_customer == 25);
  CHECK(*g1.mean_clv == 5);
  CHECK(*g1.expected_purchases == 0.25);
  CHECK(*g1.mean_p_alive == 0.5);
  CHECK(*g1.value_at_risk == 0);
  CHECK(*g1.cac == 10);
  CHECK(*g1.ltv == 17.5);
  CHECK(*g1.ltv_to_cac == 1.75);
  // funnel.g0 is row 2 alone; funnel.g1 has no customer: no means.
  CHECK(e.packs[1][0].customers == 1);
  CHECK(*e.packs[1][0].mean_clv == 10);
  CHECK(e.packs[1][1].customers == 0);
  CHECK(!e.packs[1][1].revenue_per_customer);
  CHECK(!e.packs[1][1].mean_clv);
  CHECK(!e.packs[1][1].cac);
  // Worth most by mean CLV: x.g0 60, funnel.g0 10, x.g1 5 (the empty group is left out).
  REQUIRE(e.worth_most.size() == 3);
  CHECK(e.worth_most_by == "clv");
  CHECK((e.worth_most[0].pack == 0 && e.worth_most[0].group == 0 && e.worth_most[0].value == 60));
  CHECK((e.worth_most[1].pack == 1 && e.worth_most[1].group == 0));
  CHECK((e.worth_most[2].pack == 0 && e.worth_most[2].group == 1));
  // At risk: x.g0 90, then the ties at 0 in the packs' order.
  REQUIRE(e.at_risk.size() == 3);
  CHECK((e.at_risk[0].pack == 0 && e.at_risk[0].group == 0 && e.at_risk[0].value == doctest::Approx(90)));
  CHECK((e.at_risk[1].pack == 0 && e.at_risk[1].group == 1));
  CHECK((e.at_risk[2].pack == 1 && e.at_risk[2].group == 0));

  // Without the models: no CLV columns, worth most by revenue per customer, no at-risk view.
  EconomicsInputs bare;
  bare.clv_problem = "too few customers";
  const SegmentEconomics r = segment_economics(base, packs, groups, bare);
  CHECK(!r.clv);
  CHECK(!r.cac);
  CHECK(r.clv_problem == "too few customers");
  CHECK(!r.packs[0][0].mean_clv);
  CHECK(r.worth_most_by == "revenue");
  REQUIRE(r.worth_most.size() == 3);
  CHECK(r.worth_most[0].value == 200);
  CHECK(r.worth_most[1].value == 50);
  CHECK(r.worth_most[2].value == 25);
  CHECK(r.at_risk.empty());
}

TEST_CASE("segment economics on the KPI hand shop: each member's CAC is their acquisition channel's") {
  // Net revenue to 10 April: A 100+150+90+110 = 450, B 200+60 = 260 (order 6 refunded),
  // C 50-20 = 30, D 80 (order 13 pending), E 200+30 = 230, F 40. "big" (>= 200): A, B, E.
  // Spend: google 500 for A and E (CAC 250), naver 300 for B and D (CAC 150); C (instagram) and
  // F (direct) have no spend.
  const std::string options = R"({"packs":["custom"],"rules":[{"key":"big","rule":{"field":"revenue","op":">=","value":200}}],
    "channels":{"margin":0.5,"spend":[{"channel":"google","amount":500},{"channel":"naver","amount":300}]}})";
  const Segmentation s = segment_customers(kpi_shop(), parse_segmentation_options(options));
  const json j = json::parse(segmentation_json(s).dump());
  const json& big = j["packs"][0]["groups"][0];
  const json& other = j["packs"][0]["groups"][1];
  CHECK(big["key"] == "big");
  CHECK(big["customers"] == 3);
  CHECK(big["revenuePerCustomer"] == 940.0 / 3);
  CHECK(other["revenuePerCustomer"] == 50);  // (30 + 80 + 40) / 3
  CHECK(j["economics"]["cac"] == true);
  CHECK(big["cacCustomers"] == 3);
  CHECK(big["cac"] == doctest::Approx(650.0 / 3).epsilon(1e-15));  // (250 + 150 + 250) / 3
  CHECK(other["cacCustomers"] == 1);
  CHECK(other["cac"] == 150);  // D
  // The CLV columns come from the CLV models (tested on CDNOW in test_clv): LTV is revenue to
  // date × the margin plus that CLV, averaged over the members with a CAC.
  REQUIRE(j["economics"]["clv"] == true);
  clv::ClvOptions clv_options;
  clv_options.end_day = s.base.end_day;
  clv_options.margin = 0.5;
  const clv::ClvAnalysis a = clv::analyze_clv(kpi_shop(), clv_options);
  double clv_big = 0;
  for (std::size_t row = 0; row < a.summary.size(); ++row)
    if (a.summary.net_revenue[row] >= 200) clv_big += a.predictions.clv[row];
  CHECK(big["meanClv"] == doctest::Approx(clv_big / 3).epsilon(1e-12));
  CHECK(big["ltv"] == doctest::Approx((940 * 0.5 + clv_big) / 3).epsilon(1e-12));
  CHECK(big["ltvToCac"] == doctest::Approx((940 * 0.5 + clv_big) / 650).epsilon(1e-12));
  // Without spend there are no CAC columns; economics: false leaves the CLV out too.
  const json plain = json::parse(segmentation_json(segment_customers(kpi_shop(), parse_segmentation_options(R"({"packs":["tiers"]})"))).dump());
  CHECK(plain["economics"]["cac"] == false);
  CHECK(!plain["packs"][0]["groups"][0].contains("cac"));
  CHECK(plain["packs"][0]["groups"][0].contains("meanClv"));
  const json off = json::parse(
      segmentation_json(segment_customers(kpi_shop(), parse_segmentation_options(R"({"packs":["tiers"],"economics":false})"))).dump());
  CHECK(off["economics"].is_null());
  CHECK(!off["packs"][0]["groups"][0].contains("meanClv"));
  CHECK(off["packs"][0]["groups"][0]["revenuePerCustomer"].is_number());
  CHECK_THROWS_AS(parse_segmentation_options(R"({"economics":"yes"})"), IngestError);
}
