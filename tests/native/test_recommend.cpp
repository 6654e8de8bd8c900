// Recommendations on hand-made exports whose similarities, lists and holdout figures are worked
// out in the comments; the options' errors.
#include <doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "api/recommend_json.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingest_options.hpp"
#include "ingest/ingestor.hpp"
#include "recommend/item_neighbours.hpp"
#include "recommend/recommend.hpp"
#include "fixture_support.hpp"
#include "api/summary_options.hpp"
#include "util/civil_date.hpp"

using namespace orderlens;
using namespace orderlens::recommend;
using nlohmann::ordered_json;

namespace {

// Products (ids in first-seen order): A Coffee (Drinks) 0, B Filter (Kitchen) 1, C Grinder
// (Kitchen) 2, D Mug (Kitchen) 3, E Tea (Drinks) 4. Days of January 2024:
//   c1: o1 d1 {A,B}   o2 d11 {A}   o3 d21 {A,C}
//   c2: o4 d2 {A,B}   o5 d12 {C}
//   c3: o6 d3 {A,B}   o7 d13 {A,C}
//   c4: o8 d4 {A}
//   c5: o9 d5 {D}
//   c6: o10 d6 {B,D}  o11 d16 {E}
// Co-purchase: N = 11 orders; n(A) = 7, n(B) = 4, n(C) = 3, n(D) = 2; c(A,B) = 3 (o1 o4 o6),
// c(A,C) = 2 (o3 o7), c(B,D) = 1 (below minCount 2).
// Sequences (customers with two or more days: c1 c2 c3 c6): first(A) = 3 (c1 c2 c3), first(B) = 4,
// next(A) = 2 (c1 c3), next(C) = 3 (c1 c2 c3); p(A,C) = 3, p(B,A) = 2 (c1 c3), p(B,C) = 2 (c2 c3),
// p(A,A) = 2 (a repeat: dropped), p(B,E) = p(D,E) = 1 (below minCount).
// With β = 1:
//   co(A,B) = 3/√(7·4) · 3/4 = 2.25/√28        co(A,C) = 2/√(7·3) · 2/3 = (4/3)/√21
//   seq(A→C) = 3/√(3·3) · 3/4 = 0.75           seq(B→A) = 2/√(4·2) · 2/3 = √2/3
//   seq(B→C) = 2/√(4·3) · 2/3 = 2/(3√3)
// The file is shared with the node tests (tests/js/recommend.test.mjs).
std::string hand_baskets() { return testing::read_file(testing::source_dir() / "tests/fixtures/recommend/hand-baskets.csv"); }

// Holdout fixture: X Bread and Y Butter go together; F1..F6 are best sellers bought by others.
//   k1..k3: one order {X,Y} (days 1-3);  f1..f4: one order {F1..F6} (days 4-7);
//   t1: {X} day 8, then {Y} day 20;   t2: {X} day 9, then {Y,F1} day 21.
// Calibration end day 10. Sold in calibration: X (5 orders), F1..F6 (4 each), Y (3): 8 products.
// t1 and t2 are the customers evaluated (the others bought nothing later). Each bought only X,
// whose one neighbour is Y: the recommender lists Y then the best sellers F1..F6; the baseline
// F1..F6 then Y.
//   @5:  recommender [Y F1 F2 F3 F4]: t1 1 hit, t2 2 hits -> hit rate 1, precision (1/5 + 2/5)/2,
//        recall 1;  baseline [F1..F5]: t1 0, t2 1 (F1) -> hit rate 1/2, precision (0 + 1/5)/2,
//        recall (0 + 1/2)/2. Coverage 5/8 each.
//   @10: both list all 7 unbought products: hit rate 1, precision (1/10 + 2/10)/2, recall 1,
//        coverage 7/8.
std::string holdout_shop() {
  std::string csv = "order_id,customer_id,date,sku,product_name,amount,status\n";
  auto line = [&](const std::string& order, const std::string& customer, int day, const std::string& sku) {
    csv += order + "," + customer + ",2024-01-" + (day < 10 ? "0" : "") + std::to_string(day) + "," + sku + ",Item " + sku + ",1.00,paid\n";
  };
  for (int k = 1; k <= 3; ++k) {
    line("k" + std::to_string(k), "k" + std::to_string(k), k, "X");
    line("k" + std::to_string(k), "k" + std::to_string(k), k, "Y");
  }
  for (int f = 1; f <= 4; ++f)
    for (int p = 1; p <= 6; ++p) line("f" + std::to_string(f), "f" + std::to_string(f), 3 + f, "F" + std::to_string(p));
  line("t1a", "t1", 8, "X");
  line("t2a", "t2", 9, "X");
  line("t1b", "t1", 20, "Y");
  line("t2b", "t2", 21, "Y");
  line("t2b", "t2", 21, "F1");
  return csv;
}

IngestResult ingest(const std::string& csv) {
  Ingestor ingestor(parse_ingest_options(R"({"fileName":"recommend.csv","preset":"generic"})"));
  ingestor.push(csv);
  return ingestor.finish();
}

const Dataset& shop() {
  static const IngestResult result = ingest(hand_baskets());
  return *result.dataset;
}

// The test's options: β = 1, A a consumable (two of its four buyers repeat it), and the tiers
// apart (λ = 0: no best seller competes with the neighbours).
RecommendOptions options(const char* end_date = "2024-01-21") {
  RecommendOptions o =
      parse_recommend_options(R"({"shrinkage": 1, "minCount": 2, "popularityWeight": 0, "reorder": {"minCustomers": 2}})");
  o.end_day = parse_date_option("endDate", nlohmann::json(end_date));
  return o;
}

std::string key(const Dataset& ds, std::uint32_t p) { return std::string(ds.product_keys.view(ds.products.key[p])); }

// One customer's list as "A:reorder_typical C:bought_next(A) ...".
std::string list_of(const Dataset& ds, const RecommendResult& r, const std::string& customer) {
  for (std::size_t row = 0; row < r.lists.size(); ++row) {
    if (ds.customer_keys.view(ds.customers.key[r.lists.customer[row]]) != customer) continue;
    std::string s;
    for (std::uint32_t i = r.lists.offsets[row]; i < r.lists.offsets[row + 1]; ++i) {
      const Recommendation& rec = r.lists.items[i];
      s += (s.empty() ? "" : " ") + key(ds, rec.product) + ":" + std::string(reason_key(rec.reason));
      if (rec.reason == Reason::BoughtNext || rec.reason == Reason::AlsoBought) s += "(" + key(ds, rec.because) + ")";
    }
    return s;
  }
  return "(not listed)";
}

const Recommendation& item(const Dataset& ds, const RecommendResult& r, const std::string& customer, std::size_t k) {
  for (std::size_t row = 0; row < r.lists.size(); ++row)
    if (ds.customer_keys.view(ds.customers.key[r.lists.customer[row]]) == customer) return r.lists.items[r.lists.offsets[row] + k];
  throw std::logic_error("no customer " + customer);
}

}  // namespace

