// Product affinity on a hand-made export whose counts and ratios are worked out below, the rule
// selection (min_count, top_n, rank_by, end_day), and the options and results as JSON.
#include <doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "api/affinity_json.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingest_options.hpp"
#include "ingest/ingestor.hpp"
#include "segments/affinity.hpp"
#include "util/civil_date.hpp"

using namespace orderlens;

namespace {

// Products: A Coffee (Drinks), B Mug (Kitchen), C Tea (Drinks), E Cookie (no category),
// D Filter (Kitchen, only ever on a refund line). Product ids in first-seen order:
// A 0, B 1, C 2, E 3, D 4; categories: Drinks 0, Kitchen 1.
//   c1: o1 01-01 {A,B}          o2 01-05 {A,C}
//   c2: o3 01-02 {A,B}          o4 01-09 {B,E}
//   c3: o5 01-03 {A,B,E}  and   o6 01-03 {C} (same day)    o7 01-10 {A}
//   c4: o8 01-04 {B,C}          o9 01-06 {A,E} cancelled: never counts
//   c5: o10 01-07 {A,C} and a refund line for D (negative amount): D never counts
//   c6: o11 01-08 {E}           o12 01-12 {A,B}
const char* const kShop =
    "order_id,customer_id,date,sku,product_name,category,amount,status\n"
    "o1,c1,2024-01-01,A,Coffee,Drinks,10.00,paid\n"
    "o1,c1,2024-01-01,B,Mug,Kitchen,12.00,paid\n"
    "o2,c1,2024-01-05,A,Coffee,Drinks,10.00,paid\n"
    "o2,c1,2024-01-05,C,Tea,Drinks,8.00,paid\n"
    "o3,c2,2024-01-02,A,Coffee,Drinks,10.00,paid\n"
    "o3,c2,2024-01-02,B,Mug,Kitchen,12.00,paid\n"
    "o4,c2,2024-01-09,B,Mug,Kitchen,12.00,paid\n"
    "o4,c2,2024-01-09,E,Cookie,,3.00,paid\n"
    "o5,c3,2024-01-03,A,Coffee,Drinks,10.00,paid\n"
    "o5,c3,2024-01-03,B,Mug,Kitchen,12.00,paid\n"
    "o5,c3,2024-01-03,E,Cookie,,3.00,paid\n"
    "o6,c3,2024-01-03,C,Tea,Drinks,8.00,paid\n"
    "o7,c3,2024-01-10,A,Coffee,Drinks,10.00,paid\n"
    "o8,c4,2024-01-04,B,Mug,Kitchen,12.00,paid\n"
    "o8,c4,2024-01-04,C,Tea,Drinks,8.00,paid\n"
    "o9,c4,2024-01-06,A,Coffee,Drinks,10.00,cancelled\n"
    "o9,c4,2024-01-06,E,Cookie,,3.00,cancelled\n"
    "o10,c5,2024-01-07,A,Coffee,Drinks,10.00,paid\n"
    "o10,c5,2024-01-07,C,Tea,Drinks,8.00,paid\n"
    "o10,c5,2024-01-07,D,Filter,Kitchen,-2.00,paid\n"
    "o11,c6,2024-01-08,E,Cookie,,3.00,paid\n"
    "o12,c6,2024-01-12,A,Coffee,Drinks,10.00,paid\n"
    "o12,c6,2024-01-12,B,Mug,Kitchen,12.00,paid\n";

const Dataset& shop() {
  static const IngestResult result = [] {
    Ingestor ingestor(parse_ingest_options(R"({"fileName":"affinity.csv","preset":"generic"})"));
    ingestor.push(kShop);
    return ingestor.finish();
  }();
  return *result.dataset;
}

AffinityOptions all_rules(AffinityLevel level = AffinityLevel::Product) {
  AffinityOptions o;
  o.level = level;
  o.min_count = 1;
  o.top_n = 0;
  return o;
}

// A rule as the test writes it: item keys and the ratios as exact fractions. The core computes
// each ratio as one division of integers, so equal fractions compare equal as doubles.
struct Expected {
  std::string antecedent, consequent;
  std::uint32_t count;
  double support, confidence, lift;
};

double frac(double numerator, double denominator) { return numerator / denominator; }

void check_rules(const AffinityResult& r, const std::vector<AffinityRule>& actual,
                 const std::vector<Expected>& expected) {
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const AffinityRule& a = actual[i];
    const Expected& e = expected[i];
    INFO("rule " << i << ": " << e.antecedent << " -> " << e.consequent);
    CHECK(r.item_keys[a.antecedent] == e.antecedent);
    CHECK(r.item_keys[a.consequent] == e.consequent);
    CHECK(a.count == e.count);
    CHECK(a.support == e.support);
    CHECK(a.confidence == e.confidence);
    CHECK(a.lift == e.lift);
  }
}

