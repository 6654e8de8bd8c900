// The CRM playbook's four repurchase groups: purchases <= 2 vs >= 3, crossed with total net
// revenue below vs at-or-above the mean total revenue of the customers with <= 2 purchases.
// With no customer at <= 2 purchases the threshold is 0.
#pragma once

#include "segments/pack.hpp"

namespace orderlens::segments {

PackResult repurchase_pack(const CustomerBase& base);

}  // namespace orderlens::segments