TEST_CASE("recommend: similarities of the hand-worked baskets") {
  SimilarityOptions s;
  s.min_count = 2;
  s.shrinkage = 1;
  const ItemNeighbours n = item_neighbours(shop(), s);
  // A's co-purchase neighbours: B then C; B's: A; C's: A; D, E: none (c(B,D) = 1).
  REQUIRE(n.co_purchase.of.offsets == std::vector<std::uint32_t>{0, 2, 3, 4, 4, 4});
  CHECK(n.co_purchase.of.members == std::vector<std::uint32_t>{1, 2, 0, 0});
  CHECK(n.co_purchase.similarity[0] == doctest::Approx(2.25 / std::sqrt(28.0)).epsilon(1e-15));
  CHECK(n.co_purchase.similarity[1] == doctest::Approx((4.0 / 3) / std::sqrt(21.0)).epsilon(1e-15));
  CHECK(n.co_purchase.similarity[2] == n.co_purchase.similarity[0]);  // symmetric
  // Sequence: A→C (A→A dropped), B→A, B→C; nothing from C, D, E.
  REQUIRE(n.sequence.of.offsets == std::vector<std::uint32_t>{0, 1, 3, 3, 3, 3});
  CHECK(n.sequence.of.members == std::vector<std::uint32_t>{2, 0, 2});
  CHECK(n.sequence.similarity[0] == 0.75);
  CHECK(n.sequence.similarity[1] == doctest::Approx(std::sqrt(2.0) / 3).epsilon(1e-15));
  CHECK(n.sequence.similarity[2] == doctest::Approx(2 / (3 * std::sqrt(3.0))).epsilon(1e-15));
  CHECK(shrunk_cosine(5, 5, 5, 5) == 0.5);  // a pair seen β times keeps half its cosine
  s.neighbours = 1;
  CHECK(item_neighbours(shop(), s).co_purchase.of.members == std::vector<std::uint32_t>{1, 0, 0});
}