// "A->B C->A" for compact checks of which rules were kept, in output order.
std::string arrows(const AffinityResult& r, const std::vector<AffinityRule>& rules) {
  std::string s;
  for (const AffinityRule& rule : rules)
    s += (s.empty() ? "" : " ") + r.item_keys[rule.antecedent] + "->" + r.item_keys[rule.consequent];
  return s;
}

}  // namespace

TEST_CASE("affinity fixture: the export reads as designed (cancelled order, refund line)") {
  const Dataset& ds = shop();
  REQUIRE(ds.orders.size() == 12);
  REQUIRE(ds.products.size() == 5);
  CHECK(ds.product_keys.view(ds.products.key[4]) == "D");
  std::size_t refund_lines = 0;
  for (LineKind k : ds.lines.kind) refund_lines += k == LineKind::Refund;
  CHECK(refund_lines == 1);
  std::size_t purchases = 0;
  for (std::size_t k = 0; k < ds.orders.size(); ++k) purchases += ds.orders.counts_as_purchase(k);
  CHECK(purchases == 11);  // o9 is cancelled; o10 stays a (partially refunded) purchase
}

TEST_CASE("affinity fixture, product level: co-purchase counts and ratios by hand") {
  const AffinityResult r = product_affinity(shop(), all_rules());
  CHECK(r.level == AffinityLevel::Product);
  CHECK(r.item_keys == std::vector<std::string>{"A", "B", "C", "E", "D"});
  CHECK(r.item_names == std::vector<std::string>{"Coffee", "Mug", "Tea", "Cookie", "Filter"});
  // Baskets: o1 AB, o2 AC, o3 AB, o4 BE, o5 ABE, o6 C, o7 A, o8 BC, o10 AC, o11 E, o12 AB
  // (o9 cancelled, D's refund line not a sale): N = 11.
  CHECK(r.baskets == 11);
  // count(A) = o1 o2 o3 o5 o7 o10 o12 = 7; B = o1 o3 o4 o5 o8 o12 = 6; C = o2 o6 o8 o10 = 4;
  // E = o4 o5 o11 = 3; D = 0.
  CHECK(r.basket_count == std::vector<std::uint32_t>{7, 6, 4, 3, 0});
  // count(A,B) = o1 o3 o5 o12 = 4; (A,C) = o2 o10 = 2; (A,E) = o5 = 1; (B,C) = o8 = 1;
  // (B,E) = o4 o5 = 2; (C,E) = 0: o5 and o6 are two baskets although bought the same day.
  // lift(X→Y) = count·N / (count(X)·count(Y)):
  //   AB 4·11/(7·6) = 22/21   AC 2·11/(7·4) = 11/14   AE 1·11/(7·3) = 11/21
  //   BC 1·11/(6·4) = 11/24   BE 2·11/(6·3) = 11/9
  // Per antecedent by lift: A: B C E;  B: E A C;  C: A B;  E: B A.
  check_rules(r, r.co_purchase,
              {{"A", "B", 4, frac(4, 11), frac(4, 7), frac(22, 21)},
               {"A", "C", 2, frac(2, 11), frac(2, 7), frac(11, 14)},
               {"A", "E", 1, frac(1, 11), frac(1, 7), frac(11, 21)},
               {"B", "E", 2, frac(2, 11), frac(2, 6), frac(11, 9)},
               {"B", "A", 4, frac(4, 11), frac(4, 6), frac(22, 21)},
               {"B", "C", 1, frac(1, 11), frac(1, 6), frac(11, 24)},
               {"C", "A", 2, frac(2, 11), frac(2, 4), frac(11, 14)},
               {"C", "B", 1, frac(1, 11), frac(1, 4), frac(11, 24)},
               {"E", "B", 2, frac(2, 11), frac(2, 3), frac(11, 9)},
               {"E", "A", 1, frac(1, 11), frac(1, 3), frac(11, 21)}});
}

