#include "ingest/result_counts.hpp"

#include <vector>

namespace orderlens {

void count_results(const Dataset& ds, Diagnostics& d) {
  const OrdersTable& o = ds.orders;
  d.orders = o.size();
  d.orders_by_status.fill(0);
  for (OrderStatus s : o.status) ++d.orders_by_status[static_cast<std::size_t>(s)];
  d.line_items = ds.lines.size();
  d.customers = ds.customers.size();
  d.products = ds.products.size();
  std::vector<std::uint8_t> buys(ds.customers.size(), 0);
  bool any = false;
  for (std::size_t k = 0; k < o.size(); ++k) {
    if (!o.counts_as_purchase(k)) continue;
    buys[o.customer[k]] = 1;
    if (!any || o.day[k] < d.first_order_day) d.first_order_day = o.day[k];
    if (!any || o.day[k] > d.last_order_day) d.last_order_day = o.day[k];
    any = true;
  }
  std::uint64_t without = 0;
  for (std::uint8_t b : buys) without += !b;
  d.customers_without_purchase = without;
}

}  // namespace orderlens
