#include "ingest/order_assembler.hpp"

#include <cmath>
#include <limits>

#include "ingest/identity.hpp"
#include "ingest/record_shape.hpp"
#include "util/civil_date.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t kNoOrder = 0xFFFFFFFFu;
constexpr std::uint32_t kNoRow = 0xFFFFFFFFu;

std::uint32_t hash32(std::string_view s) { return static_cast<std::uint32_t>(hash64(s)); }

IdentityKind identity_kind_of(ColumnRole role) {
  switch (role) {
    case ColumnRole::Email: return IdentityKind::Email;
    case ColumnRole::Phone: return IdentityKind::Phone;
    case ColumnRole::CustomerName: return IdentityKind::Name;
    default: return IdentityKind::MemberId;
  }
}

LineKind line_kind_of(OrderStatus s) {
  switch (s) {
    case OrderStatus::Refunded: return LineKind::Refunded;
    case OrderStatus::Cancelled: return LineKind::Cancelled;
    case OrderStatus::Pending: return LineKind::Pending;
    default: return LineKind::Sale;
  }
}

// Refunds within a cent of the total refund the whole order.
bool covers(double refund, double total) { return refund >= total - 0.005; }

}  // namespace

OrderAssembler::OrderAssembler(AssemblerConfig config, Dataset& dataset, Diagnostics& diagnostics)
    : config_(std::move(config)), ds_(dataset), diag_(diagnostics) {
  const ColumnMapping& m = config_.mapping;
  has_order_id_ = m.has(ColumnRole::OrderId);
  has_line_roles_ = m.has(ColumnRole::LineTotal) || m.has(ColumnRole::UnitPrice) || m.has(ColumnRole::Quantity) ||
                    m.has(ColumnRole::ProductId) || m.has(ColumnRole::ProductName);
}

OrderAssembler::Value OrderAssembler::value_of(const CsvRecord& record, ColumnRole role) const {
  return value_in(config_.mapping, record, role);
}

OrderAssembler::Value OrderAssembler::value_in(const ColumnMapping& mapping, const CsvRecord& record, ColumnRole role) {
  return first_mapped_value(mapping.of(role), record);
}

std::optional<OrderStatus> OrderAssembler::status_of(std::string_view text) {
  // Exports use a handful of status words: remember the last few classifications.
  for (const CachedStatus& c : status_cache_)
    if (c.text == text) return c.status;
  const std::optional<OrderStatus> status = classify_status_word(text);
  status_cache_[status_cache_next_] = {std::string(text), status};
  status_cache_next_ = (status_cache_next_ + 1) % status_cache_.size();
  return status;
}

std::optional<OrderStatus> OrderAssembler::classify_status_word(std::string_view text) const {
  if (!config_.custom_statuses.empty()) {
    const std::string key = normalize_header_name(text);
    for (const auto& [word, status] : config_.custom_statuses)
      if (word == key) return status;
  }
  return classify_status(text);
}

bool OrderAssembler::check_shape(const CsvRecord& record) {
  return check_record_shape<SkipReason>(record, config_.header_fields, diag_);
}

OrderAssembler::Identity OrderAssembler::resolve_identity(const CsvRecord& record) const {
  Identity id;
  for (ColumnRole role : config_.identity_roles) {
    const Value v = value_of(record, role);
    if (v.text.empty()) continue;
    IdentityResult r = normalize_identity(identity_kind_of(role), v.text);
    if (!r.key.empty()) {
      id.key = std::move(r.key);
      id.kind = identity_kind_of(role);
      id.source = v;
      return id;
    }
    if (id.problem == IdentityProblem::None && r.problem != IdentityProblem::Empty) {  // "0" = guest: no problem
      id.problem = r.problem;
      id.first_unusable = v;
    }
  }
  return id;
}

