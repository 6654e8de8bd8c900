// Segment packs on a hand-made shop (tests/fixtures/segments/hand-shop.csv, end date
// 2024-06-30). Every expected group below is worked out by hand in the comments from the
// file's rows; none is copied from the code's output.
#include <doctest.h>

#include <map>
#include <set>
#include <string>

#include "api/segments_json.hpp"
#include "fixture_support.hpp"
#include "ingest/ingest_error.hpp"
#include "events/event_ingestor.hpp"
#include "events/event_options.hpp"
#include "ingest/ingestor.hpp"
#include "segments/rfm.hpp"
#include "segments/segmentation.hpp"

using namespace orderlens;
using namespace orderlens::segments;

namespace {

const Dataset& hand_shop() { return testing::fixture_dataset("segments/hand-shop.csv"); }

Segmentation run(const std::string& options_json) {
  return segment_customers(hand_shop(), parse_segmentation_options(options_json));
}

const PackResult& pack_of(const Segmentation& s, const std::string& key) {
  for (const PackResult& p : s.packs)
    if (p.key == key) return p;
  FAIL("no pack " << key);
  throw;
}

// customer id -> group key
std::map<std::string, std::string> groups_of(const Segmentation& s, const std::string& key) {
  const PackResult& p = pack_of(s, key);
  std::map<std::string, std::string> out;
  const Dataset& ds = *s.base.dataset;
  for (std::size_t r = 0; r < s.base.size(); ++r)
    out[std::string(ds.customer_keys.view(ds.customers.key[s.base.summary.customer[r]]))] = p.groups[p.group_of[r]].key;
  return out;
}

std::map<std::string, double> column_of(const Segmentation& s, const std::string& pack, const std::string& column) {
  const PackResult& p = pack_of(s, pack);
  const Dataset& ds = *s.base.dataset;
  for (const MemberColumn& c : p.columns) {
    if (c.key != column) continue;
    std::map<std::string, double> out;
    for (std::size_t r = 0; r < s.base.size(); ++r)
      out[std::string(ds.customer_keys.view(ds.customers.key[s.base.summary.customer[r]]))] = c.values[r];
    return out;
  }
  FAIL("no column " << column);
  throw;
}

std::string bad_option_message(const std::string& options_json) {
  try {
    run(options_json);
  } catch (const IngestError& e) {
    CHECK(e.code() == IngestErrorCode::BadOption);
    return e.what();
  }
  FAIL("no error for " << options_json);
  return "";
}

}  // namespace