TEST_CASE("affinity fixture, product level: next-purchase counts and ratios by hand") {
  const AffinityResult r = product_affinity(shop(), all_rules());
  // Purchase days with items (o5 and o6 are one day for c3; c4's o9 is cancelled):
  //   c1: {A,B} {A,C}   c2: {A,B} {B,E}   c3: {A,B,C,E} {A}   c6: {E} {A,B}
  //   c4 and c5 have one day each. S = {c1, c2, c3, c6}: |S| = 4.
  CHECK(r.sequences == 4);
  // first (days before the last): A c1 c2 c3 = 3, B 3, C c3 = 1, E c3 c6 = 2.
  // next (days after the first):  A c1 c3 c6 = 3, B c2 c6 = 2, C c1 = 1, E c2 = 1.
  // Consecutive pairs: c1 AA AC BA BC; c2 AB AE BB BE; c3 AA BA CA EA; c6 EA EB.
  //   pair: AA 2, BA 2, EA 2, every other pair above 1.
  // confidence = pair/first(X); lift = pair·4 / (first(X)·next(Y)):
  //   AA 8/9  AB 4/6  AC 4/3  AE 4/3  BA 8/9  BB 4/6  BC 4/3  BE 4/3  CA 4/3  EA 8/6  EB 4/4
  // Ties (AC, AE at 4/3 with count 1 and confidence 1/3) go by consequent id: C (2) before E (3).
  check_rules(r, r.next_purchase,
              {{"A", "C", 1, frac(1, 4), frac(1, 3), frac(4, 3)},
               {"A", "E", 1, frac(1, 4), frac(1, 3), frac(4, 3)},
               {"A", "A", 2, frac(2, 4), frac(2, 3), frac(8, 9)},
               {"A", "B", 1, frac(1, 4), frac(1, 3), frac(2, 3)},
               {"B", "C", 1, frac(1, 4), frac(1, 3), frac(4, 3)},
               {"B", "E", 1, frac(1, 4), frac(1, 3), frac(4, 3)},
               {"B", "A", 2, frac(2, 4), frac(2, 3), frac(8, 9)},
               {"B", "B", 1, frac(1, 4), frac(1, 3), frac(2, 3)},
               {"C", "A", 1, frac(1, 4), frac(1, 1), frac(4, 3)},
               {"E", "A", 2, frac(2, 4), frac(2, 2), frac(4, 3)},
               {"E", "B", 1, frac(1, 4), frac(1, 2), frac(1, 1)}});
}

