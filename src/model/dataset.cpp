#include "model/dataset.hpp"

namespace orderlens {

namespace {
template <typename T>
std::size_t bytes_of(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}
}  // namespace

void Dataset::shrink_to_fit() {
  for_each_table(*this, [](auto& table) { for_each_column(table, [](auto& column) { column.shrink_to_fit(); }); });
  for (StringPool* pool : {&order_keys, &customer_keys, &product_keys, &text}) pool->shrink_to_fit();
  customer_text.shrink_to_fit();
}

std::size_t Dataset::memory_bytes() const {
  std::size_t n = order_keys.memory_bytes() + customer_keys.memory_bytes() + product_keys.memory_bytes() +
                  text.memory_bytes() + customer_text.memory_bytes();
  for_each_table(*this, [&](const auto& table) {
    for_each_column(table, [&](const auto& column) { n += bytes_of(column); });
  });
  return n;
}

}  // namespace orderlens
