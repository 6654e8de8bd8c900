#include "ingest/order_status.hpp"

#include <array>
#include <string>

#include "util/text.hpp"

namespace orderlens {

namespace {

struct StatusWord {
  std::string_view normalized;  // as normalize_header_name() gives it
  OrderStatus status;
};

using S = OrderStatus;
// Exact words. Shopify financial status, WooCommerce, Stripe, Cafe24, Naver Smartstore.
constexpr std::array<StatusWord, 43> kExact = {{
    {"paid", S::Paid}, {"partiallypaid", S::Paid}, {"partiallyrefunded", S::PartiallyRefunded},
    {"refunded", S::Refunded}, {"voided", S::Cancelled}, {"void", S::Cancelled},
    {"pending", S::Pending}, {"authorized", S::Pending}, {"expired", S::Cancelled},
    {"completed", S::Paid}, {"complete", S::Paid}, {"processing", S::Paid},
    {"wccompleted", S::Paid}, {"wcprocessing", S::Paid}, {"onhold", S::Pending},
    {"wconhold", S::Pending}, {"wcpending", S::Pending}, {"cancelled", S::Cancelled},
    {"canceled", S::Cancelled}, {"wccancelled", S::Cancelled}, {"wcrefunded", S::Refunded},
    {"failed", S::Cancelled}, {"wcfailed", S::Cancelled}, {"succeeded", S::Paid},
    {"requirespaymentmethod", S::Cancelled}, {"uncaptured", S::Pending},
    {"shipped", S::Paid}, {"delivered", S::Paid}, {"fulfilled", S::Paid},
    // Korean (spaces are removed by normalization: "배송 완료" == "배송완료").
    {"입금전", S::Pending}, {"입금대기", S::Pending}, {"결제대기", S::Pending},
    {"결제완료", S::Paid}, {"상품준비중", S::Paid}, {"배송준비중", S::Paid}, {"배송대기", S::Paid},
    {"배송보류", S::Paid}, {"배송중", S::Paid}, {"배송완료", S::Paid}, {"구매확정", S::Paid},
    {"발송대기", S::Paid}, {"신규주문", S::Paid}, {"발송처리완료", S::Paid},
}};

struct Keyword {
  std::string_view text;
  OrderStatus status;
};
// Keywords, tried in order on the normalized value when no exact word matched.
constexpr std::array<Keyword, 19> kKeywords = {{
    {"partiallyrefund", S::PartiallyRefunded}, {"부분환불", S::PartiallyRefunded},
    {"환불", S::Refunded}, {"반품", S::Refunded}, {"refund", S::Refunded}, {"return", S::Refunded},
    {"취소", S::Cancelled}, {"cancel", S::Cancelled}, {"void", S::Cancelled}, {"fail", S::Cancelled},
    {"교환", S::Paid}, {"배송", S::Paid}, {"발송", S::Paid}, {"구매확정", S::Paid},
    {"입금전", S::Pending}, {"대기", S::Pending}, {"pending", S::Pending}, {"hold", S::Pending},
    {"paid", S::Paid},
}};

}  // namespace

std::string_view order_status_name(OrderStatus s) {
  switch (s) {
    case S::Paid: return "paid";
    case S::PartiallyRefunded: return "partially_refunded";
    case S::Refunded: return "refunded";
    case S::Cancelled: return "cancelled";
    case S::Pending: return "pending";
  }
  return "paid";
}

std::optional<OrderStatus> order_status_from_name(std::string_view name) {
  const std::string key = normalize_header_name(name);
  for (int k = 0; k < kOrderStatusCount; ++k) {
    const auto s = static_cast<OrderStatus>(k);
    if (normalize_header_name(order_status_name(s)) == key) return s;
  }
  return std::nullopt;
}

std::optional<OrderStatus> classify_status(std::string_view value) {
  const std::string key = normalize_header_name(value);
  if (key.empty()) return std::nullopt;
  for (const StatusWord& w : kExact)
    if (w.normalized == key) return w.status;
  // A withdrawn cancellation / return ("취소철회", "반품철회") leaves the order as it was: paid.
  if (key.find("철회") != std::string::npos) return S::Paid;
  for (const Keyword& k : kKeywords)
    if (key.find(k.text) != std::string::npos) return k.status;
  return std::nullopt;
}

}  // namespace orderlens
