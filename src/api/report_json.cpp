#include "api/report_json.hpp"

#include "ingest/delimiter_sniffer.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

namespace {

using json = nlohmann::ordered_json;

std::string optional_date(bool present, std::int32_t day) { return present ? format_iso_date(day) : std::string(); }

}  // namespace

json issue_tally_json(std::string_view key, std::string_view message, const IssueTally& t) {
  json examples = json::array();
  for (const IssueExample& e : t.examples) {
    json x = {{"line", e.line}, {"value", e.value}, {"detail", e.detail}};
    if (e.column) {
      x["column"] = e.column;
      x["columnName"] = e.column_name;
    }
    examples.push_back(std::move(x));
  }
  return {{"reason", key}, {"message", message}, {"count", t.count}, {"examples", std::move(examples)}};
}

std::string_view time_unit_name(TimeUnit unit) { return unit == TimeUnit::Weeks ? "weeks" : "days"; }

json diagnostics_json(const Diagnostics& d) {
  json mapping = json::object();
  for (std::size_t r = 0; r < kColumnRoleCount; ++r) {
    if (d.mapping[r].empty()) continue;
    json names = json::array();
    for (std::uint32_t c : d.mapping[r]) names.push_back(c < d.columns.size() ? d.columns[c] : std::to_string(c + 1));
    mapping[std::string(column_role_key(static_cast<ColumnRole>(r)))] = std::move(names);
  }
  json skipped = json::array();
  for (std::size_t i = 0; i < kSkipReasonCount; ++i) {
    if (!d.skipped[i].count) continue;
    const auto r = static_cast<SkipReason>(i);
    skipped.push_back(issue_tally_json(skip_reason_key(r), skip_reason_text(r), d.skipped[i]));
  }
  json warnings = json::array();
  for (std::size_t i = 0; i < kWarningKindCount; ++i) {
    if (!d.warnings[i].count) continue;
    const auto w = static_cast<WarningKind>(i);
    warnings.push_back(issue_tally_json(warning_key(w), warning_text(w), d.warnings[i]));
  }
  const auto& s = d.orders_by_status;
  auto st = [&](OrderStatus x) { return s[static_cast<std::size_t>(x)]; };
  const bool any_purchase = d.customers > d.customers_without_purchase;
  return {
      {"file", d.file_name},
      {"bytes", d.bytes},
      {"encoding", {{"name", d.encoding}, {"reason", d.encoding_reason}, {"byteOrderMark", d.byte_order_mark}}},
      {"delimiter", {{"char", std::string(1, d.delimiter)}, {"name", delimiter_display(d.delimiter)}, {"reason", d.delimiter_reason}}},
      {"header", {{"line", d.header_line}, {"rowsAbove", d.rows_before_header}, {"columns", d.columns}}},
      {"preset", {{"key", d.preset}, {"name", d.preset_name}, {"detected", d.preset_detected}}},
      {"mapping", std::move(mapping)},
      {"dates", {{"dayMonthOrder", d.day_month_order}, {"reason", d.day_month_reason}}},
      {"amounts", {{"decimalSeparator", d.decimal_separator}, {"reason", d.decimal_reason}}},
      {"lines", d.lines},
      {"blankLines", d.blank_lines},
      {"rows", {{"read", d.rows_read}, {"used", d.rows_used}, {"skipped", d.rows_skipped()}, {"refundRows", d.refund_rows}}},
      {"skipped", std::move(skipped)},
      {"warnings", std::move(warnings)},
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
  };
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
