// KPIs, cohorts and channels on a hand-made shop (tests/fixtures/kpis/hand-shop.csv: six
// customers A-F, 1 January to 10 April 2024, and hand-events.csv: visitors A-E, X, Y, 1 January
// to 31 March). Every expected value is worked out by hand in the comments from the rows; the
// revenue split values are the LMDI formula evaluated by hand (Python, independently of the code).
#include <doctest.h>

#include <map>
#include <string>

#include "api/channels_json.hpp"
#include "api/cohorts_json.hpp"
#include "api/kpis_json.hpp"
#include "api/readiness_json.hpp"
#include "api/spend_csv.hpp"
#include "events/event_ingestor.hpp"
#include "events/event_options.hpp"
#include "fixture_support.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"
#include "kpis/channel_names.hpp"
#include "kpis/channels.hpp"
#include "kpis/period.hpp"
#include "kpis/revenue_decomposition.hpp"
#include "util/civil_date.hpp"

using namespace orderlens;
using json = nlohmann::json;

namespace {

const Dataset& shop() { return testing::fixture_dataset("kpis/hand-shop.csv"); }

const EventLog& visitors() {
  static const EventIngestResult result = [] {
    EventIngestor ingestor(parse_event_ingest_options(R"({"fileName":"hand-events.csv"})"));
    ingestor.push(testing::read_file(testing::source_dir() / "tests/fixtures/kpis/hand-events.csv"));
    return ingestor.finish();
  }();
  return *result.log;
}

json kpis(const std::string& options, const EventLog* events = nullptr) { return json::parse(kpis_report(shop(), options, events)); }
json cohorts(const std::string& options) { return json::parse(cohorts_report(shop(), options)); }
json channels(const std::string& options) { return json::parse(channels_report(shop(), options)); }

std::string bad_option_message(auto&& run) {
  try {
    run();
  } catch (const IngestError& e) {
    CHECK(e.code() == IngestErrorCode::BadOption);
    return e.what();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  FAIL("no error");
  return {};
}

std::vector<std::string> action_keys(const json& period) {
  std::vector<std::string> keys;
  for (const json& a : period["actions"]) keys.push_back(a["action"].get<std::string>() + ":" + a["metric"].get<std::string>());
  return keys;
}

}  // namespace

TEST_CASE("periods: ISO weeks, month and week labels, partial ends") {
  // 30 December 2024 is the Monday of ISO week 1 of 2025; 3 January 2021 is in week 53 of 2020.
  CHECK(period_label(PeriodKind::Week, period_of_day(PeriodKind::Week, days_from_civil(2024, 12, 30))) == "2025-W01");
  CHECK(period_label(PeriodKind::Week, period_of_day(PeriodKind::Week, days_from_civil(2021, 1, 3))) == "2020-W53");
  CHECK(period_first_day(PeriodKind::Week, period_of_day(PeriodKind::Week, days_from_civil(2024, 3, 14))) == days_from_civil(2024, 3, 11));
  CHECK(period_label(PeriodKind::Month, period_of_day(PeriodKind::Month, days_from_civil(1969, 12, 31))) == "1969-12");
  CHECK(period_last_day(PeriodKind::Month, period_of_day(PeriodKind::Month, days_from_civil(2024, 2, 10))) == days_from_civil(2024, 2, 29));
  const PeriodRange r = period_range(PeriodKind::Month, days_from_civil(2024, 1, 1), days_from_civil(2024, 4, 10));
  CHECK(r.size() == 4);
  CHECK_FALSE(r.first_partial);
  CHECK(r.last_partial);
}

TEST_CASE("whole months between two days clamp nothing: 31 Jan to 28 Feb is 0, to 1 Mar is 1") {
  CHECK(whole_months_between(days_from_civil(2023, 1, 31), days_from_civil(2023, 2, 28)) == 0);
  CHECK(whole_months_between(days_from_civil(2023, 1, 31), days_from_civil(2023, 3, 1)) == 1);
  CHECK(whole_months_between(days_from_civil(2024, 1, 15), days_from_civil(2024, 4, 11)) == 2);
  CHECK(whole_months_between(days_from_civil(2024, 1, 1), days_from_civil(2024, 4, 11)) == 3);
}

TEST_CASE("channel names: utm_source, URLs, platform values and Korean names") {
  CHECK(normalize_channel("") == "unknown");
  CHECK(normalize_channel("  ") == "unknown");
  CHECK(normalize_channel("utm_source=Naver&utm_medium=cpc") == "naver");
  CHECK(normalize_channel("https://www.instagram.com/p/xyz") == "instagram");
  CHECK(normalize_channel("m.search.naver.com") == "naver");
  CHECK(normalize_channel("Google Ads") == "google");
  CHECK(normalize_channel("web") == "online_store");
  CHECK(normalize_channel("shopify_draft_order") == "draft_order");
  CHECK(normalize_channel("iphone") == "mobile_app");
  CHECK(normalize_channel("(direct)") == "direct");
  CHECK(normalize_channel("카카오톡 채널") == "kakao");
  CHECK(normalize_channel("PC쇼핑몰") == "pc_web");
  CHECK(normalize_channel("모바일웹") == "mobile_web");
  CHECK(normalize_channel("https://shop.example.co.kr/landing?x=1") == "shop.example.co.kr");
  CHECK(normalize_channel("Partner Blog") == "partner blog");
  CHECK(normalize_channel("580111") == "app_580111");
}

TEST_CASE("LMDI: the contributions add up to the change; no split with a zero") {
  const auto c = lmdi_contributions({3, 1, 350.0 / 3}, {2, 1, 115}, 350, 230);
  REQUIRE(c);
  CHECK((*c)[0] + (*c)[1] + (*c)[2] == doctest::Approx(-120).epsilon(1e-12));
  CHECK_FALSE(lmdi_contributions({0, 1}, {2, 1}, 0, 2));
}

TEST_CASE("KPI table by month, without events") {
  const json k = kpis("{}");
  CHECK(k["period"] == "month");
  CHECK(k["firstDate"] == "2024-01-01");
  CHECK(k["lastDate"] == "2024-04-10");
  const json& p = k["periods"];
  REQUIRE(p.size() == 4);
  // January: orders 1-3 (A 100, B 200, C 50), all first purchases; items 1 + 2 + 1.
  const json& jan = p[0]["values"];
  CHECK(p[0]["partial"] == false);
  CHECK(p[0]["compared"] == "first_period");
  CHECK(jan["customers"] == 3);
  CHECK(jan["newCustomers"] == 3);
  CHECK(jan["returningCustomers"] == 0);
  CHECK(jan["firstPurchases"] == 3);
  CHECK(jan["repurchases"] == 0);
  CHECK(jan["orders"] == 3);
  CHECK(jan["revenue"] == 350);
  CHECK(jan["aov"].get<double>() == doctest::Approx(350.0 / 3).epsilon(1e-15));
  CHECK(jan["itemsPerOrder"].get<double>() == doctest::Approx(4.0 / 3).epsilon(1e-15));
  CHECK(jan["repeatCustomerRate"] == 0);
  CHECK(jan["retentionRate"].is_null());
  CHECK(jan["churnRate"].is_null());
  CHECK(jan["visitors"].is_null());
  CHECK(jan["conversionRate"].is_null());
  // February: A 150 (repeat), D 80 (first); B's order 6 is refunded: no purchase, no revenue.
  // Of January's A, B, C only A bought again: retention 1/3. A has two purchases by February.
  const json& feb = p[1]["values"];
  CHECK(p[1]["compared"] == "compared");
  CHECK(feb["customers"] == 2);
  CHECK(feb["newCustomers"] == 1);
  CHECK(feb["returningCustomers"] == 1);
  CHECK(feb["repurchases"] == 1);
  CHECK(feb["revenue"] == 230);
  CHECK(feb["aov"] == 115);
  CHECK(feb["repeatCustomerRate"] == 0.5);
  CHECK(feb["retentionRate"].get<double>() == doctest::Approx(1.0 / 3).epsilon(1e-15));
  CHECK(feb["churnRate"].get<double>() == doctest::Approx(2.0 / 3).epsilon(1e-15));
  CHECK(p[1]["deltas"]["customers"]["absolute"] == -1);
  CHECK(p[1]["deltas"]["firstPurchases"]["relative"].get<double>() == doctest::Approx(-2.0 / 3).epsilon(1e-15));
  CHECK(p[1]["deltas"]["returningCustomers"]["absolute"] == 1);
  CHECK(p[1]["deltas"]["returningCustomers"]["relative"].is_null());  // from 0
  // AOV fell by 5/350 = 1.4%, under the 5% threshold: only first purchases (-66.7%) trigger.
  CHECK(action_keys(p[1]) == std::vector<std::string>{"welcome_offer:firstPurchases"});
  // Revenue 350 -> 230 = customers 3 -> 2, orders per customer 1 -> 1, AOV 116.67 -> 115.
  const json& split = p[1]["revenueChange"];
  CHECK(split["change"] == -120);
  CHECK(split["split"] == true);
  CHECK(split["drivers"][0]["metric"] == "customers");
  CHECK(split["drivers"][0]["contribution"].get<double>() == doctest::Approx(-115.88750106135673).epsilon(1e-12));
  CHECK(split["drivers"][1]["contribution"] == 0);
  CHECK(split["drivers"][2]["contribution"].get<double>() == doctest::Approx(-4.112498938643464).epsilon(1e-12));
  // March: A 90 (3 items), B 60, E 200 + 30 (E's first and second order on one day), C's refund
  // of 20 standing alone: revenue 360 over 4 orders, AOV 90. Of February's A and D, A returned.
  const json& mar = p[2]["values"];
  CHECK(mar["customers"] == 3);
  CHECK(mar["newCustomers"] == 1);
  CHECK(mar["returningCustomers"] == 2);
  CHECK(mar["firstPurchases"] == 1);
  CHECK(mar["repurchases"] == 3);
  CHECK(mar["orders"] == 4);
  CHECK(mar["revenue"] == 360);
  CHECK(mar["aov"] == 90);
  CHECK(mar["itemsPerOrder"] == 1.75);
  CHECK(mar["repeatCustomerRate"] == 1);
  CHECK(mar["retentionRate"] == 0.5);
  CHECK(action_keys(p[2]) == std::vector<std::string>{"bundles:aov"});
  CHECK(p[2]["actions"][0]["change"].get<double>() == doctest::Approx(90.0 / 115 - 1).epsilon(1e-15));
  CHECK(p[2]["revenueChange"]["drivers"][0]["contribution"].get<double>() == doctest::Approx(117.65079336863934).epsilon(1e-12));
  CHECK(p[2]["revenueChange"]["drivers"][1]["contribution"].get<double>() == doctest::Approx(83.47456633150645).epsilon(1e-12));
  CHECK(p[2]["revenueChange"]["drivers"][2]["contribution"].get<double>() == doctest::Approx(-71.12535970014576).epsilon(1e-12));
  // April ends on the 10th: partial, not compared (D's order 13 is pending).
  CHECK(p[3]["partial"] == true);
  CHECK(p[3]["compared"] == "partial_period");
  CHECK(p[3]["deltas"].empty());
  CHECK(p[3]["values"]["orders"] == 2);
  CHECK(p[3]["values"]["revenue"] == 150);
  CHECK(k["latest"] == 2);
  CHECK(action_keys(k) == std::vector<std::string>{"bundles:aov"});
}

TEST_CASE("KPI table: the threshold, an export's stated range, weeks") {
  // A 1% threshold also catches February's 1.4% fall of AOV.
  CHECK(action_keys(kpis(R"({"dropThreshold":0.01})")["periods"][1]) ==
        std::vector<std::string>{"bundles:aov", "welcome_offer:firstPurchases"});
  // The export said 1 January to 30 April: April is complete and compared.
  const json april = kpis(R"({"endDate":"2024-04-30"})")["periods"][3];
  CHECK(april["partial"] == false);
  // April against March: returning 2 -> 1 (-50%), AOV 90 -> 75 (-16.7%), first purchases 1 -> 1.
  CHECK(action_keys(april) == std::vector<std::string>{"repurchase_campaign:returningCustomers", "bundles:aov"});
  // From 1 February, A (first bought in January) is a returning customer in February.
  const json feb = kpis(R"({"startDate":"2024-02-01"})")["periods"][0];
  CHECK(feb["period"] == "2024-02");
  CHECK(feb["values"]["newCustomers"] == 1);
  CHECK(feb["values"]["returningCustomers"] == 1);
  // Weeks: 1 January 2024 is a Monday; 10 April a Wednesday (the last week is partial).
  const json w = kpis(R"({"period":"week"})");
  CHECK(w["periods"][0]["period"] == "2024-W01");
  CHECK(w["periods"].size() == 15);
  CHECK(w["periods"][14]["partial"] == true);
  CHECK(w["periods"][0]["values"]["orders"] == 1);  // order 1 only
}

TEST_CASE("KPI table with visitors from an events file") {
  const json k = kpis("{}", &visitors());
  CHECK(k["hasEvents"] == true);
  CHECK(k["eventsFirstDate"] == "2024-01-01");
  CHECK(k["eventsLastDate"] == "2024-03-31");
  const json& p = k["periods"];
  // January: A, X, B, C (A twice on one day): 4 new visitors; 3 of them bought.
  CHECK(p[0]["visitorCoverage"] == "full");
  CHECK(p[0]["values"]["visitors"] == 4);
  CHECK(p[0]["values"]["newVisitors"] == 4);
  CHECK(p[0]["values"]["conversionRate"] == 0.75);
  // February: A and X again, Y and D new; 2 customers of 4 visitors.
  CHECK(p[1]["values"]["newVisitors"] == 2);
  CHECK(p[1]["values"]["returningVisitors"] == 2);
  CHECK(p[1]["values"]["conversionRate"] == 0.5);
  CHECK(p[1]["deltas"]["newVisitors"]["relative"] == -0.5);
  // New visitors -50%, conversion -33%, first purchases -67%; returning customers rose, and with
  // visitors compared the returning-customers rule stands down anyway.
  CHECK(action_keys(p[1]) == std::vector<std::string>{"broad_acquisition:newVisitors", "cart_reminders:conversionRate",
                                                      "welcome_offer:firstPurchases"});
  const json& drivers = p[1]["revenueChange"]["drivers"];
  REQUIRE(drivers.size() == 4);
  CHECK(drivers[0]["metric"] == "visitors");
  CHECK(drivers[0]["contribution"] == 0);
  CHECK(drivers[1]["metric"] == "conversionRate");
  CHECK(drivers[1]["contribution"].get<double>() == doctest::Approx(-115.88750106135673).epsilon(1e-12));
  // March: A, B, E, and Y (on the 31st): E is new.
  CHECK(p[2]["values"]["visitors"] == 4);
  CHECK(p[2]["values"]["newVisitors"] == 1);
  CHECK(action_keys(p[2]) == std::vector<std::string>{"broad_acquisition:newVisitors", "bundles:aov"});
  // April has no events: no visitor KPIs.
  CHECK(p[3]["visitorCoverage"] == "none");
  CHECK(p[3]["values"]["visitors"].is_null());
}

TEST_CASE("cohorts by first month: active customers, orders, revenue, the LTV curve, repeat share") {
  const json c = cohorts("{}");
  CHECK(c["customers"] == 6);
  REQUIRE(c["cohorts"].size() == 4);
  // January: A, B, C. A buys in Feb, Mar, Apr; B in Mar (second purchase); C's -20 refund in Mar.
  const json& jan = c["cohorts"][0];
  CHECK(jan["key"] == "2024-01");
  CHECK(jan["customers"] == 3);
  REQUIRE(jan["cells"].size() == 4);
  const double active[] = {3, 1, 2, 1}, orders[] = {3, 1, 2, 1}, revenue[] = {350, 150, 130, 110}, cumulative[] = {350, 500, 630, 740},
               repeat[] = {0, 1, 2, 2};
  for (int a = 0; a < 4; ++a) {
    const json& cell = jan["cells"][a];
    CHECK(cell["age"] == a);
    CHECK(cell["customers"] == 3);
    CHECK(cell["active"] == active[a]);
    CHECK(cell["activeRate"].get<double>() == doctest::Approx(active[a] / 3).epsilon(1e-15));
    CHECK(cell["orders"] == orders[a]);
    CHECK(cell["revenue"] == revenue[a]);
    CHECK(cell["revenuePerCustomer"].get<double>() == doctest::Approx(cumulative[a] / 3).epsilon(1e-15));
    CHECK(cell["repeatCustomers"] == repeat[a]);
    CHECK(cell["partial"] == (a == 3));
  }
  // March: E, two orders on the first day (a repeat at age 0), nothing in April.
  const json& mar = c["cohorts"][2];
  CHECK(mar["cells"][0]["orders"] == 2);
  CHECK(mar["cells"][0]["revenue"] == 230);
  CHECK(mar["cells"][0]["repeatRate"] == 1);
  CHECK(mar["cells"][1]["active"] == 0);
  CHECK(mar["cells"][1]["revenuePerCustomer"] == 230);
  CHECK(c["cohorts"][3]["cells"].size() == 1);  // April: only age 0
  CHECK(cohorts(R"({"maxAge":2})")["cohorts"][0]["cells"].size() == 2);
}

TEST_CASE("cohorts by first channel: customers acquired at different times, other") {
  const json c = cohorts(R"({"by":"firstChannel"})");
  // google: A (January, observed 4 months) and E (March, 2 months); naver: B, D; direct: F;
  // instagram: C. Equal sizes by name.
  REQUIRE(c["cohorts"].size() == 4);
  CHECK(c["cohorts"][0]["key"] == "google");
  CHECK(c["cohorts"][1]["key"] == "naver");
  CHECK(c["cohorts"][2]["key"] == "direct");
  CHECK(c["cohorts"][3]["key"] == "instagram");
  const json& g = c["cohorts"][0]["cells"];
  CHECK(g[0]["orders"] == 3);
  CHECK(g[0]["revenue"] == 330);
  CHECK(g[1]["customers"] == 2);
  CHECK(g[1]["revenuePerCustomer"] == 240);  // A 100 + 150, E 230
  CHECK(g[1]["partial"] == true);            // E's age 1 is April
  CHECK(g[2]["customers"] == 1);             // only A is observed two months on
  CHECK(g[2]["revenuePerCustomer"] == 340);
  CHECK(g[3]["revenuePerCustomer"] == 450);
  const json top2 = cohorts(R"({"by":"firstChannel","maxCohorts":2})");
  REQUIRE(top2["cohorts"].size() == 3);
  CHECK(top2["cohorts"][2]["key"] == "(other)");
  CHECK(top2["cohorts"][2]["other"] == true);
  CHECK(top2["cohorts"][2]["customers"] == 2);  // C and F
  // By coupon: WELCOME (A, D), none (the rest).
  const json coupon = cohorts(R"({"by":"firstCoupon"})");
  CHECK(coupon["cohorts"][0]["key"] == "");
  CHECK(coupon["cohorts"][0]["label"] == "(none)");
  CHECK(coupon["cohorts"][0]["customers"] == 4);
  CHECK(coupon["cohorts"][1]["key"] == "WELCOME");
  // By product: P1 (A, C, D), P2 (B, F), P3 (E); labels are product names.
  const json product = cohorts(R"({"by":"firstProduct"})");
  CHECK(product["cohorts"][0]["key"] == "P1");
  CHECK(product["cohorts"][0]["label"] == "Mug");
  CHECK(product["cohorts"][0]["customers"] == 3);
}

TEST_CASE("channels: CAC, historic revenue per customer, LTV:CAC and payback") {
  const json r = channels(
      R"({"predictClv":false,"spend":[{"channel":"Google Ads","period":"2024-01","amount":200},{"channel":"google","period":"2024-03","amount":300},{"channel":"naver","amount":300},{"channel":"tiktok","period":"2024-02","amount":100}]})");
  CHECK(r["clv"]["ran"] == false);
  CHECK(r["unmatchedSpend"] == json::array({"tiktok"}));
  const json& ch = r["channels"];
  REQUIRE(ch.size() == 5);
  // google: A (1 Jan; 3 whole months to 11 April: 100, +150, +90) and E (9 Mar; 1 month: 230).
  const json& g = ch[0];
  CHECK(g["channel"] == "google");
  CHECK(g["newCustomers"] == 2);
  CHECK(g["revenue"] == 680);  // A 450, E 230
  CHECK(g["spend"] == 500);
  CHECK(g["cac"] == 250);
  CHECK(g["revenueCurve"] == json::array({165, 250, 340}));
  CHECK(g["revenue3m"]["customers"] == 1);
  CHECK(g["revenue3m"]["perCustomer"] == 340);
  CHECK(g["revenue6m"]["perCustomer"].is_null());
  CHECK(g["ltv"] == 340);
  CHECK(g["ltvBasis"] == "revenue3m");
  CHECK(g["ltvToCac"] == 1.36);
  CHECK(g["paybackMonths"] == 2);
  CHECK(g["rawValues"] == json::array({"google", "utm_source=google&utm_medium=cpc"}));
  // naver: B (15 Jan; 2 whole months: 200, +60) and D (10 Feb; 80): CAC 300 / 2.
  const json& n = ch[1];
  CHECK(n["cac"] == 150);
  CHECK(n["revenueCurve"] == json::array({140, 170}));
  CHECK(n["paybackMonths"] == 2);
  CHECK(n["ltv"].is_null());
  CHECK(ch[2]["channel"] == "direct");
  CHECK(ch[3]["channel"] == "instagram");
  CHECK(ch[3]["revenueCurve"] == json::array({50, 30}));  // C's refund in month 2
  CHECK(ch[4]["channel"] == "tiktok");
  CHECK(ch[4]["newCustomers"] == 0);
  CHECK(ch[4]["cac"].is_null());
  // Per acquisition month: google January (A alone) cost 200.
  const json& jan = r["rows"][0];
  CHECK(jan["channel"] == "google");
  CHECK(jan["period"] == "2024-01");
  CHECK(jan["cac"] == 200);
  CHECK(jan["ltvToCac"] == 1.7);
  CHECK(jan["paybackMonths"] == 2);
  CHECK(r["rows"][1]["period"] == "2024-03");
  CHECK(r["rows"][1]["paybackMonths"].is_null());  // E's 230 < 300
  // A 50% margin halves the curve: google's 82.5, 125, 170 never reach 250.
  const json half = channels(R"({"predictClv":false,"margin":0.5,"spend":[{"channel":"google","amount":500}]})");
  CHECK(half["channels"][0]["revenueCurve"] == json::array({82.5, 125, 170}));
  CHECK(half["channels"][0]["ltv"] == 170);
  CHECK(half["channels"][0]["paybackMonths"].is_null());
}

TEST_CASE("spend file: CSV rows with line numbers, and errors naming line and column") {
  const std::vector<SpendCsvRow> rows =
      parse_spend_csv(testing::read_file(testing::source_dir() / "tests/fixtures/kpis/spend.csv"), "spend.csv");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].channel == "Google Ads");
  CHECK(rows[0].period == "2024-01");
  CHECK(rows[0].amount == 200);
  CHECK(rows[0].line == 2);
  CHECK(rows[2].period.empty());
  // The CSV's entries give the same report as the JSON entries above.
  const json r = channels(R"({"predictClv":false,"spendFileName":"spend.csv","spend":)" + spend_rows_json(rows) + "}");
  CHECK(r["channels"][0]["cac"] == 250);
  CHECK(bad_option_message([] { parse_spend_csv("channel,period,spend\ngoogle,2024-01,abc\n", "s.csv"); }) ==
        "s.csv line 2, column 3 (spend): expected an amount such as 12000, 12,000원 or $1,234.50, got \"abc\"");
  CHECK(bad_option_message([] { parse_spend_csv("channel,cost,notes\n", "s.csv"); }) ==
        "s.csv line 1, column 3 (\"notes\"): unknown column; expected channel, period and spend");
  CHECK(bad_option_message([] {
          channels(R"({"spendFileName":"s.csv","spend":[{"channel":"g","period":"2024-13","amount":1,"line":3,"column":2}]})");
        }) == "s.csv line 3, column 2 (period): expected a month such as \"2024-03\" or a date in it, got \"2024-13\"");
}

