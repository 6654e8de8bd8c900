#include "ingest/partial_merge.hpp"

#include <vector>

#include "ingest/result_counts.hpp"

namespace orderlens {

namespace {

// Ids of the later part's strings in the first part's pool (adding the new ones).
std::vector<std::uint32_t> remap_pool(StringPool& into, const StringPool& from) {
  std::vector<std::uint32_t> map(from.size(), StringPool::kNone);
  for (std::uint32_t id = 1; id < from.size(); ++id) map[id] = into.intern(from.view(id));
  return map;
}

void merge_tally(IssueTally& into, const IssueTally& from, std::int64_t line_shift, std::size_t max_examples) {
  into.count += from.count;
  for (const IssueExample& e : from.examples) {
    if (into.examples.size() >= max_examples) break;
    IssueExample shifted = e;
    shifted.line = static_cast<std::uint64_t>(static_cast<std::int64_t>(e.line) + line_shift);
    into.examples.push_back(std::move(shifted));
  }
}

void merge_customers(Dataset& into, const Dataset& from, std::vector<std::uint32_t>& customer_map) {
  CustomersTable& c = into.customers;
  const CustomersTable& fc = from.customers;
  customer_map.resize(fc.size());
  auto keep = [&](std::uint32_t& slot, std::uint32_t from_id) {
    if (slot == 0 && from_id != 0) slot = into.customer_text.add(from.customer_text.view(from_id));
  };
  for (std::uint32_t k = 0; k < fc.size(); ++k) {
    const std::string_view key = from.customer_keys.view(fc.key[k]);
    std::uint32_t id = into.customer_keys.find(key);
    if (id == StringPool::kNone) {
      id = into.customer_keys.add_absent(key);
      c.key.push_back(id);
      c.key_kind.push_back(fc.key_kind[k]);
      c.email.push_back(0);
      c.phone.push_back(0);
      c.name.push_back(0);
    }
    const std::uint32_t index = id - 1;
    // As in a sequential read: display values seen first win, later parts fill the gaps.
    keep(c.email[index], fc.email[k]);
    keep(c.phone[index], fc.phone[k]);
    keep(c.name[index], fc.name[k]);
    customer_map[k] = index;
  }
}

std::vector<std::uint32_t> merge_products(Dataset& into, const Dataset& from, const std::vector<std::uint32_t>& text_map) {
  ProductsTable& p = into.products;
  const ProductsTable& fp = from.products;
  std::vector<std::uint32_t> map(fp.size());
  for (std::uint32_t k = 0; k < fp.size(); ++k) {
    const std::string_view key = from.product_keys.view(fp.key[k]);
    std::uint32_t id = into.product_keys.find(key);
    if (id == StringPool::kNone) {
      id = into.product_keys.add_absent(key);
      p.key.push_back(id);
      p.name.push_back(text_map[fp.name[k]]);
      p.vendor.push_back(text_map[fp.vendor[k]]);
      p.category.push_back(text_map[fp.category[k]]);
    }
    map[k] = id - 1;
  }
  return map;
}

}  // namespace

bool order_ids_disjoint(const Dataset& first, const Dataset& later) {
  for (std::uint32_t id = 1; id < later.order_keys.size(); ++id)
    if (first.order_keys.find(later.order_keys.view(id)) != StringPool::kNone) return false;
  return true;
}

void merge_part(IngestResult& first, const PartialResult& later, std::int64_t line_shift, bool take_encoding) {
  Dataset& into = *first.dataset;
  const Dataset& from = *later.result.dataset;

  const std::vector<std::uint32_t> text_map = remap_pool(into.text, from.text);
  std::vector<std::uint32_t> customer_map;
  merge_customers(into, from, customer_map);
  const std::vector<std::uint32_t> product_map = merge_products(into, from, text_map);

  OrdersTable& o = into.orders;
  const OrdersTable& fo = from.orders;
  const auto order_base = static_cast<std::uint32_t>(o.size());
  for (std::size_t k = 0; k < fo.size(); ++k) {
    o.key.push_back(fo.key[k] == StringPool::kNone ? StringPool::kNone
                                                    : into.order_keys.add_absent(from.order_keys.view(fo.key[k])));
    o.customer.push_back(customer_map[fo.customer[k]]);
    o.day.push_back(fo.day[k]);
    o.second_of_day.push_back(fo.second_of_day[k]);
    o.status.push_back(fo.status[k]);
    o.total.push_back(fo.total[k]);
    o.refunded.push_back(fo.refunded[k]);
    o.net.push_back(fo.net[k]);
    o.items.push_back(fo.items[k]);
    o.channel.push_back(text_map[fo.channel[k]]);
    o.coupon.push_back(text_map[fo.coupon[k]]);
    o.currency.push_back(text_map[fo.currency[k]]);
    o.source_line.push_back(static_cast<std::uint64_t>(static_cast<std::int64_t>(fo.source_line[k]) + line_shift));
  }
  LineItemsTable& l = into.lines;
  const LineItemsTable& fl = from.lines;
  for (std::size_t i = 0; i < fl.size(); ++i) {
    l.order.push_back(order_base + fl.order[i]);
    l.product.push_back(fl.product[i] == LineItemsTable::kNoProduct ? LineItemsTable::kNoProduct : product_map[fl.product[i]]);
    l.quantity.push_back(fl.quantity[i]);
    l.amount.push_back(fl.amount[i]);
    l.kind.push_back(fl.kind[i]);
  }
  into.shrink_to_fit();

  Diagnostics& d = first.diagnostics;
  const Diagnostics& fd = later.result.diagnostics;
  d.bytes += fd.bytes - (later.split_offset - later.start_offset);
  d.lines = static_cast<std::uint64_t>(static_cast<std::int64_t>(fd.lines) + line_shift);
  d.blank_lines += fd.blank_lines;
  d.rows_read += fd.rows_read;
  d.rows_used += fd.rows_used;
  d.refund_rows += fd.refund_rows;
  for (std::size_t i = 0; i < kSkipReasonCount; ++i) merge_tally(d.skipped[i], fd.skipped[i], line_shift, d.max_examples);
  for (std::size_t i = 0; i < kWarningKindCount; ++i)
    merge_tally(d.warnings[i], fd.warnings[i], line_shift, d.max_examples);
  if (take_encoding) {
    d.encoding = fd.encoding;
    d.encoding_reason = fd.encoding_reason;
  }
  count_results(into, d);
}

}  // namespace orderlens
