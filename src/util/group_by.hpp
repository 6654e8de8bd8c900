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

  std::size_t owners() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::uint32_t size_of(std::size_t owner) const { return offsets[owner + 1] - offsets[owner]; }
};

// owner_of(i) < owners for every included item i; include(i) says whether item i is grouped.
template <typename OwnerOf, typename Include>
Groups group_by(std::size_t owners, std::size_t items, OwnerOf owner_of, Include include) {
  Groups g;
  g.offsets.assign(owners + 1, 0);
  for (std::size_t i = 0; i < items; ++i)
    if (include(i)) ++g.offsets[owner_of(i) + 1];
  for (std::size_t k = 0; k < owners; ++k) g.offsets[k + 1] += g.offsets[k];
  g.members.resize(g.offsets[owners]);
  std::vector<std::uint32_t> cursor(g.offsets.begin(), g.offsets.end() - 1);
  for (std::size_t i = 0; i < items; ++i)
    if (include(i)) g.members[cursor[owner_of(i)]++] = static_cast<std::uint32_t>(i);
  return g;
}

}  // namespace orderlens