TEST_CASE("affinity fixture, category level: by hand") {
  const AffinityResult r = product_affinity(shop(), all_rules(AffinityLevel::Category));
  CHECK(r.level == AffinityLevel::Category);
  CHECK(r.item_keys == std::vector<std::string>{"Drinks", "Kitchen"});
  CHECK(r.item_names == r.item_keys);
  // Cookie (E) has no category: o11 {E} is no basket. D's refund line does not make o10 a
  // Kitchen basket. Baskets (Dr = Drinks, Ki = Kitchen): o1 DrKi, o2 Dr, o3 DrKi, o4 Ki,
  // o5 DrKi, o6 Dr, o7 Dr, o8 DrKi, o10 Dr, o12 DrKi: N = 10, count(Dr) = 9, count(Ki) = 6,
  // count(Dr,Ki) = 5; lift = 5·10 / (9·6) = 25/27.
  CHECK(r.baskets == 10);
  CHECK(r.basket_count == std::vector<std::uint32_t>{9, 6});
  check_rules(r, r.co_purchase,
              {{"Drinks", "Kitchen", 5, frac(5, 10), frac(5, 9), frac(25, 27)},
               {"Kitchen", "Drinks", 5, frac(5, 10), frac(5, 6), frac(25, 27)}});
  // Days: c1 {Dr,Ki} {Dr}; c2 {Dr,Ki} {Ki}; c3 {Dr,Ki} {Dr}; c6's first day {E} has no
  // category, which leaves it one day: S = {c1, c2, c3}, |S| = 3.
  // first: Dr 3, Ki 3; next: Dr c1 c3 = 2, Ki c2 = 1. Pairs: c1 DrDr KiDr; c2 DrKi KiKi;
  // c3 DrDr KiDr. lift = pair·3 / (3·next): DrDr 6/6, DrKi 3/3, KiDr 6/6, KiKi 3/3 — all 1,
  // so count decides.
  CHECK(r.sequences == 3);
  check_rules(r, r.next_purchase,
              {{"Drinks", "Drinks", 2, frac(2, 3), frac(2, 3), 1.0},
               {"Drinks", "Kitchen", 1, frac(1, 3), frac(1, 3), 1.0},
               {"Kitchen", "Drinks", 2, frac(2, 3), frac(2, 3), 1.0},
               {"Kitchen", "Kitchen", 1, frac(1, 3), frac(1, 3), 1.0}});
}

TEST_CASE("affinity selection: minCount, topN and rankBy") {
  const Dataset& ds = shop();
  SUBCASE("defaults: count >= 3, top 5 by lift") {
    const AffinityResult r = product_affinity(ds, AffinityOptions{});
    CHECK(arrows(r, r.co_purchase) == "A->B B->A");
    CHECK(r.next_purchase.empty());  // no pair reaches 3
  }
  SUBCASE("minCount 2") {
    AffinityOptions o = all_rules();
    o.min_count = 2;
    const AffinityResult r = product_affinity(ds, o);
    CHECK(arrows(r, r.co_purchase) == "A->B A->C B->E B->A C->A E->B");
    CHECK(arrows(r, r.next_purchase) == "A->A B->A E->A");
  }
  SUBCASE("topN 1 by lift") {
    AffinityOptions o = all_rules();
    o.top_n = 1;
    const AffinityResult r = product_affinity(ds, o);
    CHECK(arrows(r, r.co_purchase) == "A->B B->E C->A E->B");
    CHECK(arrows(r, r.next_purchase) == "A->C B->C C->A E->A");
  }
  SUBCASE("topN 1 by confidence") {
    AffinityOptions o = all_rules();
    o.top_n = 1;
    o.rank_by = AffinityRank::Confidence;
    const AffinityResult r = product_affinity(ds, o);
    // B: B->A 2/3 beats B->E 1/3 (which wins by lift).
    CHECK(arrows(r, r.co_purchase) == "A->B B->A C->A E->B");
    CHECK(arrows(r, r.next_purchase) == "A->A B->A C->A E->A");
  }
  SUBCASE("topN 2 by count: equal counts and confidences go by consequent id") {
    AffinityOptions o = all_rules();
    o.top_n = 2;
    o.rank_by = AffinityRank::Count;
    const AffinityResult r = product_affinity(ds, o);
    CHECK(arrows(r, r.co_purchase) == "A->B A->C B->A B->E C->A C->B E->B E->A");
    // A: A->A (2), then A->B, A->C, A->E all count 1, confidence 1/3: B first.
    CHECK(arrows(r, r.next_purchase) == "A->A A->B B->A B->B C->A E->A E->B");
  }
  SUBCASE("endDate is inclusive and drops later purchases") {
    AffinityOptions o = all_rules();
    o.end_day = days_from_civil(2024, 1, 9);
    const AffinityResult r = product_affinity(ds, o);
    CHECK(r.baskets == 9);    // o7 (01-10) and o12 (01-12) left out
    CHECK(r.sequences == 2);  // c1, and c2 whose second day is the end day; c3 and c6 keep one day
    CHECK(r.basket_count == std::vector<std::uint32_t>{5, 5, 4, 3, 0});
  }
}