// Customers (end 2024-06-30; C9's cancelled order does not count):
//        purchases  revenue  last purchase  recency days
//   C1       4        400    2024-06-28       2
//   C2       3        150    2024-06-20      10
//   C3       1        300    2024-06-25       5
//   C4       3         60    2024-03-10     112
//   C5       2       1000    2024-01-15     167
//   C6       1         80    2024-06-01      29
//   C7       1         40    2023-07-01     365
//   C8       2        100    2024-05-01      60   (two orders on one day)
//   C9       1        200    2024-04-15      76
//   C10      5         50    2024-06-30       0
TEST_CASE("RFM scores by quintile with ties kept together, and both named schemes") {
  const Segmentation s = run(R"({"packs":["rfm"]})");
  CHECK(s.base.size() == 10);
  // n = 10: score = 1 + floor(5 * below / 10).
  // R: by recency, worst first C7 C5 C4 C9 C8 C6 C2 C3 C1 C10 -> 1 1 2 2 3 3 4 4 5 5.
  // F: 1,1,1,1 (C3 C6 C7 C9, below 0) -> 1; 2,2 (C5 C8, below 4) -> 3; 3,3 (C2 C4, below 6) -> 4;
  //    4 (C1, below 8) -> 5; 5 (C10, below 9) -> 5. 4 of 10 bought once: not degenerate.
  // M: C7 40, C10 50, C4 60, C6 80, C8 100, C2 150, C9 200, C3 300, C1 400, C5 1000
  //    -> 1 1 2 2 3 3 4 4 5 5.
  const std::map<std::string, double> r = column_of(s, "rfm", "r"), f = column_of(s, "rfm", "f"), m = column_of(s, "rfm", "m");
  const std::map<std::string, std::array<int, 3>> expected = {
      {"C1", {5, 5, 5}}, {"C2", {4, 4, 3}}, {"C3", {4, 1, 4}}, {"C4", {2, 4, 2}}, {"C5", {1, 3, 5}},
      {"C6", {3, 1, 2}}, {"C7", {1, 1, 1}}, {"C8", {3, 3, 3}}, {"C9", {2, 1, 4}}, {"C10", {5, 5, 1}}};
  for (const auto& entry : expected) {
    const std::string& id = entry.first;
    const std::array<int, 3>& rfm = entry.second;
    CAPTURE(id);
    CHECK(r.at(id) == rfm[0]);
    CHECK(f.at(id) == rfm[1]);
    CHECK(m.at(id) == rfm[2]);
  }
  CHECK(pack_of(s, "rfm").details["frequencyScoring"] == "quintile");
  // R x F grid: C1 (5,5) and C10 (5,5) champions; C2 (4,4) loyal; C3 (4,1) promising; C4 (2,4)
  // and C5 (1,3) at risk; C6 (3,1) about to sleep; C7 (1,1) and C9 (2,1) hibernating; C8 (3,3)
  // need attention.
  CHECK(groups_of(s, "rfm") == std::map<std::string, std::string>{
                                   {"C1", "champions"}, {"C10", "champions"}, {"C2", "loyal"}, {"C3", "promising"},
                                   {"C4", "at_risk"}, {"C5", "at_risk"}, {"C6", "about_to_sleep"}, {"C7", "hibernating"},
                                   {"C8", "need_attention"}, {"C9", "hibernating"}});
  // Shopify-style on R x (F+M): C1 R5 10 top -> champions; C2 R4 7 high -> loyal; C3 R4 5 mid ->
  // active; C4 R2 6 mid -> almost lost; C5 R1 8 high -> at risk; C6 R3 3 low -> almost lost;
  // C7 R1 2 -> dormant; C8 R3 6 mid -> needs attention; C9 R2 5 mid -> almost lost; C10 R5 6 mid -> active.
  const Segmentation shop = run(R"({"packs":["rfm"],"rfm":{"scheme":"shopify"}})");
  CHECK(groups_of(shop, "rfm") == std::map<std::string, std::string>{
                                      {"C1", "champions"}, {"C2", "loyal"}, {"C3", "active"}, {"C4", "almost_lost"},
                                      {"C5", "at_risk"}, {"C6", "almost_lost"}, {"C7", "dormant"},
                                      {"C8", "needs_attention"}, {"C9", "almost_lost"}, {"C10", "active"}});
  // Per segment totals: champions C1 + C10 = 2 customers, 450 revenue, 9 orders, recency (2+0)/2.
  const PackResult& p = pack_of(s, "rfm");
  const GroupTotals& champions = p.totals[p.group_index("champions")];
  CHECK(champions.members == 2);
  CHECK(champions.revenue == 450);
  CHECK(champions.orders == 9);
  CHECK(champions.recency_days_sum == 2);
}

TEST_CASE("every one of the 125 RFM cells maps to exactly one group, in both schemes") {
  std::array<int, 10> grid_hits{}, shopify_hits{};
  for (int r = 1; r <= 5; ++r)
    for (int f = 1; f <= 5; ++f)
      for (int m = 1; m <= 5; ++m) {
        const std::size_t g = rf_grid_group(r, f), h = shopify_group(r, f, m);
        REQUIRE(g < 10);
        REQUIRE(h < 10);
        ++grid_hits[g];
        ++shopify_hits[h];
      }
  int grid_total = 0, shopify_total = 0;
  for (int i = 0; i < 10; ++i) {
    CHECK(grid_hits[i] > 0);  // every named segment is reachable
    CHECK(shopify_hits[i] > 0);
    grid_total += grid_hits[i];
    shopify_total += shopify_hits[i];
  }
  CHECK(grid_total == 125);
  CHECK(shopify_total == 125);
  // The grid's cells by hand: champions = R5 x F4-5 x 5 M = 10 cells; hibernating = R1-2 x F1-2 = 20.
  CHECK(grid_hits[0] == 10);
  CHECK(grid_hits[9] == 20);
}

