#include "api/report_json.hpp"

#include "api/diagnostics_json_parts.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

namespace {

using json = nlohmann::ordered_json;

std::string optional_date(bool present, std::int32_t day) { return present ? format_iso_date(day) : std::string(); }

}  // namespace

std::string_view time_unit_name(TimeUnit unit) { return unit == TimeUnit::Weeks ? "weeks" : "days"; }

json diagnostics_json(const Diagnostics& d) {
  const auto& s = d.orders_by_status;
  auto st = [&](OrderStatus x) { return s[static_cast<std::size_t>(x)]; };
  const bool any_purchase = d.customers > d.customers_without_purchase;
  json out = file_reading_json(d);
  out.update(json{
      {"preset", {{"key", d.preset}, {"name", d.preset_name}, {"detected", d.preset_detected}}},
      {"mapping", column_mapping_json<ColumnRole>(d.mapping, d.columns, column_role_key)},
      {"dates", {{"dayMonthOrder", d.day_month_order}, {"reason", d.day_month_reason}}},
      {"amounts", {{"decimalSeparator", d.decimal_separator}, {"reason", d.decimal_reason}}},
      {"lines", d.lines},
      {"blankLines", d.blank_lines},
      {"rows", {{"read", d.rows_read}, {"used", d.rows_used}, {"skipped", d.rows_skipped()}, {"refundRows", d.refund_rows}}},
      {"skipped", issue_tallies_json<SkipReason>(d.skipped, skip_reason_key, skip_reason_text)},
      {"warnings", issue_tallies_json<WarningKind>(d.warnings, warning_key, warning_text)},
      {"orders",
       {{"total", d.orders},
        {"paid", st(OrderStatus::Paid)},
        {"partiallyRefunded", st(OrderStatus::PartiallyRefunded)},
        {"refunded", st(OrderStatus::Refunded)},
        {"cancelled", st(OrderStatus::Cancelled)},
        {"pending", st(OrderStatus::Pending)}}},
      {"lineItems", d.line_items},
      {"customers", d.customers},
      {"customersWithoutPurchase", d.customers_without_purchase},
      {"products", d.products},
      {"firstOrderDate", optional_date(any_purchase, d.first_order_day)},
      {"lastOrderDate", optional_date(any_purchase, d.last_order_day)},
      {"notes", d.notes},
  });
  if (!d.sheet.empty()) out["workbook"] = {{"sheet", d.sheet}, {"sheets", d.sheets}};
  return out;
}

json customers_json(const Dataset& ds, const CustomerSummary& s) {
  json out = json::array();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::uint32_t c = s.customer[i];
    out.push_back({
        {"id", ds.customer_keys.view(ds.customers.key[c])},
        {"idKind", identity_kind_name(ds.customers.key_kind[c])},
        {"email", ds.email_of(c)},
        {"name", ds.name_of(c)},
        {"orders", s.orders[i]},
        {"repeatOrders", s.repeat_orders[i]},
        {"firstOrder", format_iso_date(s.first_day[i])},
        {"lastOrder", format_iso_date(s.last_day[i])},
        {"grossRevenue", s.gross_revenue[i]},
        {"netRevenue", s.net_revenue[i]},
        {"aov", s.aov[i]},
        {"items", s.items[i]},
        {"firstChannel", ds.text.view(s.first_channel[i])},
        {"products", s.products[i]},
        {"frequency", s.frequency[i]},
        {"recency", s.recency[i]},
        {"T", s.T[i]},
        {"monetary", s.monetary[i]},
    });
  }
  return out;
}

}  // namespace orderlens
