// The fallbacks' lists: recent best sellers, overall and within each category (or vendor).
//
// recent(p) = purchase orders of the last `recent_days` days up to the end day holding p;
// all(p)    = purchase orders up to the end day holding p.
// Products sold up to the end day are ranked by recent descending, then all descending, then
// product index ascending; a product's score is recent(p) / (purchase orders of those days that
// hold a product), the share of recent orders it was in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "util/group_by.hpp"

namespace orderlens::recommend {

struct Popularity {
  std::vector<std::uint32_t> ranked;  // best first
  std::vector<double> score;          // per product
};

Popularity recent_best_sellers(const Dataset& dataset, std::int32_t end_day, std::uint32_t recent_days);

// Products grouped by category when any product has one, else by vendor, else not at all.
struct ContentGroups {
  std::string attribute;                     // "category", "vendor" or ""
  std::vector<std::string> names;            // per group
  std::vector<std::uint32_t> group_of;       // per product; kNone without one
  Groups ranked;                             // per group: its products in Popularity::ranked order
};

ContentGroups content_groups(const Dataset& dataset, const Popularity& popularity);

}  // namespace orderlens::recommend