TEST_CASE("affinity JSON: options echoed, rules with item keys and names") {
  const AffinityOptions o =
      parse_affinity_options(R"({"minCount": 2, "topN": 1, "rankBy": "confidence", "endDate": "2024-01-31"})");
  const nlohmann::ordered_json j = affinity_json(product_affinity(shop(), o));
  CHECK(j["level"] == "product");
  CHECK(j["baskets"] == 11);
  CHECK(j["sequences"] == 4);
  CHECK(j["minCount"] == 2);
  CHECK(j["topN"] == 1);
  CHECK(j["rankBy"] == "confidence");
  CHECK(j["endDate"] == "2024-01-31");
  REQUIRE(j["coPurchase"].size() == 4);
  const nlohmann::ordered_json& first = j["coPurchase"][0];
  CHECK(first.dump() ==
        nlohmann::ordered_json{{"antecedent", {{"key", "A"}, {"name", "Coffee"}}},
                               {"consequent", {{"key", "B"}, {"name", "Mug"}}},
                               {"count", 4},
                               {"support", 4.0 / 11},
                               {"confidence", 4.0 / 7},
                               {"lift", 22.0 / 21}}
            .dump());
  REQUIRE(j["nextPurchase"].size() == 3);  // A->A, B->A, E->A reach count 2
  CHECK(j["nextPurchase"][2]["antecedent"]["name"] == "Cookie");
  CHECK(affinity_json(product_affinity(shop(), AffinityOptions{}))["endDate"].is_null());
}

TEST_CASE("affinity options: parsed values and defaults") {
  const AffinityOptions d = parse_affinity_options("  ");
  CHECK(d.level == AffinityLevel::Product);
  CHECK(d.min_count == 3);
  CHECK(d.top_n == 5);
  CHECK(d.rank_by == AffinityRank::Lift);
  CHECK(!d.end_day);
  const AffinityOptions o =
      parse_affinity_options(R"({"level": "category", "minCount": 2, "topN": 0, "rankBy": "count",
                                 "endDate": "2024-01-09"})");
  CHECK(o.level == AffinityLevel::Category);
  CHECK(o.min_count == 2);
  CHECK(o.top_n == 0);
  CHECK(o.rank_by == AffinityRank::Count);
  CHECK(o.end_day == days_from_civil(2024, 1, 9));
  CHECK(parse_affinity_options(R"({"level": null, "topN": 10})").top_n == 10);
}

TEST_CASE("affinity options: bad values are BadOption errors naming the key") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"level": "brand"})", "options.level: expected \"product\" or \"category\""},
      {R"({"level": 1})", "options.level: expected"},
      {R"({"minCount": 0})", "options.minCount: expected a whole number"},
      {R"({"minCount": 2.5})", "options.minCount: expected a whole number"},
      {R"({"minCount": "3"})", "options.minCount: expected a whole number"},
      {R"({"topN": -1})", "options.topN: expected a whole number"},
      {R"({"topN": true})", "options.topN: expected a whole number"},
      {R"({"rankBy": "support"})", "options.rankBy: expected \"lift\", \"confidence\" or \"count\""},
      {R"({"endDate": "last week"})", "options.endDate: expected a date"},
      {R"({"endDate": 20240109})", "options.endDate: expected a date"},
      {R"({"minimumCount": 3})", "options.minimumCount: unknown option"},
      {R"([1, 2])", "affinity options: expected a JSON object"},
      {R"({"level": )", "affinity options: expected a JSON object"},
  };
  for (const auto& c : cases) {
    const std::string& json = c.first;
    const std::string& message = c.second;
    INFO(json);
    try {
      parse_affinity_options(json);
      FAIL("accepted");
    } catch (const IngestError& e) {
      CHECK(e.code() == IngestErrorCode::BadOption);
      CHECK(std::string(e.what()).rfind(message, 0) == 0);
    }
  }
}