TEST_CASE("recommend: the lists of the hand-worked baskets") {
  const Dataset& ds = shop();
  const RecommendResult r = recommend::recommend(ds, options());
  CHECK(r.lists.size() == 6);
  CHECK(r.model.consumables == 1);  // A: 2 of its 4 buyers repeat it, every 10 days
  CHECK(r.model.content_attribute == "category");
  // c4 bought A once on day 4: 17 days ago, past A's typical 10 -> reorder; then C (seq 0.75 +
  // co 0.29, reason the larger: bought next), B (co 0.43), the Drinks best seller E, then D.
  CHECK(list_of(ds, r, "c4") == "A:reorder_typical C:bought_next(A) B:also_bought(A) E:favourite_category D:best_seller");
  const Recommendation& reorder = item(ds, r, "c4", 0);
  CHECK(reorder.score == 0.5);
  CHECK(reorder.interval_days == 10);
  CHECK(reorder.days_since == 17);
  CHECK(item(ds, r, "c4", 1).score == doctest::Approx(0.75 + (4.0 / 3) / std::sqrt(21.0)).epsilon(1e-15));
  CHECK(item(ds, r, "c4", 2).score == doctest::Approx(2.25 / std::sqrt(28.0)).epsilon(1e-15));
  CHECK(item(ds, r, "c4", 3).score == 1.0 / 11);  // E: in 1 of the 11 recent orders
  CHECK(item(ds, r, "c4", 4).score == 2.0 / 11);
  // c1 bought A (last today, so no reorder), B and C: only D (Kitchen, their favourite: B and C)
  // and E are left.
  CHECK(list_of(ds, r, "c1") == "D:favourite_category E:best_seller");
  // c2 bought A once, 19 days ago: reorder; B and C bought; then D (Kitchen) and E.
  CHECK(list_of(ds, r, "c2") == "A:reorder_typical D:favourite_category E:best_seller");
  // c5 bought only D, which has no neighbour: Kitchen best sellers B, C, then A and E.
  CHECK(list_of(ds, r, "c5") == "B:favourite_category C:favourite_category A:best_seller E:best_seller");
  // c6 bought B, D (day 6, one purchase day before E) and E (day 16): B weighs 1/2:
  // A = ½·√2/3 + ½·co(A,B), C = ½·2/(3√3): A then C. A's larger part is the sequence one
  // (√2/3 = 0.471 > 2.25/√28 = 0.425): bought next.
  CHECK(list_of(ds, r, "c6") == "A:bought_next(B) C:bought_next(B)");
  CHECK(item(ds, r, "c6", 0).score == doctest::Approx(0.5 * std::sqrt(2.0) / 3 + 0.5 * 2.25 / std::sqrt(28.0)).epsilon(1e-15));
  // λ = 1: the unbought best sellers (B 4/11, C 3/11, D 2/11, E 1/11 of the orders) compete
  // with the neighbours, each scoring CF + 1 · its share: C 1.041 + 3/11, B 0.425 + 4/11 (the
  // neighbour part still larger: also bought), D 2/11 and E 1/11 as best sellers.
  RecommendOptions blended = options();
  blended.popularity_weight = 1;
  const RecommendResult b = recommend::recommend(ds, blended);
  CHECK(list_of(ds, b, "c4") == "A:reorder_typical C:bought_next(A) B:also_bought(A) D:best_seller E:best_seller");
  CHECK(item(ds, b, "c4", 1).score == doctest::Approx(0.75 + (4.0 / 3) / std::sqrt(21.0) + 3.0 / 11).epsilon(1e-15));
  CHECK(item(ds, b, "c4", 2).score == doctest::Approx(2.25 / std::sqrt(28.0) + 4.0 / 11).epsilon(1e-15));
  CHECK(item(ds, b, "c4", 3).score == 2.0 / 11);
  RecommendOptions three = options();
  three.top_n = 3;
  CHECK(list_of(ds, recommend::recommend(ds, three), "c5") == "B:favourite_category C:favourite_category A:best_seller");
}

