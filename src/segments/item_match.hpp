// Product conditions shared by the cross-sell pack and the custom rules: which products an item
// reference names (a SKU / product key, a product name, or a category), and when each customer
// last bought one of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "segments/customer_base.hpp"

namespace orderlens::segments {

inline constexpr std::int32_t kNeverBought = INT32_MIN;

struct ItemRef {
  enum class Kind : std::uint8_t { Sku, Name, Category };
  Kind kind = Kind::Sku;
  std::string value;

  std::string describe() const;  // `SKU "A-1"`, `category "Shoes"`, ...
};

// What is wrong with a JSON item reference: `key` is the offending key ("" for the value itself).
struct ItemRefProblem {
  std::string key;
  std::string expected;
};

// Reads {"sku": text}, {"name": text} or {"category": text}; on a mistake fills `problem` and
// returns nullopt (the caller words the error with its own path).
std::optional<ItemRef> item_ref_from_json(const nlohmann::json& v, ItemRefProblem& problem);

// Products the reference names (exact match after trimming); empty when none.
std::vector<std::uint32_t> matching_products(const Dataset& dataset, const ItemRef& item);

// Per customer row of `base`: the last day (on or before the end date) on which the customer
// bought one of `products` in a purchase (a sale line of an order that counts as a purchase), or
// kNeverBought.
std::vector<std::int32_t> last_bought_day(const CustomerBase& base, const std::vector<std::uint32_t>& products);

}  // namespace orderlens::segments
