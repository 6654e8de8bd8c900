// Validation on a holdout period: the model fitted on the purchases up to a calibration end
// predicts each customer's repeat purchases after it; the report compares with what they did.
// As in Fader, Hardie & Lee (2005): mean predicted vs actual holdout purchases per calibration
// frequency (0, 1, …, 6, 7+), the mean absolute error per customer, and cumulative repeat
// purchases week by week (actual vs the model's unconditional expectation summed over customers)
// for a tracking plot.
#pragma once

#include <cstdint>
#include <vector>

#include "clv/models.hpp"
#include "model/customer_summary.hpp"
#include "model/dataset.hpp"

namespace orderlens::clv {

struct HoldoutBucket {
  int frequency = 0;  // calibration repeat purchases; the last bucket is "this many or more"
  double customers = 0;
  double actual = 0;     // mean holdout purchases
  double predicted = 0;  // mean conditional expectation
};

struct TrackingWeek {
  int week = 0;            // 1 = the week starting on the cohort's first purchase day
  std::int32_t day = 0;    // its last day
  double actual = 0;       // cumulative repeat purchases (distinct days) of the cohort
  double expected = 0;
};

struct HoldoutReport {
  std::int32_t calibration_end = 0;
  std::int32_t end = 0;
  double length = 0;  // in the model's unit
  double customers = 0;
  double actual_total = 0;
  double predicted_total = 0;
  double mean_absolute_error = 0;
  std::vector<HoldoutBucket> buckets;
  std::vector<TrackingWeek> tracking;
};

// `calibration`: the summary at the calibration end (the cohort); `params`: fitted on it.
HoldoutReport evaluate_holdout(const Dataset& dataset, const CustomerSummary& calibration, const TransactionParams& params,
                               std::int32_t end_day);

}  // namespace orderlens::clv
