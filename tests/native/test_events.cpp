// Tests of the website events ingestion (src/events): event kinds, times, options, the GA4 and
// generic fixtures of tests/fixtures/events (expected values worked out by hand in the comments),
// the pseudo-id -> user merge, skipped rows with their line and column, chunking invariance
// and fatal errors.
#include <doctest.h>

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/events_json.hpp"
#include "events/event_ingestor.hpp"
#include "events/event_kind.hpp"
#include "events/event_time.hpp"
#include "fixture_support.hpp"
#include "ingest/ingest_error.hpp"
#include "util/civil_date.hpp"

using namespace orderlens;
using json = nlohmann::ordered_json;
using orderlens::testing::read_file;
using orderlens::testing::source_dir;
using orderlens::testing::subset_mismatch;

namespace {

std::string fixture(std::string_view name) {
  return read_file(source_dir() / "tests" / "fixtures" / "events" / std::string(name));
}

// {"diagnostics", "visitors"} or {"error": {"code", "message"}}; pushed in chunks of `chunk`
// bytes (0: one push).
json run_events(const std::string& bytes, const std::string& options, std::size_t chunk = 0) {
  json out;
  try {
    EventIngestor ingestor(parse_event_ingest_options(options));
    const std::size_t step = chunk ? chunk : (bytes.empty() ? 1 : bytes.size());
    for (std::size_t i = 0; i < bytes.size(); i += step) ingestor.push(std::string_view(bytes).substr(i, step));
    const EventIngestResult result = ingestor.finish();
    out["diagnostics"] = event_diagnostics_json(result.diagnostics);
    out["visitors"] = event_visitors_json(*result.log);
  } catch (const IngestError& e) {
    out["error"] = {{"code", ingest_error_code_name(e.code())}, {"message", e.what()}};
  }
  return out;
}

EventIngestResult ingest(const std::string& bytes, const std::string& options = "") {
  EventIngestor ingestor(parse_event_ingest_options(options));
  ingestor.push(bytes);
  return ingestor.finish();
}

void check_subset(const json& expected, const json& actual) {
  const std::string mismatch = subset_mismatch(expected, actual);
  CHECK_MESSAGE(mismatch.empty(), mismatch);
}

json counts(int page, int product, int cart, int purchase, int other) {
  return {{"total", page + product + cart + purchase + other},
          {"pageView", page}, {"productView", product}, {"addToCart", cart}, {"purchase", purchase}, {"other", other}};
}

std::int32_t day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }

}  // namespace

TEST_CASE("events: names map to the five kinds, case-insensitively after trimming") {
  CHECK(event_kind_of("page_view") == EventKind::PageView);
  CHECK(event_kind_of("  PageView ") == EventKind::PageView);
  CHECK(event_kind_of("VISIT") == EventKind::PageView);
  CHECK(event_kind_of("session_start") == EventKind::PageView);
  CHECK(event_kind_of("페이지뷰") == EventKind::PageView);
  CHECK(event_kind_of("방문") == EventKind::PageView);
  CHECK(event_kind_of("view_item") == EventKind::ProductView);
  CHECK(event_kind_of("Detail") == EventKind::ProductView);
  CHECK(event_kind_of("상품조회") == EventKind::ProductView);
  CHECK(event_kind_of("add_to_cart") == EventKind::AddToCart);
  CHECK(event_kind_of("AddToCart") == EventKind::AddToCart);
  CHECK(event_kind_of("\xC2\xA0" "cart\xE3\x80\x80") == EventKind::AddToCart);  // NBSP and U+3000 padding
  CHECK(event_kind_of("장바구니") == EventKind::AddToCart);
  CHECK(event_kind_of("purchase") == EventKind::Purchase);
  CHECK(event_kind_of("CHECKOUT_COMPLETE") == EventKind::Purchase);
  CHECK(event_kind_of("구매") == EventKind::Purchase);
  CHECK(event_kind_of("주문") == EventKind::Purchase);
  // Everything else, including GA4's other events and near misses, is Other.
  for (const char* other : {"first_visit", "scroll", "user_engagement", "begin_checkout", "view_item_list",
                            "add-to-cart", "add to cart", "purchases", "", "a_very_long_event_name_beyond_any_word"})
    CHECK_MESSAGE(event_kind_of(other) == EventKind::Other, other);

  for (std::size_t k = 0; k < kEventKindCount; ++k) {
    const auto kind = static_cast<EventKind>(k);
    CHECK(event_kind_from_key(event_kind_key(kind)) == kind);
  }
  CHECK(event_kind_key(EventKind::AddToCart) == "addToCart");
  CHECK_FALSE(event_kind_from_key("add_to_cart").has_value());
}