TEST_CASE("report options: unknown and bad values are named") {
  CHECK(bad_option_message([] { kpis(R"({"period":"year"})"); }) == "options.period: expected one of \"month\", \"week\", \"day\"");
  CHECK(bad_option_message([] { kpis(R"({"dropThreshold":2})"); }) ==
        "options.dropThreshold: expected a share from 0 to 1 (0.05: a fall of 5% or more)");
  CHECK(bad_option_message([] { kpis(R"({"startDate":"2024-05-01","endDate":"2024-04-01"})"); }) ==
        "options.startDate: expected a date on or before endDate");
  CHECK(bad_option_message([] { cohorts(R"({"by":"firstSku"})"); }) ==
        "options.by: expected one of \"firstPeriod\", \"firstProduct\", \"firstChannel\", \"firstCoupon\"");
  CHECK(bad_option_message([] { channels(R"({"spend":[{"channel":"g"}]})"); }) ==
        "options.spend[0].amount: expected an amount of money (the field is missing)");
  CHECK(bad_option_message([] { channels(R"({"spend":[{"channel":"g","period":"2024-W09","amount":1}]})"); }) ==
        "options.spend[0].period: expected a month such as \"2024-03\" or a date in it");
}

TEST_CASE("readiness: measures and each analysis's verdict on the hand shop") {
  const json r = json::parse(readiness_report(shop(), "{}", nullptr));
  const json& m = r["measures"];
  CHECK(m["customers"] == 6);
  CHECK(m["historyDays"] == 101);        // 1 January to 10 April 2024
  CHECK(m["repeatCustomers"] == 3);      // A, B, E
  CHECK(m["repeatShare"] == 0.5);
  CHECK(m["customersThreeDays"] == 1);   // A (4 days); E's two orders are one day
  CHECK(m["ordersLast30Days"] == 2);     // 12 March to 10 April: orders 12 and 14 (11 is a refund, 13 pending)
  CHECK(m["completeMonths"] == 3);
  CHECK(m["channelKnownShare"] == 1);
  CHECK(m["channels"] == 4);             // google, naver, instagram, direct
  bool kpis_ready = false, funnel_ready = true;
  for (const json& a : r["analyses"]) {
    if (a["analysis"] == "kpis") kpis_ready = a["ready"];
    if (a["analysis"] == "funnel") funnel_ready = a["ready"];
  }
  CHECK_FALSE(kpis_ready);  // 6 customers < 30
  CHECK_FALSE(funnel_ready);
}

