// Which segment group each customer is in, read through the segmentation (segments/): the
// recommendations of one segment, and the holdout figures per group.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "segments/rules.hpp"

namespace orderlens::recommend {

struct SegmentMembership {
  std::string pack;
  std::vector<std::string> group_keys;
  std::vector<std::uint32_t> group_of_customer;  // per CustomersTable index; kNone outside the base
  std::optional<std::uint32_t> only_group;       // "pack.group": that group
};

// `segment` is "pack" or "pack.group" ("custom..." with `rules`). Throws IngestError(BadOption)
// "options.segment: ..." for a pack or group that does not exist, and for the funnel pack (its
// members are website visitors, not customers).
SegmentMembership segment_membership(const Dataset& dataset, const std::string& segment,
                                     const std::optional<segments::RuleSet>& rules, std::int32_t end_day);

}  // namespace orderlens::recommend
