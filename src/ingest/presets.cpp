#include "ingest/presets.hpp"

#include "util/text.hpp"

namespace orderlens {

namespace {

using R = ColumnRole;

Preset shopify() {
  return {"shopify",
          "Shopify orders export",
          {
              {R::OrderId, {"Name"}},
              {R::Email, {"Email"}},
              {R::Phone, {"Phone", "Billing Phone", "Shipping Phone"}},
              {R::CustomerName, {"Billing Name", "Shipping Name"}},
              {R::OrderDate, {"Created at"}},
              {R::PaidDate, {"Paid at"}},
              {R::OrderTotal, {"Total"}},
              {R::RefundedAmount, {"Refunded Amount"}},
              {R::UnitPrice, {"Lineitem price"}},
              {R::Quantity, {"Lineitem quantity"}},
              {R::ProductId, {"Lineitem sku"}},
              {R::ProductName, {"Lineitem name"}},
              {R::Vendor, {"Vendor"}},
              {R::Status, {"Financial Status"}},
              {R::CancelledAt, {"Cancelled at"}},
              {R::Channel, {"Source"}},
              {R::Referrer, {"Referring Site", "Landing Site"}},
              {R::Attribution, {"Note Attributes"}},
              {R::Coupon, {"Discount Code"}},
              {R::Currency, {"Currency"}},
          },
          {{"Financial Status"}, {"Lineitem name", "Lineitem quantity"}},
          {R::Email, R::Phone},
          StatusScope::Order,
          DayMonthOrder::MonthFirst};
}

// Customer/Order/Coupon Export plugin: "Default - One Row per Item" (and the same order columns
// of the "Default" layout).
Preset woocommerce() {
  return {"woocommerce",
          "WooCommerce order export (Customer/Order/Coupon Export)",
          {
              {R::OrderId, {"order_id", "order_number"}},
              {R::CustomerId, {"customer_id"}},
              {R::Email, {"billing_email"}},
              {R::Phone, {"billing_phone"}},
              {R::CustomerName, {"billing_company"}},
              {R::OrderDate, {"date", "order_date"}},
              {R::OrderTotal, {"order_total"}},
              {R::RefundedAmount, {"refunded_total"}},
              {R::LineTotal, {"item_total"}},
              {R::UnitPrice, {"item_price"}},
              {R::Quantity, {"item_quantity"}},
              {R::ProductId, {"item_sku", "item_product_id"}},
              {R::ProductName, {"item_name"}},
              {R::Status, {"status"}},
              {R::Currency, {"order_currency"}},
          },
          {{"order_total"}, {"billing_email", "billing_first_name"}, {"refunded_total", "shipping_total"}},
          {R::CustomerId, R::Email, R::Phone},
          StatusScope::Order,
          DayMonthOrder::MonthFirst};
}

// WooCommerce Analytics > Orders > Download (browser file and the emailed export).
Preset woocommerce_analytics() {
  return {"woocommerce_analytics",
          "WooCommerce Analytics orders report",
          {
              {R::OrderId, {"Order #"}},
              {R::CustomerName, {"Customer"}},
              {R::OrderDate, {"Date"}},
              {R::OrderTotal, {"Net sales", "N. Revenue (formatted)"}},
              {R::Quantity, {"Items sold"}},
              {R::Status, {"Status"}},
              {R::Coupon, {"Coupon(s)"}},
              {R::Channel, {"Attribution"}},
          },
          {{"Order #"}, {"Customer type"}, {"Net sales", "Items sold"}},
          {R::CustomerName},  // the report has no email or id: customers are told apart by name
          StatusScope::Order,
          DayMonthOrder::MonthFirst};
}

// Cafe24 주문 엑셀 (order list download); the columns come from a merchant-chosen template and
// appear with and without spaces and "(KRW)" suffixes.
Preset cafe24() {
  return {"cafe24",
          "Cafe24 주문 엑셀",
          {
              {R::OrderId, {"주문번호"}},
              {R::CustomerId, {"주문자ID", "주문자 아이디", "회원ID", "회원아이디"}},
              {R::Email, {"주문자 이메일", "주문자 E-mail", "이메일"}},
              {R::Phone, {"주문자 휴대전화", "주문자 휴대폰", "주문자 연락처", "주문자 전화번호"}},
              {R::CustomerName, {"주문자명", "주문자 이름"}},
              {R::OrderDate, {"주문일시", "주문일"}},
              {R::PaidDate, {"결제일시(입금확인일)", "결제일시"}},
              {R::OrderTotal, {"총 결제금액", "총 실결제금액(최초정보)", "총 실결제금액", "결제금액"}},
              {R::RefundedAmount, {"총 실제 환불금액", "실제 환불금액", "환불금액"}},
              {R::LineTotal, {"품목별 결제금액", "상품구매금액"}},
              {R::UnitPrice, {"판매가"}},
              {R::Quantity, {"수량"}},
              {R::ProductId, {"상품코드", "상품품목코드", "자체품목코드"}},
              {R::ProductName, {"주문상품명", "상품명", "상품명(한국어 쇼핑몰)", "상품명(DOMESTIC)"}},
              {R::Status, {"주문상태", "주문 상태"}},
              {R::Channel, {"매출경로", "주문경로"}},
              {R::Coupon, {"사용한 쿠폰명"}},
          },
          {{"주문번호"}, {"주문자명", "주문자ID", "주문자 휴대전화", "주문자 이메일"}},
          {R::CustomerId, R::Email, R::Phone},
          StatusScope::Line,
          DayMonthOrder::MonthFirst};
}

// Naver Smartstore 주문 (발주발송관리 / 주문조회 download, saved as CSV).
Preset smartstore() {
  return {"smartstore",
          "Naver Smartstore 주문",
          {
              {R::OrderId, {"주문번호"}},
              {R::CustomerId, {"구매자ID"}},
              {R::Phone, {"구매자연락처"}},
              {R::CustomerName, {"구매자명"}},
              {R::OrderDate, {"주문일시"}},
              {R::PaidDate, {"결제일"}},
              {R::LineTotal, {"최종 상품별 총 주문금액", "상품별 총 주문금액"}},
              {R::UnitPrice, {"상품가격"}},
              {R::Quantity, {"수량"}},
              {R::ProductId, {"상품번호", "판매자 상품코드"}},
              {R::ProductName, {"상품명"}},
              {R::Status, {"주문상태"}},
              {R::Channel, {"유입경로", "주문 유입경로", "판매채널"}},
          },
          {{"상품주문번호"}, {"구매자명", "구매자ID"}},
          {R::CustomerId, R::Phone},
          StatusScope::Line,
          DayMonthOrder::MonthFirst};
}

// Stripe Dashboard > Payments > Export (unified_payments.csv).
Preset stripe() {
  return {"stripe",
          "Stripe payments export",
          {
              {R::OrderId, {"id", "PaymentIntent ID"}},
              {R::CustomerId, {"Customer ID"}},
              {R::Email, {"Customer Email"}},
              {R::Phone, {"Customer Phone"}},
              {R::CustomerName, {"Customer Description", "Card Name"}},
              {R::OrderDate, {"Created date (UTC)", "Created (UTC)"}},
              {R::OrderTotal, {"Amount"}},
              {R::RefundedAmount, {"Amount Refunded"}},
              {R::ProductName, {"Checkout Line Item Summary", "Description"}},
              {R::Status, {"Status"}},
              {R::Channel, {"UTM Source"}},
              {R::Currency, {"Currency"}},
          },
          {{"Amount Refunded"}, {"Seller Message", "Captured", "Statement Descriptor"}},
          {R::CustomerId, R::Email, R::Phone},
          StatusScope::Order,
          DayMonthOrder::MonthFirst};
}

// Any table with a customer, a date and an amount (e.g. the CDNOW transaction files).
Preset generic() {
  return {"generic",
          "Generic orders table",
          {
              {R::OrderId, {"order_id", "order", "order_no", "order number", "order #", "invoice",
                            "invoice_id", "invoice no", "transaction_id", "transaction", "주문번호"}},
              {R::CustomerId, {"customer_id", "customer", "client_id", "client", "user_id", "user",
                               "member_id", "member", "buyer_id", "account_id", "고객id", "고객번호",
                               "회원id", "회원번호", "회원아이디"}},
              {R::Email, {"email", "e-mail", "email address", "customer_email", "buyer_email", "이메일"}},
              {R::Phone, {"phone", "phone number", "mobile", "telephone", "tel", "customer_phone", "전화번호",
                          "휴대폰", "휴대전화", "연락처"}},
              {R::CustomerName, {"customer_name", "name", "full name", "buyer_name", "고객명", "이름"}},
              {R::OrderDate, {"date", "order_date", "created_at", "created", "purchase_date",
                              "transaction_date", "timestamp", "datetime", "time", "주문일", "주문일시",
                              "주문일자", "날짜", "구매일", "구매일시", "일자"}},
              {R::PaidDate, {"paid_at", "payment_date", "결제일", "결제일시"}},
              {R::OrderTotal, {"order_total", "total", "order_amount", "grand_total", "total_amount",
                               "주문금액", "결제금액", "총결제금액"}},
              {R::RefundedAmount, {"refunded", "refund", "refund_amount", "refunded_amount", "환불금액"}},
              {R::LineTotal, {"amount", "revenue", "sales", "value", "line_total", "line_amount",
                              "item_total", "net_sales", "금액", "매출", "매출액", "판매금액"}},
              {R::UnitPrice, {"price", "unit_price", "item_price", "단가", "판매가", "가격"}},
              {R::Quantity, {"quantity", "qty", "units", "number_of_items", "수량"}},
              {R::ProductId, {"sku", "product_id", "item_id", "item_code", "product_code", "상품코드", "상품번호"}},
              {R::ProductName, {"product", "product_name", "item", "item_name", "title", "상품명", "제품명", "품목"}},
              {R::Vendor, {"vendor", "brand", "브랜드"}},
              {R::Category, {"category", "product_category", "product_type", "카테고리", "분류"}},
              {R::Status, {"status", "order_status", "state", "주문상태"}},
              {R::CancelledAt, {"cancelled_at", "canceled_at", "취소일"}},
              {R::Referrer, {"referrer", "referer", "referring_site", "landing_site"}},
              {R::Attribution, {"note_attributes", "attribution"}},
              {R::Channel, {"channel", "source", "utm_source", "sales_channel", "채널", "유입경로",
                            "매출경로", "판매채널"}},
              {R::Coupon, {"coupon", "coupon_code", "discount_code", "promo_code", "쿠폰"}},
              {R::Currency, {"currency", "통화"}},
          },
          {},
          {R::CustomerId, R::Email, R::Phone},
          StatusScope::Order,
          DayMonthOrder::MonthFirst};
}

}  // namespace

const std::vector<Preset>& all_presets() {
  static const std::vector<Preset> presets = {shopify(), woocommerce(), woocommerce_analytics(), cafe24(),
                                              smartstore(), stripe(), generic()};
  return presets;
}

const Preset* find_preset(std::string_view key) {
  const std::string wanted = normalize_header_name(key);
  for (const Preset& p : all_presets())
    if (normalize_header_name(p.key) == wanted) return &p;
  return nullptr;
}

std::string header_key(std::string_view raw_name) {
  std::string_view s = trim(raw_name);
  // "(KRW)", "(UTC)": a parenthesized 3-letter upper-case code at the end.
  if (s.size() >= 5 && s.back() == ')' && s[s.size() - 5] == '(') {
    bool code = true;
    for (std::size_t k = s.size() - 4; k < s.size() - 1; ++k) code &= (s[k] >= 'A' && s[k] <= 'Z');
    if (code) s = s.substr(0, s.size() - 5);
  }
  return normalize_header_name(s);
}

}  // namespace orderlens