TEST_CASE("acquisition channel: a utm_source in the attribution text, else the referring site, else the channel") {
  Ingestor ingestor(parse_ingest_options(R"({"fileName":"attribution.csv"})"));
  ingestor.push(
      "order_id,customer_id,date,amount,source,referring_site,note_attributes\n"
      "1,A,2024-01-02,10,web,https://www.google.com/,\"utm_source: kakao\nutm_medium: social\"\n"
      "2,B,2024-01-03,10,web,https://m.search.naver.com/search?q=mug,\n"
      "3,C,2024-01-04,10,web,,landing: /sale\n"
      "4,D,2024-01-05,10,pos,,\n");
  const IngestResult result = ingestor.finish();
  const json c = json::parse(cohorts_report(*result.dataset, R"({"by":"firstChannel"})"));
  std::vector<std::string> keys;
  for (const json& cohort : c["cohorts"]) keys.push_back(cohort["key"]);
  // One customer each, so by name: A kakao (utm), B naver (referrer), C online_store (web), D pos.
  CHECK(keys == std::vector<std::string>{"kakao", "naver", "online_store", "pos"});
}

TEST_CASE("acquisition channel from the events file's traffic source when the first order names none") {
  Ingestor orders(parse_ingest_options(R"({"fileName":"orders.csv"})"));
  orders.push(
      "order_id,customer_id,email,date,amount,channel\n"
      "1,M1,,2024-01-02,10,\n"          // joined by member id: google (GA4 first touch)
      "2,M2,b@example.com,2024-01-03,10,\n"  // joined by email through an anonymous visitor: naver
      "3,M3,,2024-01-04,10,pos\n"       // the order names its channel: pos, whatever the events say
      "4,M4,,2024-01-05,10,\n");        // no visitor: unknown
  const IngestResult shop = orders.finish();
  EventIngestor reader(parse_event_ingest_options(R"({"fileName":"events.csv"})"));
  reader.push(
      "user_id,email,event,timestamp,traffic_source\n"
      "M1,,page_view,2024-01-01 10:00,google\n"
      "M1,,purchase,2024-01-02 10:00,(not set)\n"
      ",b@example.com,page_view,2024-01-03 09:00,m.search.naver.com\n"
      "M3,,page_view,2024-01-04 09:00,instagram\n");
  const EventIngestResult events = reader.finish();
  const json r = json::parse(channels_report(*shop.dataset, R"({"predictClv":false})", events.log.get()));
  std::map<std::string, double> customers;
  for (const json& c : r["channels"]) customers[c["channel"]] = c["newCustomers"];
  CHECK(customers == std::map<std::string, double>{{"google", 1}, {"naver", 1}, {"pos", 1}, {"unknown", 1}});
  CHECK(r["channelsFromEvents"] == 2);
}