TEST_CASE("events: times are dates, compact dates or epoch numbers by magnitude") {
  const DateParseOptions mdy;
  auto day_of = [&](std::string_view text) {
    const EventDay d = parse_event_day(text, mdy);
    REQUIRE_MESSAGE(d.ok(), text);
    return d.day;
  };
  CHECK(day_of("20240301") == day(2024, 3, 1));                // GA4 event_date
  CHECK(day_of("202403012359") == day(2024, 3, 1));            // yyyymmddhhmm
  CHECK(day_of("20240301235959") == day(2024, 3, 1));          // yyyymmddhhmmss
  CHECK(day_of("1709251200") == day(2024, 3, 1));              // seconds
  CHECK(day_of("1709337599") == day(2024, 3, 1));              // 23:59:59 UTC
  CHECK(day_of("1709251200.75") == day(2024, 3, 1));           // fractional seconds
  CHECK(day_of("1709251200000") == day(2024, 3, 1));           // milliseconds
  CHECK(day_of("1709337599999999") == day(2024, 3, 1));        // microseconds (GA4 event_timestamp)
  CHECK(day_of("999999999999") == day(2001, 9, 9));            // 12 digits, not yyyymmddhhmm: milliseconds
  CHECK(day_of("2024-03-01T23:30:00+09:00") == day(2024, 3, 1));  // the written date; the offset is not applied
  CHECK(day_of("2024/03/01 오후 3:00:00") == day(2024, 3, 1));
  CHECK(day_of("45352") == day(2024, 3, 1));                   // Excel serial
  CHECK(parse_event_day("1709251200", mdy).unit == EpochUnit::Seconds);
  CHECK(parse_event_day("1709251200000", mdy).unit == EpochUnit::Milliseconds);
  CHECK(parse_event_day("1709251200000000", mdy).unit == EpochUnit::Microseconds);
  CHECK(parse_event_day("2024-03-01", mdy).unit == EpochUnit::None);

  CHECK(parse_event_day("03/04/2024", mdy).day == day(2024, 3, 4));
  CHECK(parse_event_day("03/04/2024", {DayMonthOrder::DayFirst, true}).day == day(2024, 4, 3));

  CHECK(parse_event_day("", mdy).error == DateError::Empty);
  CHECK(parse_event_day("abc", mdy).error == DateError::Unrecognized);
  CHECK(parse_event_day("2024-02-30", mdy).error == DateError::InvalidDate);
  CHECK(parse_event_day("99999999999", mdy).error == DateError::OutOfRange);            // seconds in year 5138
  CHECK(parse_event_day("1234567890123456789012", mdy).error == DateError::OutOfRange);  // beyond 64 bits
  CHECK(event_time_error_text(parse_event_day("99999999999", mdy)).find("epoch") != std::string_view::npos);
}

