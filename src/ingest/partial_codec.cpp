#include "ingest/partial_codec.hpp"

#include <cstring>
#include <type_traits>

#include "ingest/ingest_error.hpp"

namespace orderlens {

namespace {

constexpr std::uint32_t kMagic = 0x4f4c5031;  // "OLP1"

class Writer {
 public:
  template <typename T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void text(std::string_view s) {
    pod(static_cast<std::uint64_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void column(const std::vector<T>& v) {
    pod(static_cast<std::uint64_t>(v.size()));
    if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  template <typename Pool>
  void strings(const Pool& pool) {
    pod(static_cast<std::uint64_t>(pool.size()));
    for (std::uint32_t id = 1; id < pool.size(); ++id) text(pool.view(id));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  T pod() {
    T v;
    need(sizeof v);
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::string_view text() {
    const auto n = pod<std::uint64_t>();
    need(n);
    const std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  template <typename T>
  void column(std::vector<T>& v) {
    const auto n = pod<std::uint64_t>();
    need(n * sizeof(T));
    v.resize(n);
    if (n) std::memcpy(v.data(), in_.data() + at_, n * sizeof(T));
    at_ += n * sizeof(T);
  }
  void strings(std::vector<std::string_view>& out) {
    const auto count = pod<std::uint64_t>();
    if (count == 0 || count > in_.size()) throw IngestError(IngestErrorCode::InvalidState, "a part of the file arrived damaged");
    out.reserve(count);
    out.emplace_back();
    for (std::uint64_t id = 1; id < count; ++id) out.push_back(text());
  }

 private:
  void need(std::uint64_t n) const {
    if (n > in_.size() - at_) throw IngestError(IngestErrorCode::InvalidState, "a part of the file arrived damaged");
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

void write_tally(Writer& w, const IssueTally& t) {
  w.pod(t.count);
  w.pod(static_cast<std::uint64_t>(t.examples.size()));
  for (const IssueExample& e : t.examples) {
    w.pod(e.line);
    w.pod(e.column);
    w.text(e.column_name);
    w.text(e.value);
    w.text(e.detail);
  }
}

void read_tally(Reader& r, IssueTally& t) {
  t.count = r.pod<std::uint64_t>();
  const auto n = r.pod<std::uint64_t>();
  for (std::uint64_t i = 0; i < n; ++i) {
    IssueExample e;
    e.line = r.pod<std::uint64_t>();
    e.column = r.pod<std::uint32_t>();
    e.column_name = r.text();
    e.value = r.text();
    e.detail = r.text();
    t.examples.push_back(std::move(e));
  }
}

// Every index of the tables points inside its table or pool, so merging cannot read out of bounds.
void validate(const DecodedPart& p) {
  auto check = [](bool ok) {
    if (!ok) throw IngestError(IngestErrorCode::InvalidState, "a part of the file arrived damaged");
  };
  auto all_below = [&](const auto& column, std::size_t limit) {
    for (const auto v : column) check(v < limit);
  };
  const std::size_t orders = p.orders.key.size();
  for (const auto* column : {&p.orders.customer, &p.orders.channel, &p.orders.coupon, &p.orders.currency})
    check(column->size() == orders);
  check(p.orders.day.size() == orders && p.orders.second_of_day.size() == orders && p.orders.status.size() == orders &&
        p.orders.total.size() == orders && p.orders.refunded.size() == orders && p.orders.net.size() == orders &&
        p.orders.items.size() == orders && p.orders.source_line.size() == orders);
  all_below(p.orders.key, p.order_keys.size());
  all_below(p.orders.customer, p.customers.key.size());
  all_below(p.orders.channel, p.text.size());
  all_below(p.orders.coupon, p.text.size());
  all_below(p.orders.currency, p.text.size());
  for (OrderStatus s : p.orders.status) check(static_cast<int>(s) < kOrderStatusCount);
  const std::size_t lines = p.lines.order.size();
  check(p.lines.product.size() == lines && p.lines.quantity.size() == lines && p.lines.amount.size() == lines &&
        p.lines.kind.size() == lines);
  all_below(p.lines.order, orders);
  for (std::uint32_t product : p.lines.product) check(product == LineItemsTable::kNoProduct || product < p.products.key.size());
  for (LineKind k : p.lines.kind) check(static_cast<int>(k) <= static_cast<int>(LineKind::Refund));
  const std::size_t customers = p.customers.key.size();
  check(p.customers.key_kind.size() == customers && p.customers.email.size() == customers &&
        p.customers.phone.size() == customers && p.customers.name.size() == customers);
  all_below(p.customers.key, p.customer_keys.size());
  for (IdentityKind k : p.customers.key_kind) check(static_cast<int>(k) <= static_cast<int>(IdentityKind::Name));
  all_below(p.customers.email, p.customer_text.size());
  all_below(p.customers.phone, p.customer_text.size());
  all_below(p.customers.name, p.customer_text.size());
  const std::size_t products = p.products.key.size();
  check(p.products.name.size() == products && p.products.vendor.size() == products && p.products.category.size() == products);
  all_below(p.products.key, p.product_keys.size());
  all_below(p.products.name, p.text.size());
  all_below(p.products.vendor, p.text.size());
  all_below(p.products.category, p.text.size());
}

}  // namespace

std::string encode_partial(const Dataset& ds, const Diagnostics& d, const PartPlacement& placement) {
  Writer w;
  w.pod(kMagic);
  w.pod(placement.start_offset);
  w.pod(placement.split_offset);
  w.pod(placement.split_line);
  w.pod(placement.encoding_known);
  w.strings(ds.order_keys);
  w.strings(ds.customer_keys);
  w.strings(ds.product_keys);
  w.strings(ds.text);
  w.strings(ds.customer_text);
  for_each_table(ds, [&](const auto& table) { for_each_column(table, [&](const auto& column) { w.column(column); }); });

  w.pod(d.bytes); w.pod(d.lines); w.pod(d.blank_lines); w.pod(d.rows_read); w.pod(d.rows_used); w.pod(d.refund_rows);
  w.text(d.encoding);
  w.text(d.encoding_reason);
  for (const IssueTally& t : d.skipped) write_tally(w, t);
  for (const IssueTally& t : d.warnings) write_tally(w, t);
  return w.take();
}

DecodedPart decode_partial(std::string_view bytes) {
  Reader r(bytes);
  if (r.pod<std::uint32_t>() != kMagic) throw IngestError(IngestErrorCode::InvalidState, "not a part of a file");
  DecodedPart part;
  part.placement.start_offset = r.pod<std::uint64_t>();
  part.placement.split_offset = r.pod<std::uint64_t>();
  part.placement.split_line = r.pod<std::uint64_t>();
  part.placement.encoding_known = r.pod<bool>();
  r.strings(part.order_keys);
  r.strings(part.customer_keys);
  r.strings(part.product_keys);
  r.strings(part.text);
  r.strings(part.customer_text);
  for_each_table(part, [&](auto& table) { for_each_column(table, [&](auto& column) { r.column(column); }); });

  Diagnostics& d = part.diagnostics;
  d.bytes = r.pod<std::uint64_t>();
  d.lines = r.pod<std::uint64_t>();
  d.blank_lines = r.pod<std::uint64_t>();
  d.rows_read = r.pod<std::uint64_t>();
  d.rows_used = r.pod<std::uint64_t>();
  d.refund_rows = r.pod<std::uint64_t>();
  d.encoding = r.text();
  d.encoding_reason = r.text();
  for (IssueTally& t : d.skipped) read_tally(r, t);
  for (IssueTally& t : d.warnings) read_tally(r, t);
  validate(part);
  return part;
}

}  // namespace orderlens