bool OrderAssembler::parse_line(const CsvRecord& record, Line& line) {
  if (!has_line_roles_) return true;
  line.present = true;
  if (const Value q = value_of(record, ColumnRole::Quantity); !q.text.empty()) {
    const MoneyResult r = parse_money(q.text, config_.decimal);
    if (!r.ok()) {
      diag_.skip(SkipReason::BadQuantity, record.line, q.column, q.text, "expected a number of items such as 1 or 2");
      return false;
    }
    line.quantity = r.value;
  }
  if (const Value t = value_of(record, ColumnRole::LineTotal); !t.text.empty()) {
    const MoneyResult r = parse_money(t.text, config_.decimal);
    if (!r.ok()) {
      diag_.skip(SkipReason::BadAmount, record.line, t.column, t.text, money_error_text(r.error));
      return false;
    }
    line.amount = r.value;
  } else if (const Value p = value_of(record, ColumnRole::UnitPrice); !p.text.empty()) {
    const MoneyResult r = parse_money(p.text, config_.decimal);
    if (!r.ok()) {
      diag_.skip(SkipReason::BadAmount, record.line, p.column, p.text, money_error_text(r.error));
      return false;
    }
    line.amount = r.value * line.quantity;
  }
  if (line.amount < 0) {
    line.kind = LineKind::Refund;
    line.amount = -line.amount;
    line.quantity = std::fabs(line.quantity);
  } else if (config_.status_scope == StatusScope::Line) {
    if (const Value s = value_of(record, ColumnRole::Status); !s.text.empty()) {
      if (const auto st = status_of(s.text)) {
        line.kind = line_kind_of(*st);
      } else {
        pending_warnings_.push_back({WarningKind::UnknownStatus, s, "counted as paid"});
      }
    }
  }
  line.product_key = value_of(record, ColumnRole::ProductId).text;
  line.product_name = value_of(record, ColumnRole::ProductName).text;
  if (line.product_key.empty()) line.product_key = line.product_name;
  return true;
}

// With order ids, a row identical to an earlier row of the same order (its raw text, quotes and
// delimiters included, which does not depend on chunking) is a duplicate. Without order ids
// identical rows are separate orders (CDNOW has such same-day purchases).
bool OrderAssembler::is_duplicate(const CsvRecord& record, std::uint32_t order) {
  if (!has_order_id_) return false;
  pending_fingerprint_ = fingerprint64(record.raw());
  if (order == kNoOrder) return false;
  for (std::uint32_t r = order_last_row_[order]; r != kNoRow; r = row_previous_[r]) {
    if (row_fingerprint_[r] != pending_fingerprint_) continue;
    diag_.skip(SkipReason::DuplicateRow, record.line, Diagnostics::kWholeRow, value_of(record, ColumnRole::OrderId).text,
               "identical to an earlier row");
    return true;
  }
  return false;
}

void OrderAssembler::remember_row(std::uint64_t fingerprint, std::uint32_t order) {
  if (!has_order_id_) return;
  if (order >= order_last_row_.size()) order_last_row_.resize(order + 1, kNoRow);
  row_previous_.push_back(order_last_row_[order]);
  order_last_row_[order] = static_cast<std::uint32_t>(row_fingerprint_.size());
  row_fingerprint_.push_back(fingerprint);
}

void OrderAssembler::conflict(const Value& v, std::string_view kept) {
  pending_warnings_.push_back({WarningKind::ConflictingOrderValue, v, "kept the first value: " + std::string(kept)});
}

void OrderAssembler::flush_warnings(const CsvRecord& record) {
  for (const PendingWarning& w : pending_warnings_)
    diag_.warn(w.kind, record.line, w.value.column, w.value.text, w.detail);
  pending_warnings_.clear();
}

