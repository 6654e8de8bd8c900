// Unit tests for src/ingest/order_status.hpp: classify_status, order_status_from_name,
// counts_as_purchase / counts_in_gross.
#include <doctest.h>

#include <optional>
#include <string>

#include "ingest/order_status.hpp"

using namespace orderlens;

namespace {

void check_status(std::string_view value, OrderStatus expected) {
  CAPTURE(value);
  const std::optional<OrderStatus> s = classify_status(value);
  REQUIRE(s.has_value());
  CHECK(order_status_name(*s) == order_status_name(expected));
}

}  // namespace

TEST_CASE("test_order_status: Shopify financial status") {
  check_status("paid", OrderStatus::Paid);
  check_status("partially_refunded", OrderStatus::PartiallyRefunded);
  check_status("refunded", OrderStatus::Refunded);
  check_status("voided", OrderStatus::Cancelled);
  check_status("expired", OrderStatus::Cancelled);
  check_status("pending", OrderStatus::Pending);
  check_status("authorized", OrderStatus::Pending);  // not captured yet
}

TEST_CASE("test_order_status: normalization drops case, spaces and punctuation") {
  check_status("Paid", OrderStatus::Paid);
  check_status("PAID", OrderStatus::Paid);
  check_status("  paid  ", OrderStatus::Paid);
  check_status("Partially Refunded", OrderStatus::PartiallyRefunded);
  check_status("PARTIALLY-REFUNDED", OrderStatus::PartiallyRefunded);
  check_status("partially refunded", OrderStatus::PartiallyRefunded);
  check_status("On Hold", OrderStatus::Pending);
  check_status("on_hold", OrderStatus::Pending);
}

TEST_CASE("test_order_status: WooCommerce") {
  check_status("completed", OrderStatus::Paid);
  check_status("Completed", OrderStatus::Paid);
  check_status("processing", OrderStatus::Paid);
  check_status("on-hold", OrderStatus::Pending);
  check_status("pending", OrderStatus::Pending);
  check_status("cancelled", OrderStatus::Cancelled);
  check_status("refunded", OrderStatus::Refunded);
  check_status("failed", OrderStatus::Cancelled);
}

TEST_CASE("test_order_status: Stripe") {
  check_status("Paid", OrderStatus::Paid);
  check_status("Refunded", OrderStatus::Refunded);
  check_status("Partially refunded", OrderStatus::PartiallyRefunded);
  check_status("Failed", OrderStatus::Cancelled);
  check_status("Canceled", OrderStatus::Cancelled);  // US spelling
  check_status("succeeded", OrderStatus::Paid);
}

TEST_CASE("test_order_status: Cafe24 and Smartstore") {
  check_status("입금전", OrderStatus::Pending);  // Cafe24: before deposit
  check_status("결제대기", OrderStatus::Pending);
  check_status("입금대기", OrderStatus::Pending);
  check_status("교환완료", OrderStatus::Paid);  // exchanged: still sold
  check_status("결제완료", OrderStatus::Paid);
  check_status("배송중", OrderStatus::Paid);
  check_status("배송완료", OrderStatus::Paid);
  check_status("구매확정", OrderStatus::Paid);
  check_status("취소", OrderStatus::Cancelled);
  check_status("취소완료", OrderStatus::Cancelled);
  check_status("미결제취소", OrderStatus::Cancelled);
  check_status("환불완료", OrderStatus::Refunded);
  check_status("반품완료", OrderStatus::Refunded);
  check_status("취소 완료", OrderStatus::Cancelled);
}

TEST_CASE("test_order_status: keywords and withdrawn requests") {
  // Not exact words, found by keyword: 환불/반품 -> refunded, 취소 -> cancelled.
  check_status("반품요청됨", OrderStatus::Refunded);
  check_status("고객환불처리", OrderStatus::Refunded);
  check_status("관리자취소처리", OrderStatus::Cancelled);
  check_status("취소요청", OrderStatus::Cancelled);
  check_status("교환요청", OrderStatus::Paid);  // 교환… is paid (docs/ingestion.md)
  // A withdrawn cancellation or return (철회) is paid (docs/ingestion.md).
  check_status("취소철회", OrderStatus::Paid);
  check_status("반품철회", OrderStatus::Paid);
  check_status("환불철회", OrderStatus::Paid);
  check_status("취소 철회", OrderStatus::Paid);
}

TEST_CASE("test_order_status: unknown words") {
  CHECK_FALSE(classify_status("").has_value());
  CHECK_FALSE(classify_status("   ").has_value());
  CHECK_FALSE(classify_status("banana").has_value());
  CHECK_FALSE(classify_status("사과").has_value());
}

TEST_CASE("test_order_status: names") {
  const OrderStatus all[] = {OrderStatus::Paid, OrderStatus::PartiallyRefunded, OrderStatus::Refunded,
                             OrderStatus::Cancelled, OrderStatus::Pending};
  static_assert(kOrderStatusCount == 5);
  CHECK(order_status_name(OrderStatus::Paid) == "paid");
  CHECK(order_status_name(OrderStatus::PartiallyRefunded) == "partially_refunded");
  CHECK(order_status_name(OrderStatus::Refunded) == "refunded");
  CHECK(order_status_name(OrderStatus::Cancelled) == "cancelled");
  CHECK(order_status_name(OrderStatus::Pending) == "pending");
  for (OrderStatus s : all) {
    CAPTURE(order_status_name(s));
    const auto back = order_status_from_name(order_status_name(s));
    REQUIRE(back.has_value());
    CHECK(*back == s);
  }
  CHECK(order_status_from_name("paid") == OrderStatus::Paid);
  CHECK(order_status_from_name("refunded") == OrderStatus::Refunded);
  CHECK_FALSE(order_status_from_name("bogus").has_value());
  CHECK_FALSE(order_status_from_name("").has_value());
}

TEST_CASE("test_order_status: purchase and gross revenue rules") {
  CHECK(counts_as_purchase(OrderStatus::Paid));
  CHECK(counts_as_purchase(OrderStatus::PartiallyRefunded));
  CHECK_FALSE(counts_as_purchase(OrderStatus::Refunded));
  CHECK_FALSE(counts_as_purchase(OrderStatus::Cancelled));
  CHECK_FALSE(counts_as_purchase(OrderStatus::Pending));

  CHECK(counts_in_gross(OrderStatus::Paid));
  CHECK(counts_in_gross(OrderStatus::PartiallyRefunded));
  CHECK(counts_in_gross(OrderStatus::Refunded));
  CHECK_FALSE(counts_in_gross(OrderStatus::Cancelled));
  CHECK_FALSE(counts_in_gross(OrderStatus::Pending));
}