TEST_CASE("quintile scores: ties never split, absolute frequency thresholds") {
  CHECK(quintile_scores(std::vector<double>{5, 5, 5, 5, 5}) == std::vector<std::uint8_t>{1, 1, 1, 1, 1});
  // 7 values, one tie of three at the bottom: 9 4 6 7 have 6 3 4 5 values below, the 1s none;
  // 1 + floor(5 * below / 7): 9 -> 1 + 30/7 = 5, 4 -> 1 + 15/7 = 3, 6 -> 1 + 20/7 = 3, 7 -> 1 + 25/7 = 4.
  CHECK(quintile_scores(std::vector<double>{9, 1, 1, 4, 1, 6, 7}) == std::vector<std::uint8_t>{5, 1, 1, 3, 1, 3, 4});
  CHECK(absolute_frequency_score(1) == 1);
  CHECK(absolute_frequency_score(2) == 2);
  CHECK(absolute_frequency_score(4) == 3);
  CHECK(absolute_frequency_score(5) == 4);
  CHECK(absolute_frequency_score(9) == 4);
  CHECK(absolute_frequency_score(10) == 5);
  const Segmentation s = run(R"({"packs":["rfm"],"rfm":{"frequencyScores":"absolute"}})");
  const std::map<std::string, double> f = column_of(s, "rfm", "f");
  CHECK(f.at("C1") == 3);  // 4 purchases
  CHECK(f.at("C8") == 2);  // 2 orders on one day are 2 purchases
  CHECK(f.at("C10") == 4);
}

TEST_CASE("repurchase groups: <= 2 vs >= 3 purchases x revenue vs the <= 2 buyers' mean") {
  // <= 2 purchases: C3 300, C5 1000, C6 80, C7 40, C8 100, C9 200 -> mean 1720 / 6 = 286.67.
  const Segmentation s = run(R"({"packs":["repurchase"]})");
  CHECK(groups_of(s, "repurchase") ==
        std::map<std::string, std::string>{{"C1", "loyal"}, {"C2", "frequent_low_value"}, {"C3", "high_value_infrequent"},
                                           {"C4", "frequent_low_value"}, {"C5", "high_value_infrequent"},
                                           {"C6", "just_bought"}, {"C7", "just_bought"}, {"C8", "just_bought"},
                                           {"C9", "just_bought"}, {"C10", "frequent_low_value"}});
  const PackResult& p = pack_of(s, "repurchase");
  CHECK(p.details["revenueThreshold"].get<double>() == doctest::Approx(1720.0 / 6).epsilon(1e-15));
  CHECK(p.totals[p.group_index("just_bought")].revenue == 420);
  CHECK(p.totals[p.group_index("high_value_infrequent")].revenue == 1300);
  const nlohmann::ordered_json j = segmentation_json(s);
  CHECK(j["revenue"] == 2380);
  CHECK(j["packs"][0]["groups"][1]["revenueShare"].get<double>() == doctest::Approx(1300.0 / 2380).epsilon(1e-15));
  CHECK(j["packs"][0]["groups"][0]["share"] == 0.4);
}