std::uint32_t OrderAssembler::customer_for(const Identity& id, const CsvRecord& record) {
  const auto [key, added] = ds_.customer_keys.insert(id.key);
  CustomersTable& c = ds_.customers;
  if (added) {
    c.key.push_back(key);
    c.key_kind.push_back(id.kind);
    c.email.push_back(StringPool::kNone);
    c.phone.push_back(StringPool::kNone);
    c.name.push_back(StringPool::kNone);
  }
  const std::uint32_t index = key - 1;
  // The first non-empty display values are kept (an email only when the key is not the email).
  if (c.email[index] == 0 && id.kind != IdentityKind::Email) {
    if (const Value e = value_of(record, ColumnRole::Email); !e.text.empty()) {
      const IdentityResult r = normalize_identity(IdentityKind::Email, e.text);
      if (!r.key.empty()) c.email[index] = ds_.customer_text.add(r.key);
    }
  }
  if (c.phone[index] == 0) c.phone[index] = ds_.customer_text.add(value_of(record, ColumnRole::Phone).text);
  if (c.name[index] == 0) c.name[index] = ds_.customer_text.add(value_of(record, ColumnRole::CustomerName).text);
  return index;
}

std::uint32_t OrderAssembler::create_order(const CsvRecord& record, std::string_view order_key) {
  const Identity id = resolve_identity(record);
  if (id.key.empty()) {
    std::uint32_t column = id.first_unusable.column;
    if (column == Diagnostics::kWholeRow) {
      for (ColumnRole r : config_.identity_roles)
        if (config_.mapping.has(r)) {
          column = config_.mapping.of(r).front();
          break;
        }
    }
    diag_.skip(SkipReason::MissingCustomer, record.line, column, id.first_unusable.text,
               id.problem == IdentityProblem::None ? "every customer column is empty"
                                                   : "the value is " + std::string(identity_problem_text(id.problem)));
    return kNoOrder;
  }
  if (id.problem != IdentityProblem::None)
    pending_warnings_.push_back({WarningKind::UnusableIdentity, id.first_unusable,
                                 "the value is " + std::string(identity_problem_text(id.problem))});

  Value date = value_of(record, ColumnRole::OrderDate);
  const bool from_order_date = !date.text.empty();
  if (!from_order_date) date = value_of(record, ColumnRole::PaidDate);
  if (date.text.empty()) {
    const ColumnRole r = config_.mapping.has(ColumnRole::OrderDate) ? ColumnRole::OrderDate : ColumnRole::PaidDate;
    diag_.skip(SkipReason::MissingDate, record.line, config_.mapping.of(r).front(), {}, "");
    return kNoOrder;
  }
  const DateResult when = parse_date_time(date.text, config_.date_options);
  if (!when.ok()) {
    diag_.skip(SkipReason::BadDate, record.line, date.column, date.text, date_error_text(when.error));
    return kNoOrder;
  }
  if (config_.today_day && when.value.days > *config_.today_day) {
    pending_warnings_.push_back({WarningKind::FutureDate, date, "after today, " + format_iso_date(*config_.today_day)});
  }

  double total = kNaN;
  const Value total_text = value_of(record, ColumnRole::OrderTotal);
  if (!total_text.text.empty()) {
    const MoneyResult r = parse_money(total_text.text, config_.decimal);
    if (!r.ok()) {
      diag_.skip(SkipReason::BadAmount, record.line, total_text.column, total_text.text, money_error_text(r.error));
      return kNoOrder;
    }
    total = r.value;
  }
  double refund = kNaN;
  if (const Value rf = value_of(record, ColumnRole::RefundedAmount); !rf.text.empty()) {
    const MoneyResult r = parse_money(rf.text, config_.decimal);
    if (r.ok()) refund = std::fabs(r.value);
    else pending_warnings_.push_back({WarningKind::BadRefundAmount, rf, std::string(money_error_text(r.error))});
  }
  std::int8_t status = -1;
  if (config_.status_scope == StatusScope::Order) {
    if (const Value s = value_of(record, ColumnRole::Status); !s.text.empty()) {
      if (const auto st = status_of(s.text)) status = static_cast<std::int8_t>(*st);
      else pending_warnings_.push_back({WarningKind::UnknownStatus, s, "counted as paid"});
    }
  }

  Line line;
  if (!parse_line(record, line) || is_duplicate(record, kNoOrder)) return kNoOrder;

  // Commit.
  const std::uint32_t customer = customer_for(id, record);
  OrdersTable& o = ds_.orders;
  const auto index = static_cast<std::uint32_t>(o.size());
  o.key.push_back(has_order_id_ ? ds_.order_keys.add_absent(order_key) : StringPool::kNone);
  o.customer.push_back(customer);
  o.day.push_back(when.value.days);
  o.second_of_day.push_back(when.value.seconds_of_day);
  o.channel.push_back(intern_repeated(last_channel_, channel_text(record)));
  o.coupon.push_back(intern_repeated(last_coupon_, value_of(record, ColumnRole::Coupon).text));
  o.currency.push_back(intern_repeated(last_currency_, value_of(record, ColumnRole::Currency).text));
  o.source_line.push_back(record.line);
  // A negative order amount is a refund standing on its own (or arriving before its order).
  const bool refund_row = total < 0;
  written_total_.push_back(refund_row ? kNaN : total);
  refund_rows_.push_back(refund_row ? -total : 0.0);
  refund_column_.push_back(refund);
  order_status_.push_back(status);
  cancelled_at_.push_back(!value_of(record, ColumnRole::CancelledAt).text.empty());
  date_text_hash_.push_back(from_order_date ? hash32(date.text) : 0);
  total_text_hash_.push_back(total_text.text.empty() ? 0 : hash32(total_text.text));
  identity_text_hash_.push_back(hash32(id.source.text));
  remember_row(pending_fingerprint_, index);
  if (refund_row) ++diag_.refund_rows;
  if (line.present && !refund_row) add_line(index, line, record);
  return index;
}

