// CAC against LTV by acquisition channel: each customer's channel is the one of their first
// purchase (normalized, kpis/channel_names.hpp); the caller gives what each channel cost, per
// period or in total. Per channel, and per channel and acquisition period:
//   new customers; spend; CAC = spend / new customers;
//   historic revenue per acquired customer 3, 6 and 12 months after the first purchase, over
//   the customers acquired long enough ago (the first purchase's month included);
//   predicted CLV (the CLV models' discounted value of the coming months, clv/, with the
//   margin) and LTV = revenue to date x margin + predicted CLV, per customer, averaged;
// Customers are those acquired in the range (a first purchase before startDate is not an
// acquisition).
//   LTV:CAC and the payback period: the first whole month in which the revenue per acquired
//   customer, times the margin, has covered the CAC.
// Without the CLV models LTV is the longest historic window the data reach (12, 6, 3 months).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clv/clv_analysis.hpp"
#include "events/event_log.hpp"
#include "kpis/purchase_timeline.hpp"
#include "model/dataset.hpp"

namespace orderlens {

struct ChannelSpend {
  std::string channel;                // normalized like the orders' channels
  std::optional<std::int32_t> period; // absolute period number; nullopt: the whole range
  double amount = 0;
};

struct ChannelOptions {
  TimelineOptions timeline;
  std::vector<ChannelSpend> spend;
  double margin = 1;  // share of revenue that is profit, for LTV and payback
  bool predict_clv = true;
  clv::ClvOptions clv;  // margin is set from `margin`
};

inline constexpr std::array<int, 3> kHistoricMonths = {3, 6, 12};

struct HistoricRevenue {
  int months = 0;
  double customers = 0;               // acquired at least `months` whole months before the end
  std::optional<double> per_customer;  // their mean revenue in those months
};

enum class LtvBasis : std::uint8_t { Clv, Revenue12, Revenue6, Revenue3, None };
std::string_view ltv_basis_key(LtvBasis basis);  // "clv", "revenue12m", "revenue6m", "revenue3m", "none"

struct ChannelRow {
  std::string channel;
  std::optional<std::int32_t> period;  // nullopt: every period (the channel's total)
  double new_customers = 0;
  double revenue = 0;  // net revenue to date of those customers
  std::optional<double> spend, cac;
  std::array<HistoricRevenue, kHistoricMonths.size()> historic{};
  std::optional<double> predicted_clv;  // mean future value per customer
  std::optional<double> ltv;
  LtvBasis ltv_basis = LtvBasis::None;
  std::optional<double> ltv_to_cac;
  std::optional<double> payback_months;
  std::vector<double> revenue_curve;  // revenue per acquired customer through month 1, 2, ... (margin applied)
};

struct ChannelReport {
  ChannelOptions options;
  PeriodRange range;
  std::int32_t last_day = 0;
  std::vector<ChannelRow> channels;  // totals, by new customers (then name)
  std::vector<ChannelRow> rows;      // per channel and acquisition period, in channel order then period
  // The raw values behind each channel, most customers first (at most five).
  std::vector<std::vector<std::string>> raw_values;
  std::vector<std::string> unmatched_spend;  // spend channels with no customer in the data
  double channels_from_events = 0;  // customers whose channel came from the events file
  // Per customer (CustomersTable index): their row in `channels`, kNoChannel when they were not
  // acquired in the range (segment economics reads each member's CAC through it).
  std::vector<std::uint32_t> channel_of_customer;
  static constexpr std::uint32_t kNoChannel = 0xFFFFFFFFu;
  bool clv_ran = false;
  std::string clv_problem;  // why there is no predicted CLV, when there is none
};

// With an events file, a customer whose first order names no channel takes the traffic source
// of their visitor (events/visitor_join.hpp; GA4's first-touch traffic_source.source).
ChannelReport channel_report(const Dataset& dataset, const ChannelOptions& options, const EventLog* events = nullptr);
ChannelReport channel_report(const Dataset& dataset, const PurchaseTimeline& timeline, const ChannelOptions& options,
                             const EventLog* events = nullptr);

// Whole months from `from` to `to` (days): 31 Jan -> 28 Feb is 0, 31 Jan -> 1 Mar is 1.
std::int32_t whole_months_between(std::int32_t from, std::int32_t to);

}  // namespace orderlens