TEST_CASE("KPI actions: returning visitors falling calls for the repurchase campaign") {
  EventIngestor reader(parse_event_ingest_options(R"({"fileName":"events.csv"})"));
  reader.push(
      "user_id,event,timestamp\n"
      "A,page_view,2024-01-01 10:00\nB,page_view,2024-01-02 10:00\n"
      "A,page_view,2024-02-01 10:00\nB,page_view,2024-02-02 10:00\n"
      "A,page_view,2024-03-01 10:00\nZ,page_view,2024-03-31 10:00\n");
  const EventIngestResult events = reader.finish();
  const json p = kpis("{}", events.log.get())["periods"];
  // February: A and B again, nobody new (2 -> 0, -100%); 2 customers of 2 visitors after 3 of 2.
  CHECK(p[1]["values"]["returningVisitors"] == 2);
  CHECK(action_keys(p[1]) == std::vector<std::string>{"broad_acquisition:newVisitors", "cart_reminders:conversionRate",
                                                      "welcome_offer:firstPurchases"});
  // March: A returns, Z is new: returning visitors 2 -> 1 (-50%); new visitors 0 -> 1 (from 0: no
  // relative change); AOV 115 -> 90.
  CHECK(p[2]["values"]["returningVisitors"] == 1);
  CHECK(p[2]["deltas"]["newVisitors"]["relative"].is_null());
  CHECK(action_keys(p[2]) == std::vector<std::string>{"repurchase_campaign:returningVisitors", "bundles:aov"});
}
