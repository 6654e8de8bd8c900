// Order / line status words of every supported platform, mapped to five outcomes.
//
// Rules (documented in README "Order status"):
//  paid               counts as a purchase; its amount is revenue
//  partially_refunded counts as a purchase; revenue is the amount minus the refunded part
//  refunded           not a purchase; gross revenue keeps it, net revenue does not
//  cancelled          not a purchase, not revenue (voided, failed, expired, 취소, 미결제취소 ...)
//  pending            not yet paid: not a purchase, not revenue (pending, on-hold, 입금전, 결제대기 ...)
// Exact words are looked up first (after normalization: case, spaces and punctuation dropped),
// then keywords (환불/반품 -> refunded, 취소 -> cancelled, unless withdrawn: 철회).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace orderlens {

enum class OrderStatus : std::uint8_t { Paid, PartiallyRefunded, Refunded, Cancelled, Pending };
inline constexpr int kOrderStatusCount = 5;

std::string_view order_status_name(OrderStatus s);
std::optional<OrderStatus> order_status_from_name(std::string_view name);  // "paid", "refunded", ...

// Classifies a status value; nullopt when the word is unknown.
std::optional<OrderStatus> classify_status(std::string_view value);

inline bool counts_as_purchase(OrderStatus s) {
  return s == OrderStatus::Paid || s == OrderStatus::PartiallyRefunded;
}
// Gross revenue keeps refunded orders (they were sold); cancelled and pending were never paid.
inline bool counts_in_gross(OrderStatus s) { return counts_as_purchase(s) || s == OrderStatus::Refunded; }

}  // namespace orderlens
