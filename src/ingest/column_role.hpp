// What a column means to orderlens. Presets and caller mappings assign header columns to roles.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace orderlens {

enum class ColumnRole : std::uint8_t {
  OrderId,         // groups rows into orders; without it every row is one order
  CustomerId,      // member / account id
  Email,
  Phone,
  CustomerName,    // display only (identity only where a layout has nothing better)
  OrderDate,       // order (creation) date-time
  PaidDate,        // used when the order date is empty
  OrderTotal,      // order-level amount, taken once per order
  RefundedAmount,  // order-level refunded amount
  LineTotal,       // line amount (price x quantity, after discounts)
  UnitPrice,       // line unit price (x quantity when no line total)
  Quantity,
  ProductId,       // SKU / product code: the product key when present
  ProductName,
  Vendor,
  Category,
  Status,          // order status (order-level or line-level, per preset)
  CancelledAt,     // non-empty means the order was cancelled
  Channel,         // source / sales channel of the order
  Coupon,
  Currency,
  // Where the order came from, more precisely than the channel column, for the acquisition
  // channel (kpis/channel_names.hpp): the first of a utm_source in the attribution text, the
  // referring site, the channel column is the order's channel.
  Referrer,        // referring / landing site URL
  Attribution,     // free text that may hold utm_source=... (Shopify "Note Attributes")
};
inline constexpr std::size_t kColumnRoleCount = 23;

// camelCase keys used by the JSON options and results: "orderId", "customerId", ...
std::string_view column_role_key(ColumnRole role);
std::optional<ColumnRole> column_role_from_key(std::string_view key);

// Words for messages: "order id", "customer id", ...
std::string_view column_role_words(ColumnRole role);

template <typename T>
using PerRole = std::array<T, kColumnRoleCount>;

inline std::size_t index_of(ColumnRole role) { return static_cast<std::size_t>(role); }

}  // namespace orderlens