TEST_CASE("purchase cycle: the shop's median gap, own median from 3 purchase days, or a cutoff") {
  // Gaps between purchase days: C1 30 30 31; C2 10 10; C4 31 29; C5 45; C10 14 17 14 15
  // (C8's two orders are one day). Sorted: 10 10 14 14 15 17 | 29 30 30 31 31 45 -> median 23.
  // Own cycles: C1 30, C2 10, C4 30, C10 14.5. Due when days since last > cycle:
  // C4 112 > 30, C5 167, C6 29, C7 365, C8 60, C9 76 > 23; C2 10 > 10 is not due.
  const Segmentation s = run(R"({"packs":["cycle"]})");
  const PackResult& p = pack_of(s, "cycle");
  CHECK(p.details["shopCycleDays"] == 23);
  CHECK(p.details["customersWithOwnCycle"] == 4);
  CHECK(groups_of(s, "cycle") == std::map<std::string, std::string>{
                                     {"C1", "not_due"}, {"C2", "not_due"}, {"C3", "not_due"}, {"C4", "due"}, {"C5", "due"},
                                     {"C6", "due"}, {"C7", "due"}, {"C8", "due"}, {"C9", "due"}, {"C10", "not_due"}});
  const std::map<std::string, double> cycle = column_of(s, "cycle", "cycleDays");
  CHECK(cycle.at("C10") == 14.5);
  CHECK(cycle.at("C3") == 23);
  CHECK(column_of(s, "cycle", "dueInDays").at("C4") == 30 - 112);
  // "No purchase in the last 5 months": 2024-01-30 to 2024-06-30 is 152 days; C5 167 and C7 365.
  const Segmentation months = run(R"({"packs":["cycle"],"cycle":{"cutoffMonths":5}})");
  CHECK(pack_of(months, "cycle").details["cutoffDays"] == 152);
  CHECK(pack_of(months, "cycle").totals[0].members == 2);
  CHECK(groups_of(months, "cycle").at("C5") == "due");
  CHECK(groups_of(months, "cycle").at("C7") == "due");
}

TEST_CASE("loyalty tiers: top 20% and 21-40% by the revenue / purchases composite") {
  // Doubled mid-ranks (revenue + purchases): C1 16+16, C5 18+9, C2 10+13, C10 2+18, then C3 14+3,
  // C4 4+13 and C8 8+9 tie at 17 (revenue breaks it: C3, C8, C4), C9 12+3, C6 6+3, C7 0+3.
  // Top ceil(2) = C1, C5; next to ceil(4) = C2, C10.
  const Segmentation s = run(R"({"packs":["tiers"]})");
  const std::map<std::string, std::string> g = groups_of(s, "tiers");
  CHECK(g == std::map<std::string, std::string>{{"C1", "top_20"}, {"C5", "top_20"}, {"C2", "next_20"}, {"C10", "next_20"},
                                                {"C3", "rest"}, {"C4", "rest"}, {"C6", "rest"}, {"C7", "rest"},
                                                {"C8", "rest"}, {"C9", "rest"}});
  const std::map<std::string, double> rank = column_of(s, "tiers", "rank");
  CHECK(rank.at("C3") == 5);
  CHECK(rank.at("C8") == 6);
  CHECK(rank.at("C4") == 7);
  CHECK(rank.at("C7") == 10);
  CHECK(column_of(s, "tiers", "composite").at("C1") == doctest::Approx(32.0 / 36).epsilon(1e-15));
}

TEST_CASE("cross-sell: bought A within n months and never B; bought C within n months") {
  // Window: after 2024-03-30. A buyers in it: C1 (06-28), C2 (06-20), C6 (06-01), C10 (06-30);
  // C5's A is from January, C9's A order was cancelled. B ever: C2, C3, C10.
  const Segmentation s = run(R"({"packs":["crosssell"],"crossSell":{"a":{"sku":"A"},"b":{"sku":"B"},"months":3}})");
  CHECK(groups_of(s, "crosssell") == std::map<std::string, std::string>{
                                         {"C1", "a_not_b"}, {"C2", "a_and_b"}, {"C3", "other"}, {"C4", "other"},
                                         {"C5", "other"}, {"C6", "a_not_b"}, {"C7", "other"}, {"C8", "other"},
                                         {"C9", "other"}, {"C10", "a_and_b"}});
  // Category Hair within 2 months (after 2024-04-30): C2 (Y 05-31), C8 (05-01), C10 (Y 05-15..06-15).
  const Segmentation c = run(R"({"packs":["crosssell"],"crossSell":{"a":{"category":"Hair"},"months":2}})");
  const PackResult& p = pack_of(c, "crosssell");
  CHECK(p.groups[0].key == "bought");
  CHECK(p.totals[0].members == 3);
  CHECK(groups_of(c, "crosssell").at("C8") == "bought");
  CHECK(groups_of(c, "crosssell").at("C9") == "other");  // X on 04-15 is before the window
  // Without A and B the pack takes the best next-purchase pair bought by >= 3 customers. Here the
  // only pairs A != B on consecutive purchase days are Y -> A (C5, C10), Y -> B and B -> A (C2),
  // B -> Y (C10) and Y -> Y: none reaches 3 customers, so there is no suggestion, and a note.
  const Segmentation auto_pair = run(R"({"packs":["crosssell"]})");
  CHECK(auto_pair.packs.empty());
  REQUIRE(auto_pair.notes.size() == 1);
  CHECK(auto_pair.notes[0].find("No cross-sell pair to suggest") == 0);
  CHECK_THROWS_WITH_AS(run(R"({"crossSell":{"a":{"sku":"NOPE"}}})"),
                       doctest::Contains("crossSell.a: no product with SKU \"NOPE\""), std::invalid_argument);
}