std::optional<double> OrderAssembler::check_conflicts(const CsvRecord& record, std::uint32_t order) {
  // The amount first: a negative amount makes the row a refund of the order, which has its own
  // date and status, so nothing else is compared.
  if (const Value t = value_of(record, ColumnRole::OrderTotal); !t.text.empty() && hash32(t.text) != total_text_hash_[order]) {
    const MoneyResult r = parse_money(t.text, config_.decimal);
    if (!r.ok()) {
      conflict(t, "the order's amount (this value is not a number)");
    } else if (r.value < 0) {
      return -r.value;
    } else if (std::isnan(written_total_[order])) {
      written_total_[order] = r.value;
      total_text_hash_[order] = hash32(t.text);
    } else if (r.value != written_total_[order]) {
      conflict(t, "the order's first amount");
    }
  }
  // The customer: a row repeating the first row's identity text (the usual case) is the same
  // customer without normalizing and looking it up.
  Value first_identity;
  for (ColumnRole r : config_.identity_roles) {
    first_identity = value_of(record, r);
    if (!first_identity.text.empty()) break;
  }
  if (!first_identity.text.empty() && hash32(first_identity.text) != identity_text_hash_[order]) {
    const Identity id = resolve_identity(record);
    const std::uint32_t customer_key = ds_.customers.key[ds_.orders.customer[order]];
    if (!id.key.empty() && ds_.customer_keys.find(id.key) != customer_key)
      conflict(id.source, ds_.customer_keys.view(customer_key));
  }
  if (const Value d = value_of(record, ColumnRole::OrderDate); !d.text.empty() && hash32(d.text) != date_text_hash_[order]) {
    const DateResult when = parse_date_time(d.text, config_.date_options);
    if (!when.ok() || when.value.days != ds_.orders.day[order] ||
        when.value.seconds_of_day != ds_.orders.second_of_day[order])
      conflict(d, "the date of the order's first row");
  }
  if (config_.status_scope == StatusScope::Order) {
    if (const Value s = value_of(record, ColumnRole::Status); !s.text.empty()) {
      const auto st = status_of(s.text);
      if (st && order_status_[order] < 0) order_status_[order] = static_cast<std::int8_t>(*st);
      else if (st && static_cast<std::int8_t>(*st) != order_status_[order]) conflict(s, "the order's first status");
    }
  }
  return std::nullopt;
}

