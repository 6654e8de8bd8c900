#include "segments/item_match.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace orderlens::segments {

std::string ItemRef::describe() const {
  const char* word = kind == Kind::Sku ? "SKU" : kind == Kind::Name ? "product name" : "category";
  return std::string(word) + " \"" + value + "\"";
}

std::optional<ItemRef> item_ref_from_json(const nlohmann::json& v, ItemRefProblem& problem) {
  if (!v.is_object() || v.size() != 1) {
    problem = {"", "one of {\"sku\": ...}, {\"name\": ...}, {\"category\": ...}"};
    return std::nullopt;
  }
  const auto item = v.items().begin();
  ItemRef ref;
  if (item.key() == "sku") ref.kind = ItemRef::Kind::Sku;
  else if (item.key() == "name") ref.kind = ItemRef::Kind::Name;
  else if (item.key() == "category") ref.kind = ItemRef::Kind::Category;
  else {
    problem = {item.key(), "\"sku\", \"name\" or \"category\""};
    return std::nullopt;
  }
  if (!item.value().is_string() || trim(item.value().get<std::string>()).empty()) {
    problem = {item.key(), "a non-empty text"};
    return std::nullopt;
  }
  ref.value = item.value().get<std::string>();
  return ref;
}

std::vector<std::uint32_t> matching_products(const Dataset& ds, const ItemRef& item) {
  const std::string_view wanted = trim(item.value);
  std::vector<std::uint32_t> out;
  if (wanted.empty()) return out;
  const ProductsTable& p = ds.products;
  if (item.kind == ItemRef::Kind::Sku) {
    const std::uint32_t key = ds.product_keys.find(wanted);
    for (std::uint32_t i = 0; key != StringPool::kNone && i < p.size(); ++i)
      if (p.key[i] == key) out.push_back(i);
    return out;
  }
  // Names and categories are few distinct texts: compare ids, not strings.
  const std::uint32_t text = ds.text.find(wanted);
  if (text == StringPool::kNone) return out;
  const std::vector<std::uint32_t>& column = item.kind == ItemRef::Kind::Name ? p.name : p.category;
  for (std::uint32_t i = 0; i < p.size(); ++i)
    if (column[i] == text) out.push_back(i);
  return out;
}

std::vector<std::int32_t> last_bought_day(const CustomerBase& base, const std::vector<std::uint32_t>& products) {
  const Dataset& ds = *base.dataset;
  std::vector<std::int32_t> last(base.size(), kNeverBought);
  if (products.empty()) return last;
  std::vector<bool> wanted(ds.products.size(), false);
  for (std::uint32_t p : products) wanted[p] = true;
  const LineItemsTable& l = ds.lines;
  const OrdersTable& o = ds.orders;
  for (std::size_t i = 0; i < l.size(); ++i) {
    if (l.kind[i] != LineKind::Sale || l.product[i] == LineItemsTable::kNoProduct || !wanted[l.product[i]]) continue;
    const std::uint32_t k = l.order[i];
    if (!o.counts_as_purchase(k) || o.day[k] > base.end_day) continue;
    const std::uint32_t row = base.row_of_customer[o.customer[k]];
    if (row != kNoRow) last[row] = std::max(last[row], o.day[k]);
  }
  return last;
}

}  // namespace orderlens::segments
