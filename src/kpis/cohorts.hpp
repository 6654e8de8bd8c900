// Acquisition cohorts: customers grouped by the period of their first purchase (or by their
// first order's product, channel or coupon), followed period by period after it. Customers who
// first bought before the range (startDate) belong to no cohort. Age k of a
// customer is the k-th period after the one of their first purchase (age 0: that period).
//
// A cohort cell counts only the customers whose age k the data reach (first period + k <= the
// last period): every member for a period cohort, the customers acquired early enough for a
// product, channel or coupon cohort. Cells past the end of the data are not written. A cell in
// the last period, when the data end inside it, is flagged partial.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kpis/purchase_timeline.hpp"
#include "model/dataset.hpp"

namespace orderlens {

enum class CohortBy : std::uint8_t { FirstPeriod, FirstProduct, FirstChannel, FirstCoupon };
std::string_view cohort_by_key(CohortBy by);  // "firstPeriod", "firstProduct", "firstChannel", "firstCoupon"
std::optional<CohortBy> cohort_by_from_key(std::string_view key);

struct CohortOptions {
  TimelineOptions timeline;  // period: month or week
  CohortBy by = CohortBy::FirstPeriod;
  std::uint32_t max_cohorts = 20;  // product / channel / coupon cohorts: the largest, the rest as "other" (0: all)
  std::uint32_t max_age = 0;       // cells per cohort (0: all)
};

struct CohortCell {
  std::uint32_t age = 0;
  double observed = 0;  // customers whose age `age` the data reach
  double active = 0;    // ... who bought in that period
  double orders = 0;
  double revenue = 0;
  double repeat_customers = 0;  // ... with a second purchase by the end of that period
  double cumulative_revenue = 0;  // their revenue from their first purchase through that period
  bool partial = false;
  // active / observed, repeat / observed, cumulative revenue / observed.
  double active_rate() const { return observed ? active / observed : 0; }
  double repeat_rate() const { return observed ? repeat_customers / observed : 0; }
  double revenue_per_customer() const { return observed ? cumulative_revenue / observed : 0; }
};

struct Cohort {
  std::string key;    // period label, product, channel or coupon ("" for none)
  std::string label;  // display: the product's name for a product cohort
  bool other = false;  // the cohorts past max_cohorts, together (key "(other)")
  std::int32_t first_period = 0;  // period cohorts: the absolute period number
  double customers = 0;
  std::vector<CohortCell> cells;
};

struct CohortTable {
  CohortOptions options;
  PeriodRange range;
  double customers = 0;
  std::vector<Cohort> cohorts;
};

CohortTable cohort_table(const Dataset& dataset, const CohortOptions& options);
CohortTable cohort_table(const Dataset& dataset, const PurchaseTimeline& timeline, const CohortOptions& options);

}  // namespace orderlens