TEST_CASE("events: options") {
  const EventIngestOptions o = parse_event_ingest_options(
      R"({"fileName": "ev.csv", "encoding": "euc-kr", "layout": "generic", "delimiter": "tab", "dateOrder": "dmy",
          "mapping": {"user": "Kunde", "event": ["Aktion", 2], "time": "Zeit", "item": null, "email": "Mail"}})");
  CHECK(o.file_name == "ev.csv");
  CHECK(o.encoding == Encoding::Cp949);
  CHECK(o.layout == "generic");
  CHECK(o.delimiter == '\t');
  CHECK(o.day_month_order == DayMonthOrder::DayFirst);
  const auto& user = o.mapping[index_of(EventRole::UserId)];
  REQUIRE(user.has_value());
  CHECK(user->front().name == "Kunde");
  const auto& event = o.mapping[index_of(EventRole::Event)];
  REQUIRE(event.has_value());
  REQUIRE(event->size() == 2);
  CHECK(event->at(1).number == 2);
  const auto& item = o.mapping[index_of(EventRole::Item)];
  REQUIRE(item.has_value());
  CHECK(item->empty());  // unmapped on purpose
  CHECK_FALSE(o.mapping[index_of(EventRole::PseudoId)].has_value());

  CHECK(parse_event_ingest_options("").layout == "auto");
  auto bad_option = [](const char* text) {
    try {
      parse_event_ingest_options(text);
    } catch (const IngestError& e) {
      CHECK(e.code() == IngestErrorCode::BadOption);
      return std::string(e.what());
    }
    FAIL("no error for " << text);
    return std::string();
  };
  CHECK(bad_option(R"({"preset": "ga4"})").find("options.preset: unknown option") == 0);
  CHECK(bad_option(R"({"layout": "ga5"})").find("options.layout") == 0);
  CHECK(bad_option(R"({"mapping": {"customerId": "x"}})").find("options.mapping.customerId: unknown column role") == 0);
  CHECK(bad_option(R"({"mapping": {"user": ""}})").find("options.mapping.user") == 0);
  CHECK(bad_option(R"({"encoding": "latin9"})").find("options.encoding") == 0);
  CHECK(bad_option("[1]").find("options.: expected an object") == 0);
  // Counts are read by the order options' reader (ingest/option_fields.hpp), in its words.
  CHECK(bad_option(R"({"maxExamples": 5000})") == "options.maxExamples: expected a number between 0 and 1000");
  CHECK(bad_option(R"({"maxRecordBytes": -1})") == "options.maxRecordBytes: expected a number >= 1024");
  CHECK(bad_option(R"({"maxExamples": 2.5})") == "options.maxExamples: expected a whole number");
}