TEST_CASE("recommend: a reorder only once the interval has passed") {
  const Dataset& ds = shop();
  // c4 bought A on day 4; A's typical interval is 10 days (c1: 1→11, c3: 3→13).
  CHECK(list_of(ds, recommend::recommend(ds, options("2024-01-13")), "c4").rfind("A:", 0) == std::string::npos);
  const RecommendResult due = recommend::recommend(ds, options("2024-01-14"));
  CHECK(list_of(ds, due, "c4").rfind("A:reorder_typical", 0) == 0);
  CHECK(item(ds, due, "c4", 0).days_since == 10);
  // Without A as a consumable (three repeat buyers needed), A is never suggested again.
  RecommendOptions strict = options();
  strict.reorder_min_customers = 3;
  const RecommendResult r = recommend::recommend(ds, strict);
  CHECK(r.model.consumables == 0);
  CHECK(list_of(ds, r, "c4") == "C:bought_next(A) B:also_bought(A) E:favourite_category D:best_seller");
}

TEST_CASE("recommend: holdout figures of the hand-worked holdout, next to the baseline") {
  const IngestResult data = ingest(holdout_shop());
  // λ = 1: Y scores co(X,Y) = 3/√15 · 3/8 plus 3/9 (its share of the 9 calibration orders),
  // above every F (4/9).
  RecommendOptions o = parse_recommend_options(R"({"calibrationEnd": "2024-01-10", "popularityWeight": 1})");
  const RecommendResult r = recommend::recommend(*data.dataset, o);
  REQUIRE(r.evaluation);
  const Evaluation& e = *r.evaluation;
  CHECK(format_iso_date(e.calibration_end) == "2024-01-10");
  CHECK(format_iso_date(e.holdout_end) == "2024-01-21");
  CHECK(e.pack == "rfm");
  const EvaluationGroup& all = e.groups.at(0);
  CHECK(all.key == "all");
  CHECK(all.customers == 2);
  CHECK(all.recommender_at5.hit_rate == 1);
  CHECK(all.recommender_at5.precision == doctest::Approx(0.3).epsilon(1e-15));
  CHECK(all.recommender_at5.recall == 1);
  CHECK(all.recommender_at5.coverage == 5.0 / 8);
  CHECK(all.baseline_at5.hit_rate == 0.5);
  CHECK(all.baseline_at5.precision == doctest::Approx(0.1).epsilon(1e-15));
  CHECK(all.baseline_at5.recall == 0.25);
  CHECK(all.baseline_at5.coverage == 5.0 / 8);
  for (const Metrics* m : {&all.recommender_at10, &all.baseline_at10}) {
    CHECK(m->hit_rate == 1);
    CHECK(m->precision == doctest::Approx(0.15).epsilon(1e-15));
    CHECK(m->recall == 1);
    CHECK(m->coverage == 7.0 / 8);
  }
  // The RFM groups split the same two customers.
  std::uint64_t in_groups = 0;
  for (std::size_t g = 1; g < e.groups.size(); ++g) in_groups += e.groups[g].customers;
  CHECK(in_groups == 2);
  // The lists are those of the calibration end: t1 is offered Y first.
  const ordered_json j = recommend_json(*data.dataset, r);
  CHECK(j["calibration"] == true);
  CHECK(j["endDate"] == "2024-01-10");
}

TEST_CASE("recommend: segments restrict the customers listed") {
  const Dataset& ds = shop();
  RecommendOptions o = options();
  o.segment = "repurchase";
  const RecommendResult all = recommend::recommend(ds, o);
  CHECK(all.lists.size() == 6);
  CHECK(all.group_keys.size() == 4);
  // c1 is the only customer with 3 purchases -> frequent_low_value or loyal; the rest ≤ 2.
  o.segment = "repurchase.just_bought";
  const RecommendResult some = recommend::recommend(ds, o);
  CHECK(some.lists.size() < 6);
  for (std::uint32_t g : some.lists.group) CHECK(some.group_keys[g] == "just_bought");
  // Custom rules: customers with 3 or more orders.
  o = parse_recommend_options(R"({"rules": [{"key": "regulars", "rule": {"field": "orders", "op": ">=", "value": 3}}],
                                  "segment": "custom.regulars"})");
  const RecommendResult regulars = recommend::recommend(ds, o);
  REQUIRE(regulars.lists.size() == 1);
  CHECK(ds.customer_keys.view(ds.customers.key[regulars.lists.customer[0]]) == "c1");
}

