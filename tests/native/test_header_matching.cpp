// Unit tests for src/ingest/presets.hpp (header_key, the preset table) and
// src/ingest/column_mapping.hpp (match_header, choose_header), with header rows of real exports.
#include <doctest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "ingest/column_mapping.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/presets.hpp"

using namespace orderlens;
using R = ColumnRole;

namespace {

std::vector<std::string> split(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    out.emplace_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

const char* const kShopify =
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,"
    "Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem "
    "name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem "
    "taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing "
    "Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping "
    "Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping "
    "Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment "
    "Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk "
    "Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 "
    "Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping "
    "Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References";

const char* const kWooCommerce =
    "order_id,order_number,date,status,shipping_total,shipping_tax_total,fee_total,fee_tax_total,tax_total,"
    "discount_total,order_total,refunded_total,order_currency,payment_method,shipping_method,customer_id,"
    "billing_first_name,billing_last_name,billing_company,billing_email,billing_phone,billing_address_1,"
    "billing_address_2,billing_postcode,billing_city,billing_state,billing_country,shipping_first_name,"
    "shipping_last_name,shipping_address_1,shipping_address_2,shipping_postcode,shipping_city,shipping_state,"
    "shipping_country,shipping_company,customer_note,item_id,item_product_id,item_name,item_sku,item_price,"
    "item_quantity,item_subtotal,item_subtotal_tax,item_total,item_total_tax,item_refunded,item_refunded_qty,"
    "item_meta,shipping_items,fee_items,tax_items,coupon_items,order_notes,download_permissions_granted";

const char* const kWooAnalytics =
    "Date,Order #,Status,Customer,Customer type,Payment method,Product(s),Items sold,Coupon(s),Net sales,"
    "Attribution";

const char* const kCafe24Spaced =
    "주문번호,주문일시,결제일시(입금확인일),주문자명,주문자ID,주문자 휴대전화,상품명,상품옵션,수량,판매가,"
    "상품구매금액(KRW),총 결제금액(KRW),실제 환불금액,주문상태,매출경로";
const char* const kCafe24Compact =
    "주문번호,주문일시,결제일시(입금확인일),주문자명,주문자ID,주문자휴대전화,상품명,상품옵션,수량,판매가,"
    "상품구매금액(KRW),총결제금액(KRW),실제환불금액,주문상태,매출경로";

const char* const kSmartstore =
    "상품주문번호,주문번호,배송방법,택배사,송장번호,발송일,판매채널,구매자명,구매자ID,수취인명,주문상태,"
    "주문세부상태,결제일,상품번호,상품명,옵션정보,수량,옵션가격,상품가격,최종 상품별 총 주문금액,구매자연락처,"
    "주문일시";

const char* const kStripe =
    "id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Converted Amount,Converted Amount "
    "Refunded,Converted Currency,Decline Reason,Description,Fee,Refunded date (UTC),Statement "
    "Descriptor,Status,Seller Message,Taxes On Fee,Card ID,Customer ID,Customer Description,Customer "
    "Email,Invoice ID,Transfer";

const char* const kGeneric = "customer_id,date,amount";

// 0-based position of a column written exactly `name` in the header.
std::uint32_t col(const std::vector<std::string>& header, std::string_view name) {
  const auto it = std::find(header.begin(), header.end(), name);
  REQUIRE_MESSAGE(it != header.end(), "test header lacks " << name);
  return static_cast<std::uint32_t>(it - header.begin());
}

// The role is mapped to exactly these columns, in this priority order.
void expect_cols(const HeaderMatch& m, const std::vector<std::string>& header, ColumnRole role,
                 std::initializer_list<std::string_view> names) {
  std::vector<std::uint32_t> expected;
  for (auto n : names) expected.push_back(col(header, n));
  CAPTURE(column_role_key(role));
  CHECK(m.mapping.of(role) == expected);
  CHECK(m.mapping.has(role) == !expected.empty());
}

HeaderChoice choose(const std::vector<std::vector<std::string>>& rows, std::string_view preset = "auto",
                    const ExplicitMapping& mapping = {}) {
  std::vector<std::uint64_t> lines;
  for (std::size_t i = 0; i < rows.size(); ++i) lines.push_back(i + 1);
  return choose_header(rows, lines, preset, mapping);
}

// choose_header must throw; returns the error (code and message) for checks.
IngestError choose_error(const std::vector<std::vector<std::string>>& rows, std::string_view preset = "auto",
                         const ExplicitMapping& mapping = {}) {
  try {
    const HeaderChoice c = choose(rows, preset, mapping);
    FAIL("choose_header returned row " << c.row << " with preset " << (c.match.preset ? c.match.preset->key : "none"));
  } catch (const IngestError& e) {
    return e;
  }
  return IngestError(IngestErrorCode::InvalidState, "unreachable");
}

void set_mapping(ExplicitMapping& m, ColumnRole role, std::vector<ColumnRef> refs) {
  m.roles[index_of(role)] = std::move(refs);
}

ColumnRef by_name(std::string name) { return ColumnRef{std::move(name), 0}; }
ColumnRef by_number(std::uint32_t number) { return ColumnRef{"", number}; }

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

TEST_CASE("test_header_matching: header_key") {
  CHECK(header_key("총 결제금액(KRW)") == "총결제금액");
  CHECK(header_key("총결제금액(KRW)") == "총결제금액");
  CHECK(header_key("상품구매금액(KRW)") == "상품구매금액");
  CHECK(header_key(" 총 결제금액(KRW) ") == "총결제금액");
  CHECK(header_key("Created date (UTC)") == "createddate");
  CHECK(header_key("Refunded date (UTC)") == "refundeddate");
  CHECK(header_key("Amount (USD)") == "amount");
  // Not a 3-letter upper-case code: kept (then normalized).
  CHECK(header_key("Coupon(s)") == "coupons");
  CHECK(header_key("Product(s)") == "products");
  CHECK(header_key("결제일시(입금확인일)") == "결제일시입금확인일");
  // Only a code at the end is dropped.
  CHECK(header_key("Price (KRW) total") == "pricekrwtotal");
  // Plain normalization.
  CHECK(header_key("Lineitem quantity") == "lineitemquantity");
  CHECK(header_key("lineitem_quantity") == "lineitemquantity");
  CHECK(header_key("LINEITEM-QUANTITY") == "lineitemquantity");
  CHECK(header_key("Order #") == "order");
  CHECK(header_key("\xEF\xBB\xBFName") == "name");  // BOM on the first header cell
  CHECK(header_key("주문자 휴대전화") == header_key("주문자휴대전화"));
}

TEST_CASE("test_header_matching: preset table") {
  const auto& presets = all_presets();
  REQUIRE_FALSE(presets.empty());
  CHECK(presets.back().key == "generic");
  CHECK(presets.back().signature.empty());
  for (std::string_view key : {"shopify", "woocommerce", "woocommerce_analytics", "cafe24", "smartstore", "stripe",
                               "generic"}) {
    CAPTURE(key);
    const Preset* p = find_preset(key);
    REQUIRE(p != nullptr);
    CHECK(p->key == key);
  }
  CHECK(find_preset("magento") == nullptr);
  CHECK(find_preset("cafe24")->status_scope == StatusScope::Line);
  CHECK(find_preset("smartstore")->status_scope == StatusScope::Line);
  CHECK(find_preset("shopify")->status_scope == StatusScope::Order);
  CHECK(find_preset("woocommerce")->status_scope == StatusScope::Order);
  CHECK(find_preset("stripe")->status_scope == StatusScope::Order);
}

TEST_CASE("test_header_matching: Shopify orders export") {
  const auto h = split(kShopify);
  REQUIRE(h.size() == 79);
  const HeaderChoice c = choose({h});
  CHECK(c.row == 0);
  REQUIRE(c.match.preset != nullptr);
  CHECK(c.match.preset->key == "shopify");
  CHECK(c.match.eligible);
  CHECK(c.match.missing.empty());
  const HeaderMatch& m = c.match;
  expect_cols(m, h, R::OrderId, {"Name"});
  expect_cols(m, h, R::CustomerId, {});
  expect_cols(m, h, R::Email, {"Email"});
  expect_cols(m, h, R::Phone, {"Phone", "Billing Phone", "Shipping Phone"});
  expect_cols(m, h, R::CustomerName, {"Billing Name", "Shipping Name"});
  expect_cols(m, h, R::OrderDate, {"Created at"});
  expect_cols(m, h, R::PaidDate, {"Paid at"});
  expect_cols(m, h, R::OrderTotal, {"Total"});
  expect_cols(m, h, R::RefundedAmount, {"Refunded Amount"});
  expect_cols(m, h, R::LineTotal, {});
  expect_cols(m, h, R::UnitPrice, {"Lineitem price"});
  expect_cols(m, h, R::Quantity, {"Lineitem quantity"});
  expect_cols(m, h, R::ProductId, {"Lineitem sku"});
  expect_cols(m, h, R::ProductName, {"Lineitem name"});
  expect_cols(m, h, R::Vendor, {"Vendor"});
  expect_cols(m, h, R::Status, {"Financial Status"});
  expect_cols(m, h, R::CancelledAt, {"Cancelled at"});
  expect_cols(m, h, R::Channel, {"Source"});
  expect_cols(m, h, R::Coupon, {"Discount Code"});
  expect_cols(m, h, R::Currency, {"Currency"});
  CHECK(std::find(m.identity_roles.begin(), m.identity_roles.end(), R::Email) != m.identity_roles.end());
  // Position checks by hand for a few columns: "Created at" is the 16th name, "Total" the 12th.
  CHECK(m.mapping.of(R::OrderDate) == std::vector<std::uint32_t>{15});
  CHECK(m.mapping.of(R::OrderTotal) == std::vector<std::uint32_t>{11});
}

TEST_CASE("test_header_matching: WooCommerce export plugin, one row per item") {
  const auto h = split(kWooCommerce);
  REQUIRE(h.size() == 56);
  const HeaderChoice c = choose({h});
  REQUIRE(c.match.preset != nullptr);
  CHECK(c.match.preset->key == "woocommerce");
  CHECK(c.match.eligible);
  const HeaderMatch& m = c.match;
  expect_cols(m, h, R::OrderId, {"order_id", "order_number"});
  expect_cols(m, h, R::CustomerId, {"customer_id"});
  expect_cols(m, h, R::Email, {"billing_email"});
  expect_cols(m, h, R::Phone, {"billing_phone"});
  expect_cols(m, h, R::OrderDate, {"date"});
  expect_cols(m, h, R::OrderTotal, {"order_total"});
  expect_cols(m, h, R::RefundedAmount, {"refunded_total"});
  expect_cols(m, h, R::LineTotal, {"item_total"});
  expect_cols(m, h, R::UnitPrice, {"item_price"});
  expect_cols(m, h, R::Quantity, {"item_quantity"});
  expect_cols(m, h, R::ProductId, {"item_sku", "item_product_id"});
  expect_cols(m, h, R::ProductName, {"item_name"});
  expect_cols(m, h, R::Status, {"status"});
  expect_cols(m, h, R::Currency, {"order_currency"});
  CHECK(m.identity_roles.front() == R::CustomerId);
}

TEST_CASE("test_header_matching: WooCommerce Analytics download") {
  const auto h = split(kWooAnalytics);
  REQUIRE(h.size() == 11);
  const HeaderChoice c = choose({h});
  REQUIRE(c.match.preset != nullptr);
  CHECK(c.match.preset->key == "woocommerce_analytics");
  CHECK(c.match.eligible);
  const HeaderMatch& m = c.match;
  expect_cols(m, h, R::OrderId, {"Order #"});
  expect_cols(m, h, R::CustomerName, {"Customer"});
  expect_cols(m, h, R::OrderDate, {"Date"});
  expect_cols(m, h, R::OrderTotal, {"Net sales"});
  expect_cols(m, h, R::Quantity, {"Items sold"});
  expect_cols(m, h, R::Status, {"Status"});
  expect_cols(m, h, R::Coupon, {"Coupon(s)"});
  expect_cols(m, h, R::Channel, {"Attribution"});
  expect_cols(m, h, R::CustomerId, {});
  expect_cols(m, h, R::Email, {});
  // By hand: Date 0, Order # 1, Status 2, Customer 3, Net sales 9.
  CHECK(m.mapping.of(R::OrderId) == std::vector<std::uint32_t>{1});
  CHECK(m.mapping.of(R::OrderTotal) == std::vector<std::uint32_t>{9});
  CHECK(m.identity_roles == std::vector<ColumnRole>{R::CustomerName});
}

TEST_CASE("test_header_matching: Cafe24, with and without spaces in the names") {
  for (const char* line : {kCafe24Spaced, kCafe24Compact}) {
    const auto h = split(line);
    CAPTURE(line);
    REQUIRE(h.size() == 15);
    const HeaderChoice c = choose({h});
    REQUIRE(c.match.preset != nullptr);
    CHECK(c.match.preset->key == "cafe24");
    CHECK(c.match.eligible);
    CHECK(c.match.preset->status_scope == StatusScope::Line);
    const HeaderMatch& m = c.match;
    // By hand (same positions in both variants):
    // 0 주문번호, 1 주문일시, 2 결제일시(입금확인일), 3 주문자명, 4 주문자ID, 5 주문자 휴대전화, 6 상품명,
    // 7 상품옵션, 8 수량, 9 판매가, 10 상품구매금액(KRW), 11 총 결제금액(KRW), 12 실제 환불금액,
    // 13 주문상태, 14 매출경로.
    using V = std::vector<std::uint32_t>;
    CHECK(m.mapping.of(R::OrderId) == V{0});
    CHECK(m.mapping.of(R::OrderDate) == V{1});
    CHECK(m.mapping.of(R::PaidDate) == V{2});
    CHECK(m.mapping.of(R::CustomerName) == V{3});
    CHECK(m.mapping.of(R::CustomerId) == V{4});
    CHECK(m.mapping.of(R::Phone) == V{5});
    CHECK(m.mapping.of(R::ProductName) == V{6});
    CHECK(m.mapping.of(R::Quantity) == V{8});
    CHECK(m.mapping.of(R::UnitPrice) == V{9});
    CHECK(m.mapping.of(R::LineTotal) == V{10});
    CHECK(m.mapping.of(R::OrderTotal) == V{11});
    CHECK(m.mapping.of(R::RefundedAmount) == V{12});
    CHECK(m.mapping.of(R::Status) == V{13});
    CHECK(m.mapping.of(R::Channel) == V{14});
    CHECK_FALSE(m.mapping.has(R::Email));
  }
}

TEST_CASE("test_header_matching: Smartstore header below title and guidance rows") {
  const auto h = split(kSmartstore);
  REQUIRE(h.size() == 22);
  const std::vector<std::string> title = {"발주발송관리"};
  const std::vector<std::string> guidance = {"※ 다운로드한 엑셀 파일의 항목명은 수정하지 마세요.", "", ""};

  for (int titles = 0; titles <= 2; ++titles) {
    CAPTURE(titles);
    std::vector<std::vector<std::string>> rows;
    if (titles >= 1) rows.push_back(title);
    if (titles >= 2) rows.push_back(guidance);
    rows.push_back(h);
    rows.push_back(split("2025100212345601,2025100212345,택배,CJ대한통운,123456789012,2025.10.03,스마트스토어,"
                         "홍길동,hong****,홍길동,배송중,,2025.10.02 17:09:34,1234567890,티셔츠,사이즈: L,1,0,"
                         "19000,19000,010-****-5678,2025.10.02 17:09:30"));
    const HeaderChoice c = choose(rows);
    CHECK(c.row == static_cast<std::size_t>(titles));
    REQUIRE(c.match.preset != nullptr);
    CHECK(c.match.preset->key == "smartstore");
    CHECK(c.match.eligible);
    const HeaderMatch& m = c.match;
    expect_cols(m, h, R::OrderId, {"주문번호"});  // not 상품주문번호 (the line id)
    CHECK(m.mapping.of(R::OrderId) == std::vector<std::uint32_t>{1});
    expect_cols(m, h, R::CustomerId, {"구매자ID"});
    expect_cols(m, h, R::Phone, {"구매자연락처"});
    expect_cols(m, h, R::CustomerName, {"구매자명"});
    expect_cols(m, h, R::OrderDate, {"주문일시"});
    expect_cols(m, h, R::PaidDate, {"결제일"});
    expect_cols(m, h, R::LineTotal, {"최종 상품별 총 주문금액"});
    expect_cols(m, h, R::UnitPrice, {"상품가격"});
    expect_cols(m, h, R::Quantity, {"수량"});
    expect_cols(m, h, R::ProductId, {"상품번호"});
    expect_cols(m, h, R::ProductName, {"상품명"});
    expect_cols(m, h, R::Status, {"주문상태"});  // not 주문세부상태
    expect_cols(m, h, R::Channel, {"판매채널"});
    CHECK(m.preset->status_scope == StatusScope::Line);
  }
}

TEST_CASE("test_header_matching: Stripe payments export") {
  const auto h = split(kStripe);
  REQUIRE(h.size() == 23);
  const HeaderChoice c = choose({h});
  REQUIRE(c.match.preset != nullptr);
  CHECK(c.match.preset->key == "stripe");
  CHECK(c.match.eligible);
  const HeaderMatch& m = c.match;
  expect_cols(m, h, R::OrderId, {"id"});
  expect_cols(m, h, R::OrderDate, {"Created date (UTC)"});  // "(UTC)" dropped on both sides
  expect_cols(m, h, R::OrderTotal, {"Amount"});
  expect_cols(m, h, R::RefundedAmount, {"Amount Refunded"});
  expect_cols(m, h, R::Currency, {"Currency"});
  expect_cols(m, h, R::Status, {"Status"});
  expect_cols(m, h, R::CustomerId, {"Customer ID"});
  expect_cols(m, h, R::Email, {"Customer Email"});
  expect_cols(m, h, R::CustomerName, {"Customer Description"});
  expect_cols(m, h, R::ProductName, {"Description"});
  CHECK(m.mapping.of(R::OrderDate) == std::vector<std::uint32_t>{1});
  CHECK(m.mapping.of(R::Email) == std::vector<std::uint32_t>{20});
}

TEST_CASE("test_header_matching: generic table (CDNOW)") {
  const auto h = split(kGeneric);
  const HeaderChoice c = choose({h});
  REQUIRE(c.match.preset != nullptr);
  CHECK(c.match.preset->key == "generic");
  CHECK(c.match.eligible);
  using V = std::vector<std::uint32_t>;
  CHECK(c.match.mapping.of(R::CustomerId) == V{0});
  CHECK(c.match.mapping.of(R::OrderDate) == V{1});
  CHECK(c.match.mapping.of(R::LineTotal) == V{2});
  CHECK_FALSE(c.match.mapping.has(R::OrderTotal));
}

TEST_CASE("test_header_matching: match_header against a named preset") {
  const auto shopify = split(kShopify);
  const auto cafe24 = split(kCafe24Spaced);
  const HeaderMatch good = match_header(*find_preset("shopify"), shopify, {});
  CHECK(good.eligible);
  CHECK(good.missing.empty());
  CHECK(good.preset == find_preset("shopify"));
  const HeaderMatch wrong = match_header(*find_preset("shopify"), cafe24, {});
  CHECK_FALSE(wrong.eligible);
  CHECK_FALSE(wrong.missing.empty());
  // The right preset scores above a wrong one on the same header.
  CHECK(good.score > match_header(*find_preset("generic"), shopify, {}).score);
  CHECK(match_header(*find_preset("cafe24"), cafe24, {}).score > match_header(*find_preset("generic"), cafe24, {}).score);
}

TEST_CASE("test_header_matching: named preset") {
  const auto shopify = split(kShopify);
  CHECK(choose({shopify}, "shopify").match.preset->key == "shopify");
  CHECK(choose({shopify}, "").match.preset->key == "shopify");  // empty = auto
  // The generic layout can read a Shopify file (Email, Created at, Total) when asked to.
  const HeaderChoice g = choose({shopify}, "generic");
  CHECK(g.match.preset->key == "generic");
  CHECK(g.match.eligible);
  // A Cafe24 header is not a Shopify header.
  const IngestError e = choose_error({split(kCafe24Spaced)}, "shopify");
  CHECK(e.code() == IngestErrorCode::NoHeader);
}

TEST_CASE("test_header_matching: unknown preset name") {
  const IngestError e = choose_error({split(kShopify)}, "magento");
  CHECK(e.code() == IngestErrorCode::BadOption);
  CHECK(contains(e.what(), "magento"));
}

TEST_CASE("test_header_matching: explicit mapping by name overrides the preset") {
  const auto h = split(kShopify);
  ExplicitMapping mapping;
  set_mapping(mapping, R::OrderDate, {by_name("Paid at")});
  const HeaderChoice c = choose({h}, "auto", mapping);
  REQUIRE(c.match.preset != nullptr);
  CHECK(c.match.preset->key == "shopify");
  CHECK(c.match.eligible);
  expect_cols(c.match, h, R::OrderDate, {"Paid at"});       // "Created at" replaced
  expect_cols(c.match, h, R::PaidDate, {"Paid at"});        // other roles keep the preset
  expect_cols(c.match, h, R::OrderTotal, {"Total"});

  // Cafe24: the caller takes the unit price column as the order total.
  const auto cafe = split(kCafe24Compact);
  ExplicitMapping m2;
  set_mapping(m2, R::OrderTotal, {by_name("판매가")});
  const HeaderChoice c2 = choose({cafe}, "auto", m2);
  CHECK(c2.match.preset->key == "cafe24");
  CHECK(c2.match.mapping.of(R::OrderTotal) == std::vector<std::uint32_t>{9});
}

TEST_CASE("test_header_matching: explicit mapping by 1-based number, several columns, empty list") {
  const auto h = split(kShopify);
  ExplicitMapping mapping;
  set_mapping(mapping, R::Status, {by_number(5)});  // 5th column = "Fulfillment Status", index 4
  // "Billing Phone" is the 34th column (index 33); priority as given.
  set_mapping(mapping, R::Phone, {by_name("Shipping Phone"), by_number(34)});
  set_mapping(mapping, R::Coupon, {});               // unmapped on purpose
  set_mapping(mapping, R::Channel, {by_number(79)}); // last column: "Payment References"
  const HeaderMatch m = match_header(*find_preset("shopify"), h, mapping);
  CHECK(m.eligible);
  CHECK(m.mapping.of(R::Status) == std::vector<std::uint32_t>{4});
  expect_cols(m, h, R::Status, {"Fulfillment Status"});
  expect_cols(m, h, R::Phone, {"Shipping Phone", "Billing Phone"});
  expect_cols(m, h, R::Coupon, {});
  CHECK(m.mapping.of(R::Channel) == std::vector<std::uint32_t>{78});
  expect_cols(m, h, R::Email, {"Email"});
}

TEST_CASE("test_header_matching: explicit mapping makes an unknown layout readable") {
  const std::vector<std::string> h = {"Buyer", "When", "Paid", "Memo"};
  // Without a mapping, nothing qualifies.
  CHECK(choose_error({h}).code() == IngestErrorCode::NoHeader);
  ExplicitMapping mapping;
  set_mapping(mapping, R::CustomerId, {by_name("Buyer")});
  set_mapping(mapping, R::OrderDate, {by_name("When")});
  set_mapping(mapping, R::OrderTotal, {by_number(3)});
  const HeaderChoice c = choose({h}, "auto", mapping);
  CHECK(c.match.eligible);
  REQUIRE(c.match.preset != nullptr);
  CHECK(c.match.preset->key == "generic");
  using V = std::vector<std::uint32_t>;
  CHECK(c.match.mapping.of(R::CustomerId) == V{0});
  CHECK(c.match.mapping.of(R::OrderDate) == V{1});
  CHECK(c.match.mapping.of(R::OrderTotal) == V{2});
}

TEST_CASE("test_header_matching: an unknown mapped column makes the row ineligible") {
  const auto h = split(kShopify);
  {
    ExplicitMapping mapping;
    set_mapping(mapping, R::Email, {by_name("Customer E-mail address")});
    const HeaderMatch m = match_header(*find_preset("shopify"), h, mapping);
    CHECK_FALSE(m.eligible);
    REQUIRE_FALSE(m.missing.empty());
    CHECK(m.missing == std::vector<std::string>{"column \"Customer E-mail address\" for email"});
    CHECK(choose_error({h}, "auto", mapping).code() == IngestErrorCode::NoHeader);
  }
  {
    ExplicitMapping mapping;
    set_mapping(mapping, R::OrderTotal, {by_number(80)});  // the header has 79 columns
    const HeaderMatch m = match_header(*find_preset("shopify"), h, mapping);
    CHECK_FALSE(m.eligible);
    CHECK(m.missing == std::vector<std::string>{"column 80 for orderTotal"});  // once "column column 80"
    CHECK(choose_error({h}, "shopify", mapping).code() == IngestErrorCode::NoHeader);
  }
  {
    // One known and one unknown column for the same role: still ineligible.
    ExplicitMapping mapping;
    set_mapping(mapping, R::Phone, {by_name("Phone"), by_name("Mobile Phone")});
    CHECK_FALSE(match_header(*find_preset("shopify"), h, mapping).eligible);
  }
}

TEST_CASE("test_header_matching: NoHeader names the columns found and the closest layout") {
  {
    const IngestError e = choose_error({{"foo", "bar", "baz"}});
    CHECK(e.code() == IngestErrorCode::NoHeader);
    const std::string msg = e.what();
    CHECK(contains(msg, "foo"));
    CHECK(contains(msg, "bar"));
    CHECK(contains(msg, "baz"));
  }
  {
    // A Shopify header without its dates ("Created at", "Paid at"), below a title row.
    std::vector<std::string> h;
    for (const std::string& name : split(kShopify))
      if (name != "Created at" && name != "Paid at") h.push_back(name);
    REQUIRE(h.size() == 77);
    const IngestError e = choose_error({{"Orders report"}, h});
    CHECK(e.code() == IngestErrorCode::NoHeader);
    const std::string msg = e.what();
    CAPTURE(msg);
    CHECK(contains(msg, "Name"));
    CHECK(contains(msg, "Financial Status"));       // the columns of the near-header row
    CHECK(contains(msg, "Shopify orders export"));  // the closest layout
    CHECK(contains(msg, "Created at"));             // what it lacks
  }
  {
    const IngestError e = choose_error({});
    CHECK(e.code() == IngestErrorCode::NoHeader);
  }
}
