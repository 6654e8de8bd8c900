// Groups item indices by an owner index with a counting sort: O(items + owners), no per-owner
// allocation, and the items of each owner keep their input order. Used wherever orders are
// grouped by customer or lines by order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace orderlens {

struct Groups {
  std::vector<std::uint32_t> offsets;  // owner k's items are members[offsets[k] .. offsets[k+1])
  std::vector<std::uint32_t> members;

  std::size_t groups() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::uint32_t begin(std::size_t g) const { return offsets[g]; }
  std::uint32_t end(std::size_t g) const { return offsets[g + 1]; }
  std::uint32_t size(std::size_t g) const { return offsets[g + 1] - offsets[g]; }
};

// Groups value_of(i) by owner_of(i) for every item i < items with include(i); owner_of(i) <
// owners.
template <typename OwnerOf, typename ValueOf, typename Include>
Groups group_values_by(std::size_t owners, std::size_t items, OwnerOf owner_of, ValueOf value_of, Include include) {
  Groups g;
  g.offsets.assign(owners + 1, 0);
  for (std::size_t i = 0; i < items; ++i)
    if (include(i)) ++g.offsets[owner_of(i) + 1];
  for (std::size_t k = 0; k < owners; ++k) g.offsets[k + 1] += g.offsets[k];
  g.members.resize(g.offsets[owners]);
  std::vector<std::uint32_t> cursor(g.offsets.begin(), g.offsets.end() - 1);
  for (std::size_t i = 0; i < items; ++i)
    if (include(i)) g.members[cursor[owner_of(i)]++] = value_of(i);
  return g;
}

// Groups the item indices themselves.
template <typename OwnerOf, typename Include>
Groups group_by(std::size_t owners, std::size_t items, OwnerOf owner_of, Include include) {
  return group_values_by(owners, items, owner_of, [](std::size_t i) { return static_cast<std::uint32_t>(i); }, include);
}

}  // namespace orderlens
