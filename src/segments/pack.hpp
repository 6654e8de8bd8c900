// The result of one segment pack: its groups (key, name and suggested campaign in English and
// Korean), which group each member falls in, per-group totals, and per-member columns for export.
// Every member lands in exactly one group of a pack.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "segments/customer_base.hpp"

namespace orderlens::segments {

struct Text {
  std::string en;
  std::string ko;
};

struct GroupDefinition {
  std::string key;  // stable: "champions", "just_bought", ...
  Text name;
  std::string campaign_key;  // stable: "vip_rewards", ...
  Text campaign;
};

struct GroupTotals {
  std::uint64_t members = 0;    // customers (visitors for the funnel pack)
  std::uint64_t customers = 0;  // members with a purchase (joined to a customer)
  std::uint64_t orders = 0;
  double revenue = 0;           // net, of the members' customers
  double recency_days_sum = 0;  // over the members with a purchase
};

// A number per member, exported beside the group (RFM scores, cycle length, tier rank, ...).
struct MemberColumn {
  std::string key;
  std::vector<double> values;
};

struct PackResult {
  std::string key;  // "rfm", "repurchase", "funnel", "cycle", "crosssell", "tiers", "custom"
  std::vector<GroupDefinition> groups;
  std::vector<std::uint8_t> group_of;  // per member: customer rows of the base (funnel: visitors)
  std::vector<GroupTotals> totals;
  std::vector<MemberColumn> columns;
  nlohmann::ordered_json details = nlohmann::ordered_json::object();  // thresholds and choices made
  std::vector<std::string> notes;

  std::size_t group_index(std::string_view group_key) const;  // groups.size() when absent
};

// A pack over the customer rows of `base`: fills totals from group_of.
void tally_customers(PackResult& pack, const CustomerBase& base);

}  // namespace orderlens::segments
