#include "ingest/partial_merge.hpp"

#include <vector>

#include "ingest/result_counts.hpp"

namespace orderlens {

namespace {

// Ids of the later part's strings in the first part's pool (adding the new ones).
std::vector<std::uint32_t> remap_pool(StringPool& into, const std::vector<std::string_view>& from) {
  std::vector<std::uint32_t> map(from.size(), StringPool::kNone);
  for (std::uint32_t id = 1; id < from.size(); ++id) map[id] = into.intern(from[id]);
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

std::vector<std::uint32_t> merge_customers(Dataset& into, const DecodedPart& from) {
  CustomersTable& c = into.customers;
  const CustomersTable& fc = from.customers;
  std::vector<std::uint32_t> map(fc.size());
  auto keep = [&](std::uint32_t& slot, std::uint32_t from_id) {
    if (slot == 0 && from_id != 0) slot = into.customer_text.add(from.customer_text[from_id]);
  };
  for (std::uint32_t k = 0; k < fc.size(); ++k) {
    const auto [id, added] = into.customer_keys.insert(from.customer_keys[fc.key[k]]);
    if (added) {
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
    map[k] = index;
  }
  return map;
}

std::vector<std::uint32_t> merge_products(Dataset& into, const DecodedPart& from, const std::vector<std::uint32_t>& text_map) {
  ProductsTable& p = into.products;
  const ProductsTable& fp = from.products;
  std::vector<std::uint32_t> map(fp.size());
  for (std::uint32_t k = 0; k < fp.size(); ++k) {
    const auto [id, added] = into.product_keys.insert(from.product_keys[fp.key[k]]);
    if (added) {
      p.key.push_back(id);
      p.name.push_back(text_map[fp.name[k]]);
      p.vendor.push_back(text_map[fp.vendor[k]]);
      p.category.push_back(text_map[fp.category[k]]);
    }
    map[k] = id - 1;
  }
  return map;
}

// Room for the later part's rows, so appending does not reallocate on the way.
void reserve_for(Dataset& into, const DecodedPart& from) {
  // Pairs each column of a table with the same column of the part's table.
  auto reserve_table = [](auto& into_table, const auto& from_table) {
    using Table = std::remove_reference_t<decltype(into_table)>;
    std::apply(
        [&](auto&... into_column) {
          std::apply([&](const auto&... from_column) { (into_column.reserve(into_column.size() + from_column.size()), ...); },
                     Table::columns_of(from_table));
        },
        Table::columns_of(into_table));
  };
  reserve_table(into.orders, from.orders);
  reserve_table(into.lines, from.lines);
  reserve_table(into.customers, from.customers);
  into.customer_keys.reserve_more(from.customer_keys.size());
}

template <typename T>
void append(std::vector<T>& into, const std::vector<T>& from) {
  into.insert(into.end(), from.begin(), from.end());
}

}  // namespace

bool add_order_ids(Dataset& first, const DecodedPart& later) {
  StringPool& pool = first.order_keys;
  const std::size_t before = pool.size();
  pool.reserve_more(later.order_keys.size());
  // In the order of the later part's orders, so they get consecutive ids after the first part's.
  for (std::uint32_t id : later.orders.key) {
    if (id == StringPool::kNone) continue;
    if (!pool.insert(later.order_keys[id]).second) {
      pool.truncate(before);
      return false;
    }
  }
  return true;
}

void merge_part(IngestResult& first, const DecodedPart& from, std::int64_t line_shift, bool take_encoding) {
  Dataset& into = *first.dataset;
  reserve_for(into, from);

  const std::vector<std::uint32_t> text_map = remap_pool(into.text, from.text);
  const std::vector<std::uint32_t> customer_map = merge_customers(into, from);
  const std::vector<std::uint32_t> product_map = merge_products(into, from, text_map);
  auto shifted = [&](std::uint64_t line) { return static_cast<std::uint64_t>(static_cast<std::int64_t>(line) + line_shift); };

  OrdersTable& o = into.orders;
  const OrdersTable& fo = from.orders;
  const auto order_base = static_cast<std::uint32_t>(o.size());
  for (std::size_t k = 0; k < fo.size(); ++k)  // ids given by add_order_ids: consecutive
    o.key.push_back(fo.key[k] == StringPool::kNone ? StringPool::kNone : static_cast<std::uint32_t>(order_base + k + 1));
  for (std::uint32_t c : fo.customer) o.customer.push_back(customer_map[c]);
  append(o.day, fo.day);
  append(o.second_of_day, fo.second_of_day);
  append(o.status, fo.status);
  append(o.total, fo.total);
  append(o.refunded, fo.refunded);
  append(o.net, fo.net);
  append(o.items, fo.items);
  for (std::uint32_t t : fo.channel) o.channel.push_back(text_map[t]);
  for (std::uint32_t t : fo.coupon) o.coupon.push_back(text_map[t]);
  for (std::uint32_t t : fo.currency) o.currency.push_back(text_map[t]);
  for (std::uint64_t line : fo.source_line) o.source_line.push_back(shifted(line));

  LineItemsTable& l = into.lines;
  const LineItemsTable& fl = from.lines;
  for (std::uint32_t k : fl.order) l.order.push_back(order_base + k);
  for (std::uint32_t p : fl.product)
    l.product.push_back(p == LineItemsTable::kNoProduct ? LineItemsTable::kNoProduct : product_map[p]);
  append(l.quantity, fl.quantity);
  append(l.amount, fl.amount);
  append(l.kind, fl.kind);
  into.shrink_to_fit();

  Diagnostics& d = first.diagnostics;
  const Diagnostics& fd = from.diagnostics;
  d.bytes += fd.bytes - (from.placement.split_offset - from.placement.start_offset);
  d.lines = shifted(fd.lines);
  d.blank_lines += fd.blank_lines;
  d.rows_read += fd.rows_read;
  d.rows_used += fd.rows_used;
  d.refund_rows += fd.refund_rows;
  for (std::size_t i = 0; i < kSkipReasonCount; ++i) merge_tally(d.skipped[i], fd.skipped[i], line_shift, d.max_examples);
  for (std::size_t i = 0; i < kWarningKindCount; ++i) merge_tally(d.warnings[i], fd.warnings[i], line_shift, d.max_examples);
  if (take_encoding) {
    d.encoding = fd.encoding;
    d.encoding_reason = fd.encoding_reason;
  }
  count_results(into, d);
}

}  // namespace orderlens
