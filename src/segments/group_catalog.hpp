// The built-in packs' groups: stable keys, names and suggested campaigns in English and Korean,
// in the words of the CRM playbook the packs come from (docs/segments.md cites each rule).
#pragma once

#include <vector>

#include "segments/pack.hpp"

namespace orderlens::segments {

enum class CatalogPack { RfmGrid, RfmShopify, Repurchase, Funnel, Cycle, CrossSell, BoughtItem, Tiers };

// The groups of a pack, in the order of its group indices.
std::vector<GroupDefinition> catalog_groups(CatalogPack pack);

// The group custom rules leave unmatched customers in.
GroupDefinition unmatched_group();

}  // namespace orderlens::segments