TEST_CASE("recommend JSON: texts in English and Korean with the products named") {
  const ordered_json j = recommend_json(shop(), recommend::recommend(shop(), options()));
  CHECK(j["customerCount"] == 6);
  CHECK(j["model"]["consumables"] == 1);
  const ordered_json* c4 = nullptr;
  for (const ordered_json& c : j["customers"])
    if (c["id"] == "c4") c4 = &c;
  REQUIRE(c4);
  const ordered_json& recs = (*c4)["recommendations"];
  CHECK(recs[0]["text"]["en"] == "Customers usually reorder Coffee every 10 days: time to reorder.");
  CHECK(recs[1]["product"] == "C");
  CHECK(recs[1]["because"] == "A");
  CHECK(recs[1]["text"]["en"] == "Customers who bought Coffee bought Grinder next.");
  CHECK(recs[1]["text"]["ko"] == "Coffee을(를) 구매한 고객들이 다음에 Grinder을(를) 구매했어요.");
  CHECK(recs[2]["text"]["en"] == "Customers who bought Coffee also bought Filter.");
  CHECK(recs[3]["because"] == "Drinks");
  CHECK(recs[3]["text"]["en"] == "Best seller in your favourite category, Drinks.");
  CHECK(recs[4]["text"]["en"] == "A best seller of the last 90 days.");
  CHECK(recs[4]["text"]["ko"] == "최근 90일 동안 가장 많이 팔린 상품이에요.");
}

TEST_CASE("recommend options: bad values are BadOption errors naming the option") {
  const auto message = [](const char* json) {
    try {
      const Dataset& ds = shop();
      recommend::recommend(ds, parse_recommend_options(json));
    } catch (const IngestError& e) {
      CHECK(e.code() == IngestErrorCode::BadOption);
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK(message(R"({"topN": 0})") == "options.topN: expected a whole number from 1 to 100");
  CHECK(message(R"({"topN": 2.5})") == "options.topN: expected a whole number from 1 to 100");
  CHECK(message(R"({"endDate": "2024-01-10", "calibrationEnd": "2024-01-10"})") ==
        "options.endDate: expected either endDate or calibrationEnd, not both");
  CHECK(message(R"({"shrinkage": -1})") == "options.shrinkage: expected a number from 0 to 1000000");
  CHECK(message(R"({"reorder": {"minShare": 2}})") == "options.reorder.minShare: expected a number from 0 to 1");
  CHECK(message(R"({"reorder": {"often": 2}})") == "options.reorder.often: expected no such option here; expected minCustomers or minShare");
  CHECK(message(R"({"segment": "rfm.nobody"})").rfind("options.segment: expected a group of rfm (champions, ", 0) == 0);
  CHECK(message(R"({"segment": "funnel"})").rfind("options.segment: expected a pack (rfm, ", 0) == 0);
  CHECK(message(R"({"segment": "custom"})") == "options.segment: expected options.rules with the custom segments for \"custom\"");
  CHECK(message(R"({"colour": 1})").rfind("options.colour: expected no such option; expected topN, ", 0) == 0);
  CHECK(message(R"([1])") == "recommend options: expected a JSON object");
}

TEST_CASE("recommend: an export without products, and a holdout with nobody, say so") {
  const IngestResult data = ingest("order_id,customer_id,date,amount,status\no1,c1,2024-01-01,5.00,paid\no2,c2,2024-01-03,5.00,paid\n");
  const RecommendResult r = recommend::recommend(*data.dataset, parse_recommend_options(R"({"calibrationEnd": "2024-01-02"})"));
  CHECK(r.lists.size() == 1);  // c1, with an empty list
  CHECK(r.lists.items.empty());
  REQUIRE(r.notes.size() == 2);
  CHECK(r.notes[0] == "No product was sold up to 2024-01-02 (the export has no product or SKU column, or no purchase has one): every list is empty.");
  CHECK(r.notes[1] == "No customer with a purchase up to 2024-01-02 bought a product after it: nothing to evaluate (choose an earlier calibrationEnd).");
  CHECK(recommend_json_head(r)["notes"].size() == 2);
  CHECK(recommend::recommend(shop(), options()).notes.empty());
}