// tests/fixtures/events/ga4-flattened.csv, by line (header on line 1):
//   2-7   P1.111 browses (session_start, page_view, view_item), logs in as U1 (login: Other) with
//         P1.111 on the row, so P1.111 -> U1; U1 adds to cart and buys two items on line 7-8;
//   8     the second item row of the same purchase (same event_timestamp): one event;
//   9-12  P2.222 anonymous: scroll (Other), two page_views, view_item with event_timestamp empty
//         (day from event_date 2024-03-03);
//   13-16 skipped: no event name (13, column 3), time "abc" (14, column 2), no user (15, column 5
//         user_id, the first user column), 3 fields (16);
//   17-18 P3.333 page_view on 03-01, then purchase as U2 on 03-04: P3.333 -> U2;
//   19-21 P4.444 as U3 (-> U3), anonymous view_item, then with U4: conflicting_link (21, column 4);
//   22    P5.555 first_visit only (Other) at 2024-03-04 22:30 UTC while event_date says 03-05.
// After merging P1, P3, P4: U1 {pv 2, product 1, cart 1, purchase 1, other 1} 03-01..03-02,
// P2.222 {2, 1, 0, 0, 1} 03-02..03-03, U2 {1, 0, 0, 1, 0} 03-01..03-04, U3 {1, 1, 0, 0, 0}
// 03-04, U4 {1, 0, 0, 0, 0} 03-05, P5.555 {0, 0, 0, 0, 1} 03-04 (UTC day of the timestamp).
TEST_CASE("events: GA4 fixture, counts worked out by hand") {
  const json out = run_events(fixture("ga4-flattened.csv"), R"({"fileName": "ga4-flattened.csv"})");
  REQUIRE_MESSAGE(!out.contains("error"), out.dump(1));
  check_subset(json::parse(R"j({
    "file": "ga4-flattened.csv",
    "encoding": {"name": "utf-8"},
    "delimiter": {"char": ","},
    "header": {"line": 1, "rowsAbove": 0},
    "layout": {"key": "ga4", "detected": true},
    "mapping": {"user": ["user_id"], "pseudoId": ["user_pseudo_id"], "event": ["event_name"],
                "time": ["event_timestamp"], "date": ["event_date"], "item": ["items.item_id"]},
    "lines": 22,
    "rows": {"read": 21, "used": 17, "skipped": 4, "repeatedEventRows": 1},
    "skipped": [
      {"reason": "missing_user", "count": 1,
       "examples": [{"line": 15, "column": 5, "columnName": "user_id", "value": "", "detail": "every user column is empty"}]},
      {"reason": "missing_event", "count": 1, "examples": [{"line": 13, "column": 3, "columnName": "event_name"}]},
      {"reason": "bad_time", "count": 1, "examples": [{"line": 14, "column": 2, "columnName": "event_timestamp", "value": "abc"}]},
      {"reason": "too_few_fields", "count": 1, "examples": [{"line": 16, "detail": "expected 6 fields, found 3"}]}
    ],
    "warnings": [
      {"reason": "conflicting_link", "count": 1,
       "examples": [{"line": 21, "column": 4, "columnName": "user_pseudo_id", "value": "P4.444"}]}
    ],
    "visitors": {"total": 6, "userId": 4, "pseudoId": 2, "email": 0},
    "events": {"total": 16, "pageView": 7, "productView": 3, "addToCart": 1, "purchase": 2, "other": 3},
    "merged": {"visitors": 3, "pseudoId": 3, "email": 0},
    "firstDate": "2024-03-01",
    "lastDate": "2024-03-05"
  })j"), out["diagnostics"]);

  const json& v = out["visitors"];
  REQUIRE(v.size() == 6);
  auto expect = [&](std::size_t i, const char* id, const char* kind, const json& events, const char* first,
                    const char* last) {
    CAPTURE(i);
    check_subset({{"id", id}, {"idKind", kind}, {"events", events}, {"firstDate", first}, {"lastDate", last}}, v[i]);
  };
  expect(0, "U1", "userId", counts(2, 1, 1, 1, 1), "2024-03-01", "2024-03-02");
  expect(1, "P2.222", "pseudoId", counts(2, 1, 0, 0, 1), "2024-03-02", "2024-03-03");
  expect(2, "U2", "userId", counts(1, 0, 0, 1, 0), "2024-03-01", "2024-03-04");
  expect(3, "U3", "userId", counts(1, 1, 0, 0, 0), "2024-03-04", "2024-03-04");
  expect(4, "U4", "userId", counts(1, 0, 0, 0, 0), "2024-03-05", "2024-03-05");
  expect(5, "P5.555", "pseudoId", counts(0, 0, 0, 0, 1), "2024-03-04", "2024-03-04");  // only Other: still a visitor
}

