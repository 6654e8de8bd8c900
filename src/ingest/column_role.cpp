#include "ingest/column_role.hpp"

namespace orderlens {

namespace {
struct RoleText {
  std::string_view key;
  std::string_view words;
};
constexpr PerRole<RoleText> kRoleText = {{
    {"orderId", "order id"},
    {"customerId", "customer id"},
    {"email", "email"},
    {"phone", "phone"},
    {"customerName", "customer name"},
    {"orderDate", "order date"},
    {"paidDate", "payment date"},
    {"orderTotal", "order total"},
    {"refundedAmount", "refunded amount"},
    {"lineTotal", "line total"},
    {"unitPrice", "unit price"},
    {"quantity", "quantity"},
    {"productId", "product id / SKU"},
    {"productName", "product name"},
    {"vendor", "vendor"},
    {"category", "category"},
    {"status", "status"},
    {"cancelledAt", "cancellation date"},
    {"channel", "channel"},
    {"coupon", "coupon"},
    {"currency", "currency"},
    {"referrer", "referring site"},
    {"attribution", "attribution (utm) text"},
}};
}  // namespace

std::string_view column_role_key(ColumnRole role) { return kRoleText[index_of(role)].key; }
std::string_view column_role_words(ColumnRole role) { return kRoleText[index_of(role)].words; }

std::optional<ColumnRole> column_role_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kColumnRoleCount; ++i)
    if (kRoleText[i].key == key) return static_cast<ColumnRole>(i);
  return std::nullopt;
}

}  // namespace orderlens
