#include "model/dataset.hpp"

namespace orderlens {

namespace {
template <typename T>
std::size_t bytes_of(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}
}  // namespace

void Dataset::shrink_to_fit() {
  auto shrink = [](auto&... v) { (v.shrink_to_fit(), ...); };
  OrdersTable& o = orders;
  shrink(o.key, o.customer, o.day, o.second_of_day, o.status, o.total, o.refunded, o.net, o.items, o.channel, o.coupon,
         o.currency, o.source_line);
  LineItemsTable& l = lines;
  shrink(l.order, l.product, l.quantity, l.amount, l.kind);
  CustomersTable& c = customers;
  shrink(c.key, c.key_kind, c.email, c.phone, c.name);
  ProductsTable& p = products;
  shrink(p.key, p.name, p.vendor, p.category);
  for (StringPool* pool : {&order_keys, &customer_keys, &product_keys, &text}) pool->shrink_to_fit();
  customer_text.shrink_to_fit();
}

std::size_t Dataset::memory_bytes() const {
  std::size_t n = order_keys.memory_bytes() + customer_keys.memory_bytes() + product_keys.memory_bytes() +
                  text.memory_bytes() + customer_text.memory_bytes();
  const OrdersTable& o = orders;
  n += bytes_of(o.key) + bytes_of(o.customer) + bytes_of(o.day) + bytes_of(o.second_of_day) + bytes_of(o.status) +
       bytes_of(o.total) + bytes_of(o.refunded) + bytes_of(o.net) + bytes_of(o.items) + bytes_of(o.channel) +
       bytes_of(o.coupon) + bytes_of(o.currency) + bytes_of(o.source_line);
  const LineItemsTable& l = lines;
  n += bytes_of(l.order) + bytes_of(l.product) + bytes_of(l.quantity) + bytes_of(l.amount) + bytes_of(l.kind);
  const CustomersTable& c = customers;
  n += bytes_of(c.key) + bytes_of(c.key_kind) + bytes_of(c.email) + bytes_of(c.phone) + bytes_of(c.name);
  const ProductsTable& p = products;
  n += bytes_of(p.key) + bytes_of(p.name) + bytes_of(p.vendor) + bytes_of(p.category);
  return n;
}

}  // namespace orderlens