TEST_CASE("events: GA4 anonymous browsing is merged into the user who logged in, whenever the link appears") {
  // The pseudo id's anonymous rows come before and after its only row with a user id (the last
  // row), and a second browser of the same user is linked too.
  const std::string csv =
      "event_date,event_timestamp,event_name,user_pseudo_id,user_id\n"
      "20240310,1710028800000000,page_view,A.1,\n"        // 2024-03-10
      "20240311,1710115200000000,view_item,B.2,\n"        // 2024-03-11, second browser
      "20240311,1710115201000000,add_to_cart,B.2,m-7\n"   // links B.2 -> m-7
      "20240312,1710201600000000,view_item,A.1,\n"        // 2024-03-12
      "20240313,1710288000000000,purchase,A.1,m-7\n"      // links A.1 -> m-7 (the last row)
      "20240313,1710288000500000,page_view,C.3,\n";       // never logs in
  const EventIngestResult r = ingest(csv);
  const EventLog& log = *r.log;
  REQUIRE(log.size() == 2);
  const auto user = log.find(EventUserKind::UserId, "m-7");
  REQUIRE(user.has_value());
  CHECK(log.counts[*user] == EventCounts{1, 2, 1, 1, 0});
  CHECK(log.first_day[*user] == day(2024, 3, 10));
  CHECK(log.last_day[*user] == day(2024, 3, 13));
  CHECK_FALSE(log.find(EventUserKind::PseudoId, "A.1").has_value());
  CHECK_FALSE(log.find(EventUserKind::PseudoId, "B.2").has_value());
  const auto anonymous = log.find(EventUserKind::PseudoId, "C.3");
  REQUIRE(anonymous.has_value());
  CHECK(log.total_events(*anonymous) == 1);
  CHECK_FALSE(log.find(EventUserKind::UserId, "C.3").has_value());  // kinds are separate keys
  CHECK(r.diagnostics.visitors_merged == 2);
  CHECK(r.diagnostics.merged_by_kind[static_cast<std::size_t>(EventUserKind::PseudoId)] == 2);
  CHECK(r.diagnostics.total_events() == 6);

  // Unmapping user_id keeps every browser apart.
  const EventIngestResult apart = ingest(csv, R"({"mapping": {"user": null}})");
  CHECK(apart.log->size() == 3);
  CHECK(apart.diagnostics.visitors_merged == 0);
}

// tests/fixtures/events/generic-korean.csv: a title row (line 1), the header on line 2
// (회원아이디, 이메일, 이벤트, 일시, 상품코드), then:
//   3-5   kim01: 페이지뷰, 상품조회 (03-01), 장바구니 with Kim@Example.com (03-02): the email is
//         kim01's, and kim@example.com -> kim01;
//   6     kim@example.com alone: 구매 at epoch seconds 1709510400 (03-04), merged into kim01;
//   7-9   lee02: 방문 (오후 3:00:00, 03-03), PAGE_VIEW at epoch ms (03-05), " Purchase " (03/06/2024);
//   10-11 park@example.com: 주문 (03-06), 좋아요 (Other, 03-07);
//   12    choi03: 로그인 (Other) only;
//   13-16 skipped: no user (13, column 1), empty time (14, column 4), 2024-13-45 (15, column 4),
//         masked user *** without email (16, column 1);
//   17    jung04: 장바구니 (03-08) with "bad-email": unusable_user warning (column 2).
// Visitors: kim01 {1, 1, 1, 1, 0} 03-01..03-04 email kim@example.com, lee02 {2, 0, 0, 1, 0}
// 03-03..03-06, park@example.com {0, 0, 0, 1, 1} 03-06..03-07, choi03 {0, 0, 0, 0, 1} 03-07,
// jung04 {0, 0, 1, 0, 0} 03-08.
TEST_CASE("events: generic Korean fixture (UTF-8 and CP949), counts worked out by hand") {
  for (const char* name : {"generic-korean.csv", "generic-korean-cp949.csv"}) {
    CAPTURE(name);
    const bool cp949 = std::string_view(name).find("cp949") != std::string_view::npos;
    const json out = run_events(fixture(name), json{{"fileName", name}}.dump());
    REQUIRE_MESSAGE(!out.contains("error"), out.dump(1));
    check_subset(json::parse(R"j({
      "header": {"line": 2, "rowsAbove": 1, "columns": ["회원아이디", "이메일", "이벤트", "일시", "상품코드"]},
      "layout": {"key": "generic"},
      "mapping": {"user": ["회원아이디"], "email": ["이메일"], "event": ["이벤트"], "time": ["일시"], "item": ["상품코드"]},
      "dates": {"dayMonthOrder": "month_first"},
      "lines": 17,
      "rows": {"read": 15, "used": 11, "skipped": 4, "repeatedEventRows": 0},
      "skipped": [
        {"reason": "missing_user", "count": 2, "examples": [
          {"line": 13, "column": 1, "columnName": "회원아이디", "value": ""},
          {"line": 16, "column": 1, "columnName": "회원아이디", "value": "***",
           "detail": "the value is masked with * (cannot tell customers apart)"}]},
        {"reason": "missing_time", "count": 1, "examples": [{"line": 14, "column": 4, "columnName": "일시"}]},
        {"reason": "bad_time", "count": 1, "examples": [
          {"line": 15, "column": 4, "columnName": "일시", "value": "2024-13-45", "detail": "not a calendar date (check day and month)"}]}
      ],
      "warnings": [
        {"reason": "unusable_user", "count": 1, "examples": [{"line": 17, "column": 2, "columnName": "이메일", "value": "bad-email"}]}
      ],
      "visitors": {"total": 5, "userId": 4, "pseudoId": 0, "email": 1},
      "events": {"total": 11, "pageView": 3, "productView": 1, "addToCart": 2, "purchase": 3, "other": 2},
      "merged": {"visitors": 1, "pseudoId": 0, "email": 1},
      "firstDate": "2024-03-01",
      "lastDate": "2024-03-08"
    })j"), out["diagnostics"]);
    CHECK(out["diagnostics"]["encoding"]["name"] == (cp949 ? "cp949" : "utf-8"));

    const json& v = out["visitors"];
    REQUIRE(v.size() == 5);
    check_subset({{"id", "kim01"}, {"idKind", "userId"}, {"email", "kim@example.com"}, {"events", counts(1, 1, 1, 1, 0)},
                  {"firstDate", "2024-03-01"}, {"lastDate", "2024-03-04"}}, v[0]);
    check_subset({{"id", "lee02"}, {"email", ""}, {"events", counts(2, 0, 0, 1, 0)},
                  {"firstDate", "2024-03-03"}, {"lastDate", "2024-03-06"}}, v[1]);
    check_subset({{"id", "park@example.com"}, {"idKind", "email"}, {"email", "park@example.com"},
                  {"events", counts(0, 0, 0, 1, 1)}, {"firstDate", "2024-03-06"}, {"lastDate", "2024-03-07"}}, v[2]);
    check_subset({{"id", "choi03"}, {"events", counts(0, 0, 0, 0, 1)}, {"firstDate", "2024-03-07"}}, v[3]);
    check_subset({{"id", "jung04"}, {"email", ""}, {"events", counts(0, 0, 1, 0, 0)}, {"lastDate", "2024-03-08"}}, v[4]);
  }
}

