// Columnar tables produced by ingestion: orders, line items, customers and products, each a
// struct of arrays indexed by a dense 32-bit index, with strings interned in pools.
// Memory is proportional to orders, lines, customers and products, never to the file size.
#pragma once

#include <cstdint>
#include <tuple>
#include <type_traits>
#include <vector>

#include "ingest/identity.hpp"
#include "ingest/order_status.hpp"
#include "util/string_pool.hpp"
#include "util/text_arena.hpp"

namespace orderlens {

struct OrdersTable {
  std::vector<std::uint32_t> key;       // order id (in Dataset::order_keys); kNone when the layout has none
  std::vector<std::uint32_t> customer;  // index into CustomersTable
  std::vector<std::int32_t> day;        // shop-local date, days since 1970-01-01
  std::vector<std::int32_t> second_of_day;
  std::vector<OrderStatus> status;
  std::vector<double> total;     // order amount as written (or the sum of its lines)
  std::vector<double> refunded;  // refunded part of it
  std::vector<double> net;       // revenue after refunds (0 for refunded, cancelled, pending;
                                 // negative for a refund that stands alone)
  std::vector<double> items;     // quantity bought (lines that were not cancelled / refunded)
  std::vector<std::uint32_t> channel;   // Dataset::text ids
  std::vector<std::uint32_t> coupon;
  std::vector<std::uint32_t> currency;
  std::vector<std::uint64_t> source_line;  // line of the order's first row in the file

  template <typename Self>
  static auto columns_of(Self& t) {
    return std::tie(t.key, t.customer, t.day, t.second_of_day, t.status, t.total, t.refunded, t.net, t.items, t.channel,
                    t.coupon, t.currency, t.source_line);
  }
  std::size_t size() const { return customer.size(); }
  bool counts_as_purchase(std::size_t i) const { return orderlens::counts_as_purchase(status[i]); }
  double gross(std::size_t i) const { return counts_in_gross(status[i]) ? total[i] : 0.0; }
};

// Status of one line where a layout has line-level statuses, or the sign of its amount.
enum class LineKind : std::uint8_t { Sale, Refunded, Cancelled, Pending, Refund /* negative amount */ };

struct LineItemsTable {
  std::vector<std::uint32_t> order;    // index into OrdersTable
  std::vector<std::uint32_t> product;  // index into ProductsTable; kNoProduct when absent
  std::vector<double> quantity;
  std::vector<double> amount;          // line amount (positive; see kind)
  std::vector<LineKind> kind;

  template <typename Self>
  static auto columns_of(Self& t) { return std::tie(t.order, t.product, t.quantity, t.amount, t.kind); }
  static constexpr std::uint32_t kNoProduct = 0xFFFFFFFFu;
  std::size_t size() const { return order.size(); }
};

struct CustomersTable {
  std::vector<std::uint32_t> key;  // Dataset::customer_keys id; customer index == key - 1
  std::vector<IdentityKind> key_kind;
  // Display values, first seen (Dataset::customer_text ids, 0 when absent). For a customer keyed
  // by email the email is the key itself and not stored twice (see Dataset::email_of).
  std::vector<std::uint32_t> email;
  std::vector<std::uint32_t> phone;
  std::vector<std::uint32_t> name;

  template <typename Self>
  static auto columns_of(Self& t) { return std::tie(t.key, t.key_kind, t.email, t.phone, t.name); }
  std::size_t size() const { return key.size(); }
};

struct ProductsTable {
  std::vector<std::uint32_t> key;  // Dataset::product_keys id (SKU, or name when no SKU)
  std::vector<std::uint32_t> name;  // Dataset::text ids
  std::vector<std::uint32_t> vendor;
  std::vector<std::uint32_t> category;

  template <typename Self>
  static auto columns_of(Self& t) { return std::tie(t.key, t.name, t.vendor, t.category); }
  std::size_t size() const { return key.size(); }
};

// Code that treats every column alike (shrinking, sizing, encoding, reserving) goes through
// these, so a new column is listed once, in its table's columns_of.

// f(column) for every column of `table`, in declaration order.
template <typename Table, typename F>
void for_each_column(Table& table, F&& f) {
  std::apply([&](auto&... column) { (f(column), ...); }, std::remove_const_t<Table>::columns_of(table));
}

// f(table) for the four tables of a Dataset (or of anything with the same members), in order.
template <typename Tables, typename F>
void for_each_table(Tables& tables, F&& f) {
  f(tables.orders);
  f(tables.lines);
  f(tables.customers);
  f(tables.products);
}

struct Dataset {
  StringPool order_keys;
  StringPool customer_keys;
  StringPool product_keys;
  StringPool text;  // few-valued display values: channels, coupons, currencies, product names, vendors
  StringList customer_text;  // customers' emails, phones and names (unique, so not de-duplicated)

  OrdersTable orders;
  LineItemsTable lines;
  CustomersTable customers;
  ProductsTable products;

  std::string_view email_of(std::uint32_t customer) const {
    return customers.key_kind[customer] == IdentityKind::Email ? customer_keys.view(customers.key[customer])
                                                               : customer_text.view(customers.email[customer]);
  }
  std::string_view phone_of(std::uint32_t customer) const { return customer_text.view(customers.phone[customer]); }
  std::string_view name_of(std::uint32_t customer) const { return customer_text.view(customers.name[customer]); }

  // Gives back the slack of tables and pools that grew by doubling.
  void shrink_to_fit();

  // Bytes held by the tables and pools (for the memory figures of the benchmark).
  std::size_t memory_bytes() const;
};

}  // namespace orderlens