TEST_CASE("custom rules: first matching segment wins; fields, groups and products") {
  const std::string rules = R"({"packs":["custom"],"rules":{"minSize":2,"segments":[
    {"key":"vip_lapsing","name":{"en":"VIP lapsing","ko":"이탈 중인 VIP"},"campaign":{"key":"win_back","en":"Win back"},
     "rule":{"all":[{"field":"revenue","op":">=","value":200},{"field":"recencyDays","op":">","value":60}]}},
    {"key":"skin_recent","rule":{"bought":{"category":"Skin"},"withinDays":30}},
    {"key":"champ_or_x","rule":{"any":[{"inSegment":"rfm.champions"},{"not":{"neverBought":{"sku":"X"}},"withinDays":90}]}}
  ]}})";
  // vip_lapsing: revenue >= 200 and recency > 60: C5 (1000, 167), C9 (200, 76).
  // skin_recent: Skin on 2024-06-01 or later: C1, C2, C3, C6, C10 (C9's is cancelled).
  // champ_or_x: champions C1 and C10 are taken; X within 90 days (from 04-02): C8 (C9 taken).
  const std::string any_not = R"({"packs":["custom"],"rules":{"minSize":2,"segments":[
    {"key":"vip_lapsing","name":{"en":"VIP lapsing","ko":"이탈 중인 VIP"},"campaign":{"key":"win_back","en":"Win back"},
     "rule":{"all":[{"field":"revenue","op":">=","value":200},{"field":"recencyDays","op":">","value":60}]}},
    {"key":"skin_recent","rule":{"bought":{"category":"Skin"},"withinDays":30}},
    {"key":"champ_or_x","rule":{"any":[{"inSegment":"rfm.champions"},{"bought":{"sku":"X"},"withinDays":90}]}}
  ]}})";
  const Segmentation s = run(any_not);
  CHECK(groups_of(s, "custom") == std::map<std::string, std::string>{
                                      {"C1", "skin_recent"}, {"C2", "skin_recent"}, {"C3", "skin_recent"}, {"C4", "other"},
                                      {"C5", "vip_lapsing"}, {"C6", "skin_recent"}, {"C7", "other"}, {"C8", "champ_or_x"},
                                      {"C9", "vip_lapsing"}, {"C10", "skin_recent"}});
  CHECK(s.packs.size() == 1);  // rfm was computed for the rule but not requested
  const nlohmann::ordered_json j = segmentation_json(s);
  CHECK(j["minSize"] == 2);
  CHECK(j["packs"][0]["groups"][0]["name"]["ko"] == "이탈 중인 VIP");
  CHECK(j["packs"][0]["groups"][2]["small"] == true);   // champ_or_x: 1 customer < 2
  CHECK(j["packs"][0]["groups"][3]["key"] == "other");
  // The rule with "withinDays" beside "not" is rejected, with its path.
  CHECK(bad_option_message(rules).find("custom rules at /segments/2/rule/any/1/withinDays: expected no other key here") !=
        std::string::npos);
  // Date and text fields.
  const Segmentation d = run(R"({"packs":["custom"],"rules":[
    {"key":"early","rule":{"field":"firstOrderDate","op":"<","value":"2024-01-01"}},
    {"key":"naver","rule":{"field":"channel","op":"=","value":"naver"}}]})");
  // Before 2024: C5 (2023-12-01), C7 (2023-07-01). Naver (first purchase): C1-C4 (C5 taken).
  const std::map<std::string, std::string> g = groups_of(d, "custom");
  CHECK(g.at("C5") == "early");
  CHECK(g.at("C7") == "early");
  CHECK(g.at("C4") == "naver");
  CHECK(g.at("C6") == "other");
  CHECK(pack_of(d, "custom").totals[1].members == 4);
}