TEST_CASE("events: user keys are normalized like the customers of an order file") {
  const EventIngestResult r = ingest(
      "user_id,email,event,timestamp\n"
      "'00123 ,,page_view,2024-03-01\n"      // Excel text escape and padding: member id 00123
      "00123,,purchase,2024-03-02\n"
      ",  Lee@Example.COM ,page_view,2024-03-02\n"
      "0,guest@example.com,page_view,2024-03-03\n"  // WooCommerce's 0 = guest: the email is the visitor
      "n/a,,page_view,2024-03-03\n");               // a placeholder is no user
  const EventLog& log = *r.log;
  REQUIRE(log.size() == 3);
  const auto member = log.find(EventUserKind::UserId, "00123");
  REQUIRE(member.has_value());
  CHECK(log.total_events(*member) == 2);
  CHECK(log.find(EventUserKind::Email, "lee@example.com").has_value());
  CHECK(log.find(EventUserKind::Email, "guest@example.com").has_value());
  CHECK(r.diagnostics.skipped[static_cast<std::size_t>(EventSkipReason::MissingUser)].count == 1);
  CHECK(r.diagnostics.warnings[static_cast<std::size_t>(EventWarning::UnusableUser)].count == 0);
}

TEST_CASE("events: malformed rows are skipped with their line and column, leniencies warned") {
  const json out = run_events(
      "user,event,time\n"
      "a,page_view,2024-03-01,,\n"             // 2: extra empty fields: used, warned
      "b,page_view,2024-03-01,x\n"             // 3: too many fields (column 4)
      "c,\"page_view\"x,2024-03-01\n"          // 4: text after the quote: used as "page_viewx" (Other), warned
      "d,view_item,13/03/2024\n"               // 5: a day above 12 first: the file is day-first
      "e,page_view,\"2024-03-01\n",            // 6: a quote open at the end of the file
      R"({"fileName": "bad.csv"})");
  REQUIRE_MESSAGE(!out.contains("error"), out.dump(1));
  check_subset(json::parse(R"j({
    "dates": {"dayMonthOrder": "day_first", "reason": "a date on line 5 has a day above 12 first"},
    "rows": {"read": 5, "used": 3, "skipped": 2},
    "skipped": [
      {"reason": "too_many_fields", "count": 1, "examples": [{"line": 3, "column": 4, "value": "x"}]},
      {"reason": "unterminated_quote", "count": 1, "examples": [{"line": 6, "column": 3, "columnName": "time"}]}
    ],
    "warnings": [
      {"reason": "text_after_quote", "count": 1, "examples": [{"line": 4, "column": 2, "columnName": "event"}]},
      {"reason": "extra_empty_fields", "count": 1, "examples": [{"line": 2}]}
    ],
    "events": {"total": 3, "pageView": 1, "productView": 1, "other": 1}
  })j"), out["diagnostics"]);
}