std::string_view OrderAssembler::channel_text(const CsvRecord& record) const {
  const std::string_view attribution = value_of(record, ColumnRole::Attribution).text;
  if (const std::size_t at = attribution.find("utm_source"); at != std::string_view::npos) {
    // "utm_source: google", "utm_source=google&...", Shopify's "utm_source: google\nutm_medium: cpc".
    std::string_view v = attribution.substr(at + 10);
    while (!v.empty() && (v.front() == ' ' || v.front() == ':' || v.front() == '=')) v.remove_prefix(1);
    v = v.substr(0, v.find_first_of("&;,\r\n"));
    if (!trim(v).empty()) return trim(v);
  }
  if (const std::string_view referrer = value_of(record, ColumnRole::Referrer).text; !trim(referrer).empty()) return referrer;
  return value_of(record, ColumnRole::Channel).text;
}

std::uint32_t OrderAssembler::intern_repeated(LastInterned& last, std::string_view text) {
  if (text.empty()) return StringPool::kNone;
  if (last.id != StringPool::kNone && text == last.text) return last.id;
  last.text.assign(text);
  last.id = ds_.text.intern(text);
  return last.id;
}

void OrderAssembler::add_line(std::uint32_t order, const Line& line, const CsvRecord& record) {
  std::uint32_t product = LineItemsTable::kNoProduct;
  if (!line.product_key.empty()) {
    const auto [key, added] = ds_.product_keys.insert(line.product_key);
    if (added) {
      ProductsTable& p = ds_.products;
      p.key.push_back(key);
      p.name.push_back(ds_.text.intern(line.product_name.empty() ? line.product_key : line.product_name));
      p.vendor.push_back(ds_.text.intern(value_of(record, ColumnRole::Vendor).text));
      p.category.push_back(ds_.text.intern(value_of(record, ColumnRole::Category).text));
    }
    product = key - 1;
  }
  LineItemsTable& l = ds_.lines;
  l.order.push_back(order);
  l.product.push_back(product);
  l.quantity.push_back(line.quantity);
  l.amount.push_back(line.amount);
  l.kind.push_back(line.kind);
}

void OrderAssembler::add_row(const CsvRecord& record) {
  ++diag_.rows_read;
  pending_warnings_.clear();
  if (!check_shape(record)) return;
  if (record.size() > config_.header_fields)
    pending_warnings_.push_back({WarningKind::ExtraEmptyFields, {{}, Diagnostics::kWholeRow},
                                 std::to_string(record.size() - config_.header_fields) + " extra"});
  if (record.nul_bytes_removed)
    pending_warnings_.push_back({WarningKind::NulBytes, {{}, Diagnostics::kWholeRow},
                                 std::to_string(record.nul_bytes_removed) + " removed"});
  if (record.text_after_quote)
    pending_warnings_.push_back({WarningKind::TextAfterQuote,
                                 {record.field(record.text_after_quote_field), record.text_after_quote_field},
                                 "kept as part of the value"});

  std::string_view order_key;
  std::uint32_t existing = StringPool::kNone;
  if (has_order_id_) {
    const Value id = value_of(record, ColumnRole::OrderId);
    if (id.text.empty()) {
      diag_.skip(SkipReason::MissingOrderId, record.line, id.column, {}, "");
      return;
    }
    order_key = id.text;
    existing = order_key == last_order_key_ ? last_order_ + 1 : ds_.order_keys.find(order_key);
  }
  if (existing == StringPool::kNone) {
    const std::uint32_t order = create_order(record, order_key);
    if (order == kNoOrder) return;
    if (has_order_id_) {
      last_order_key_.assign(order_key);
      last_order_ = order;
    }
  } else {
    const std::uint32_t order = existing - 1;
    if (order != last_order_) {
      last_order_key_.assign(order_key);
      last_order_ = order;
    }
    const std::optional<double> refund = check_conflicts(record, order);
    Line line;
    if (refund) {
      if (is_duplicate(record, order)) return;
      refund_rows_[order] += *refund;
      ++diag_.refund_rows;
    } else {
      if (!parse_line(record, line) || is_duplicate(record, order)) return;
      if (line.present) add_line(order, line, record);
    }
    remember_row(pending_fingerprint_, order);
  }
  flush_warnings(record);
  ++diag_.rows_used;
}