TEST_CASE("custom rules: errors point to the JSON path and say what was expected") {
  auto message = [](const std::string& rules) { return bad_option_message(R"({"rules":)" + rules + "}"); };
  CHECK(message(R"([{"key":"a","rule":{"field":"revenu","op":">","value":1}}])") ==
        "custom rules at /0/rule/field: expected one of orders, revenue, aov, items, products, recencyDays, tenureDays, "
        "r, f, m, pAlive, clv, expectedPurchases, churnProbability, firstOrderDate, lastOrderDate, channel");
  CHECK(message(R"({"segments":[{"key":"a","rule":{"all":[{"field":"orders","op":"=>","value":1}]}}]})") ==
        "custom rules at /segments/0/rule/all/0/op: expected one of =, !=, <, <=, >, >=, between, in");
  CHECK(message(R"([{"key":"a","rule":{"field":"orders","op":"between","value":[5,1]}}])") ==
        "custom rules at /0/rule/value: expected [low, high] with low <= high");
  CHECK(message(R"([{"key":"a","rule":{"field":"lastOrderDate","op":">","value":"yesterday"}}])") ==
        "custom rules at /0/rule/value: expected a date such as \"2024-03-31\"");
  CHECK(message(R"([{"key":"a","rule":{"inSegment":"rfm.champs"}}])").find(
            "custom rules at /0/rule/inSegment: expected a group of rfm (champions, loyal,") == 0);
  CHECK(message(R"([{"key":"a","rule":{"bought":{"brand":"x"}}}])") ==
        "custom rules at /0/rule/bought/brand: expected \"sku\", \"name\" or \"category\"");
  CHECK(message(R"([{"key":"a","rule":{}}])").find("custom rules at /0/rule: expected a condition") == 0);
  CHECK(message(R"([{"key":"a b","rule":{"field":"orders","op":">","value":1}}])") ==
        "custom rules at /0/key: expected a key of letters, digits, _ or - (at most 64)");
  CHECK(message(R"([])") == "custom rules at /: expected a non-empty array of segments");
  // Options outside the rules name the option.
  CHECK(bad_option_message(R"({"packs":["rfm","nope"]})").find("options.packs: unknown pack \"nope\"") == 0);
  CHECK(bad_option_message(R"({"rfm":{"scheme":"x"}})") == "options.rfm.scheme: expected one of \"rf_grid\", \"shopify\"");
  CHECK(bad_option_message(R"({"cycle":{"cutoffDays":0}})") == "options.cycle.cutoffDays: expected a whole number from 1 to 36500");
}

TEST_CASE("every pack is a partition of the customers; the whole run is deterministic") {
  const Segmentation a = run(R"({"crossSell":{"a":{"sku":"A"},"b":{"sku":"B"}}})");
  CHECK(a.packs.size() == 5);  // rfm, repurchase, cycle, crosssell, tiers (no events, no rules)
  for (const PackResult& p : a.packs) {
    CAPTURE(p.key);
    std::uint64_t members = 0;
    for (const GroupTotals& t : p.totals) members += t.members;
    CHECK(members == 10);
    CHECK(p.group_of.size() == 10);
    for (std::uint8_t g : p.group_of) CHECK(g < p.groups.size());
  }
  CHECK(segmentation_json(a).dump() == segmentation_json(run(R"({"crossSell":{"a":{"sku":"A"},"b":{"sku":"B"}}})")).dump());
}