TEST_CASE("events: explicit mapping and layout") {
  const std::string csv =
      "Kunde;Aktion;Zeitpunkt;Mail\n"
      "k1;view_item;2024-03-01 10:00;K1@example.com\n"
      "k1;purchase;2024-03-02 10:00;\n";
  const json unmapped = run_events(csv, R"({"fileName": "de.csv"})");
  REQUIRE(unmapped.contains("error"));
  CHECK(unmapped["error"]["code"] == "no_header");

  const json out = run_events(
      csv, R"({"fileName": "de.csv", "layout": "generic", "mapping": {"user": "kunde", "event": 2, "time": "Zeitpunkt", "email": "Mail"}})");
  REQUIRE_MESSAGE(!out.contains("error"), out.dump(1));
  check_subset(json::parse(R"j({"delimiter": {"char": ";"}, "layout": {"key": "generic", "detected": false},
                              "mapping": {"user": ["Kunde"], "email": ["Mail"], "event": ["Aktion"], "time": ["Zeitpunkt"]},
                              "events": {"total": 2, "productView": 1, "purchase": 1}})j"),
               out["diagnostics"]);
  check_subset(json::parse(R"j([{"id": "k1", "email": "k1@example.com"}])j"), out["visitors"]);

  // A mapped column that is not in the header is named in the error.
  const json missing = run_events(csv, R"({"fileName": "de.csv", "mapping": {"user": "Kunde", "event": "Aktion", "time": "Wann"}})");
  REQUIRE(missing.contains("error"));
  CHECK(missing["error"]["message"].get<std::string>().find("column \"Wann\" for time") != std::string::npos);

  // The GA4 layout named on a file without its columns.
  const json not_ga4 = run_events(fixture("generic-korean.csv"), R"({"fileName": "k.csv", "layout": "ga4"})");
  REQUIRE(not_ga4.contains("error"));
  CHECK(not_ga4["error"]["code"] == "no_header");
}