// The state only ingestion needs.
void OrderAssembler::release_ingestion_state() {
  auto release = [](auto&... v) { ((v = {}), ...); };
  release(row_fingerprint_, row_previous_, order_last_row_, written_total_, refund_column_, refund_rows_, order_status_,
          cancelled_at_, date_text_hash_, total_text_hash_, identity_text_hash_);
}

void OrderAssembler::finish(bool shrink) {
  OrdersTable& o = ds_.orders;
  const std::size_t n = o.size();
  std::vector<double> sale(n, 0.0), refunded_sale(n, 0.0), refund_lines(n, 0.0), items(n, 0.0);
  std::vector<std::uint32_t> count_sale(n, 0), count_refunded(n, 0), count_cancelled(n, 0), count_pending(n, 0);
  const LineItemsTable& l = ds_.lines;
  for (std::size_t i = 0; i < l.size(); ++i) {
    const std::uint32_t k = l.order[i];
    switch (l.kind[i]) {
      case LineKind::Sale:
        sale[k] += l.amount[i];
        items[k] += l.quantity[i];
        ++count_sale[k];
        break;
      case LineKind::Refunded:
        refunded_sale[k] += l.amount[i];
        ++count_refunded[k];
        break;
      case LineKind::Cancelled: ++count_cancelled[k]; break;
      case LineKind::Pending: ++count_pending[k]; break;
      case LineKind::Refund: refund_lines[k] += l.amount[i]; break;
    }
  }
  o.status.resize(n);
  o.total.resize(n);
  o.refunded.resize(n);
  o.net.resize(n);
  o.items = std::move(items);
  for (std::size_t k = 0; k < n; ++k) {
    const double total = std::isnan(written_total_[k]) ? sale[k] + refunded_sale[k] : written_total_[k];
    double refund = (std::isnan(refund_column_[k]) ? refunded_sale[k] : refund_column_[k]) + refund_lines[k] + refund_rows_[k];
    OrderStatus status = OrderStatus::Paid;
    if (order_status_[k] >= 0) {
      status = static_cast<OrderStatus>(order_status_[k]);
    } else if (count_sale[k]) {
      status = count_refunded[k] ? OrderStatus::PartiallyRefunded : OrderStatus::Paid;
    } else if (count_refunded[k]) {
      status = OrderStatus::Refunded;
    } else if (count_pending[k]) {
      status = OrderStatus::Pending;
    } else if (count_cancelled[k]) {
      status = OrderStatus::Cancelled;
    }
    if (cancelled_at_[k] && (status == OrderStatus::Paid || status == OrderStatus::Pending)) status = OrderStatus::Cancelled;

    const bool refund_only = total == 0 && refund > 0 && count_sale[k] == 0 && count_refunded[k] == 0;
    double net = 0;
    if (refund_only) {
      status = OrderStatus::Refunded;  // a refund without its sale in the file: it lowers net revenue
      net = -refund;
    } else if (counts_as_purchase(status)) {
      if (refund > 0 && covers(refund, total)) {
        status = OrderStatus::Refunded;
      } else {
        if (refund > 0) status = OrderStatus::PartiallyRefunded;
        net = total - refund;
      }
    }
    if (status == OrderStatus::Refunded && !refund_only) refund = total;
    if (!counts_in_gross(status)) refund = 0;
    o.status[k] = status;
    o.total[k] = total;
    o.refunded[k] = refund;
    o.net[k] = net;
  }

  if (shrink) ds_.shrink_to_fit();
  release_ingestion_state();
}

}  // namespace orderlens
