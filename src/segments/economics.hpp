// What each segment is worth and what it cost to win: per group of every pack, from the members'
// history, their CLV predictions (clv/) and, when the channels' spend is given, the CAC of the
// channel each member was acquired through (kpis/channels.hpp). docs/segments.md#economics.
//
// Per group, over the members who are customers (the funnel's visitors through their customer):
//   revenuePerCustomer   historic net revenue / customers
//   meanClv              mean predicted CLV (discounted, over the horizon, × margin)
//   expectedPurchases    mean expected purchases in the horizon
//   meanPAlive           mean P(alive)
//   valueAtRisk          Σ over members of CLV_i / P(alive)_i × (1 − P(alive)_i): what a member is
//                        worth if still a customer (the models' CLV is P(alive) times that), times
//                        the chance they have already left — high CLV × low P(alive)
//   cac                  mean CAC of the members' acquisition channels (members whose channel has
//                        spend; their count is cacCustomers)
//   ltv, ltvToCac        over those same members: revenue to date × margin + CLV, and its ratio
//                        to their mean CAC (the channel report's definition, kpis/channels.hpp)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clv/customer_predictions.hpp"
#include "segments/pack.hpp"

namespace orderlens::segments {

struct GroupEconomics {
  double customers = 0;
  std::optional<double> revenue_per_customer;
  std::optional<double> mean_clv, expected_purchases, mean_p_alive, value_at_risk;
  double cac_customers = 0;
  std::optional<double> cac, ltv, ltv_to_cac;
};

// A group of a pack, in the sorted views.
struct GroupRef {
  std::uint32_t pack = 0, group = 0;  // indexes into Segmentation::packs and the pack's groups
  double value = 0;                   // what it was sorted by
};

struct SegmentEconomics {
  bool clv = false;         // the CLV columns are there
  std::string clv_problem;  // why not, when not
  bool cac = false;         // the CAC columns are there (spend was given)
  std::vector<std::vector<GroupEconomics>> packs;  // per pack, per group
  bool clv_sufficient = false;  // the data passed the CLV sufficiency checks (clv/sufficiency.hpp)
  std::vector<GroupRef> worth_most;  // groups by mean CLV per customer (without CLV: revenue per customer), highest first
  std::string worth_most_by;         // "clv" or "revenue"
  std::vector<GroupRef> at_risk;     // groups by value at risk, highest first (with CLV only)
};

struct EconomicsInputs {
  const clv::CustomerPredictions* clv = nullptr;  // per customer row of the base
  std::string clv_problem;
  const std::vector<double>* cac_of_row = nullptr;  // per customer row; NaN without a channel CAC
  double margin = 1;
  std::size_t sorted_views = 10;  // groups in each sorted view
};

// `customer_groups[p]`: pack p's group of each customer row (kNoGroup for none), as
// customer_groups_of (segmentation.hpp) gives them.
inline constexpr std::uint8_t kNoGroup = 0xFF;
SegmentEconomics segment_economics(const CustomerBase& base, const std::vector<PackResult>& packs,
                                   const std::vector<std::vector<std::uint8_t>>& customer_groups, const EconomicsInputs& in);

}  // namespace orderlens::segments