TEST_CASE("events: chunk boundaries anywhere give identical results") {
  // A generated GA4 file over 64 KB (the delimiter sample) and 1000 rows (the profile), with
  // multi-byte text and CRLF line ends, besides the fixtures.
  std::string big = "event_date,event_timestamp,event_name,user_pseudo_id,user_id,items.item_id\r\n";
  const char* names[] = {"page_view", "view_item", "add_to_cart", "purchase", "scroll", "장바구니"};
  for (int i = 0; i < 3000; ++i) {
    const long long ts = 1709251200000000LL + static_cast<long long>(i) * 37'000'000LL;
    big += "20240301," + std::to_string(ts) + "," + names[i % 6] + ",P" + std::to_string(i % 40) + "," +
           (i % 7 == 0 ? "U" + std::to_string(i % 5) : std::string()) + ",\"상품 " + std::to_string(i % 9) + "\"\r\n";
  }
  REQUIRE(big.size() > 64 * 1024);
  const std::pair<std::string, std::string> files[] = {
      {"ga4-flattened.csv", fixture("ga4-flattened.csv")},
      {"generic-korean.csv", fixture("generic-korean.csv")},
      {"generic-korean-cp949.csv", fixture("generic-korean-cp949.csv")},
      {"generated.csv", big},
  };
  for (const auto& file : files) {
    const auto& name = file.first;
    const auto& bytes = file.second;
    CAPTURE(name);
    const std::string whole = run_events(bytes, "").dump();
    REQUIRE(whole.find("\"error\"") == std::string::npos);
    for (std::size_t chunk : {1, 7, 4096}) {
      CAPTURE(chunk);
      CHECK(run_events(bytes, "", chunk).dump() == whole);
    }
  }
  const json generated = run_events(big, "");
  CHECK(generated["diagnostics"]["rows"]["read"] == 3000);
  CHECK(generated["diagnostics"]["rows"]["used"] == 3000);
  CHECK(generated["diagnostics"]["events"]["total"] == 3000);
  // 40 browsers, each seen with a user id on some row: every one is merged into a user.
  CHECK(generated["diagnostics"]["visitors"]["pseudoId"] == 0);
  CHECK(generated["diagnostics"]["visitors"]["userId"] == 5);
}

TEST_CASE("events: memory follows visitors, not rows") {
  std::string csv = "user,event,time\n";
  for (int i = 0; i < 20000; ++i) csv += "u" + std::to_string(i % 3) + ",page_view," + std::to_string(1709251200 + i) + "\n";
  EventIngestor ingestor(parse_event_ingest_options(""));
  ingestor.push(csv);
  CHECK(ingestor.rows_read() == 20000);
  const EventIngestResult r = ingestor.finish();
  CHECK(r.log->size() == 3);
  CHECK(r.log->user_keys.size() == 4);  // kNone and the three keys
  CHECK(r.diagnostics.events[index_of(EventKind::PageView)] == 20000);
}

TEST_CASE("events: fatal errors name the file") {
  auto error_of = [](const std::string& bytes, const char* options) {
    const json out = run_events(bytes, options);
    REQUIRE_MESSAGE(out.contains("error"), out.dump(1));
    return out["error"];
  };
  const json no_header = error_of("name,when,what\nkim,2024-03-01,click\n", R"({"fileName": "shop-events.csv"})");
  CHECK(no_header["code"] == "no_header");
  const std::string message = no_header["message"];
  CHECK(message.rfind("shop-events.csv: ", 0) == 0);
  for (const char* expected : {"Columns on line 1: name, when, what", "event_name", "user_pseudo_id", "event_timestamp",
                               "user_id", "회원아이디", "a time column"})
    CHECK_MESSAGE(message.find(expected) != std::string::npos, expected);

  const json closest = error_of("user_id,action,amount\nkim,click,3\n", R"({"fileName": "e.csv"})");
  CHECK(closest["message"].get<std::string>().find("Closest layout: Generic events table, which lacks a time column") !=
        std::string::npos);

  const json xlsx = error_of(std::string("PK\x03\x04\x14\x00\x06\x00", 8) + std::string(100, '\0'), R"({"fileName": "events.xlsx"})");
  CHECK(xlsx["code"] == "not_text");
  CHECK(xlsx["message"].get<std::string>().rfind("events.xlsx: ", 0) == 0);

  CHECK(error_of("", R"({"fileName": "empty.csv"})")["message"] == "empty.csv: the file is empty (0 bytes).");
  CHECK(error_of("\n\n", R"({"fileName": "blank.csv"})")["code"] == "empty_file");
  const json header_only = error_of("user,event,time\n", R"({"fileName": "h.csv"})");
  CHECK(header_only["code"] == "no_data_rows");
  CHECK(header_only["message"].get<std::string>().rfind("h.csv: ", 0) == 0);

  EventIngestor twice(parse_event_ingest_options(R"({"fileName": "t.csv"})"));
  twice.push("user,event,time\na,view,2024-03-01\n");
  twice.finish();
  CHECK_THROWS_WITH_AS(twice.push("x"), "t.csv: push() after finish()", IngestError);
}