TEST_CASE("funnel groups from an events file joined by member id and email; visitors without orders included") {
  EventIngestor ingestor(parse_event_ingest_options(R"({"fileName":"hand-events.csv"})"));
  ingestor.push(testing::read_file(testing::source_dir() / "tests/fixtures/segments/hand-events.csv"));
  const EventIngestResult events = ingestor.finish();
  REQUIRE(events.log->size() == 7);
  const Segmentation s = segment_customers(hand_shop(), parse_segmentation_options(R"({"packs":["funnel"]})"), events.log.get());
  const PackResult& p = pack_of(s, "funnel");
  // Events from 2024-06-05 to 2024-06-29.
  //   C1: view, cart, purchase event -> bought via cart.
  //   C3: page and product view, no purchase event, but an order on 06-25 in the range -> quick buyer.
  //   C7: page view; last order 2023 -> visited only.
  //   C9: product view and cart on 06-29; its 06-29 order was cancelled -> carted, not bought.
  //   V100 (no customer): page and product view -> viewed, no cart.
  //   V200 (no customer): cart and purchase events -> bought via cart.
  //   c2@example.com (joined by C2's email column): page view; C2 ordered on 06-10 -> quick buyer.
  std::map<std::string, std::string> g;
  for (std::size_t i = 0; i < events.log->size(); ++i) g[std::string(events.log->user_key(i))] = p.groups[p.group_of[i]].key;
  CHECK(g == std::map<std::string, std::string>{{"C1", "bought_via_cart"}, {"C3", "quick_buyers"}, {"C7", "visited_only"},
                                                {"C9", "carted_not_bought"}, {"V100", "viewed_no_cart"},
                                                {"V200", "bought_via_cart"}, {"c2@example.com", "quick_buyers"}});
  CHECK(p.details["joinedByMemberId"] == 4);
  CHECK(p.details["joinedByEmail"] == 1);
  CHECK(p.details["buyersFromOrders"] == 2);
  const GroupTotals& via_cart = p.totals[p.group_index("bought_via_cart")];
  CHECK(via_cart.members == 2);
  CHECK(via_cart.customers == 1);  // V200 has no orders
  CHECK(via_cart.revenue == 400);
  const GroupTotals& quick = p.totals[p.group_index("quick_buyers")];
  CHECK(quick.revenue == 450);  // C3 300 + C2 150
  const nlohmann::ordered_json j = segmentation_json(s);
  CHECK(j["packs"][0]["population"] == "visitors");
  CHECK(j["packs"][0]["members"] == 7);
  // Rules read a customer's funnel group through its visitor: C9 carted and did not buy; C1 is
  // the only customer who bought via cart (V200 has no orders); customers not in the events file
  // (C4) are in no funnel group.
  const Segmentation rules = segment_customers(
      hand_shop(),
      parse_segmentation_options(R"({"packs":["custom"],"rules":[
        {"key":"hesitant","rule":{"inSegment":"funnel.carted_not_bought"}},
        {"key":"via_cart","rule":{"inSegment":"funnel.bought_via_cart"}},
        {"key":"not_seen","rule":{"not":{"any":[{"inSegment":"funnel.visited_only"},{"inSegment":"funnel.viewed_no_cart"},
          {"inSegment":"funnel.quick_buyers"}]}}}]})"),
      events.log.get());
  CHECK(rules.events == nullptr);  // the funnel was computed for the rules, not reported
  const std::map<std::string, std::string> by_rule = groups_of(rules, "custom");
  CHECK(by_rule.at("C9") == "hesitant");
  CHECK(by_rule.at("C1") == "via_cart");
  CHECK(by_rule.at("C4") == "not_seen");
  CHECK(by_rule.at("C3") == "other");  // a quick buyer
  CHECK(pack_of(rules, "custom").totals[2].members == 5);  // C4, C5, C6, C8, C10: not in the events
  // Without events, asking for the funnel says what it needs.
  const Segmentation none = run(R"({"packs":["funnel"]})");
  CHECK(none.packs.empty());
  CHECK(none.notes.at(0).find("needs a website events file") != std::string::npos);
}
