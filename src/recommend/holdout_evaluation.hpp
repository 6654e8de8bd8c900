// Holdout evaluation: the model fitted on the calibration period (purchases up to its end) is
// judged on what each customer actually bought after it.
//
// Customers evaluated: those with a purchase in the calibration period and at least one product
// bought in the holdout (purchases after the calibration end). H = their distinct holdout
// products (re-purchases included: a list that can never hold them is judged on them too);
// R@k = the first k recommendations (the popularity baseline: the k recent best sellers they
// have not bought). Per customer hit@k = 1 when R@k ∩ H is not empty, precision@k =
// |R@k ∩ H| / k, recall@k = |R@k ∩ H| / |H|; the figures are means over the customers.
// Coverage@k = distinct products in any evaluated customer's R@k / products sold in the
// calibration period.
#pragma once

#include <optional>

#include "recommend/recommend.hpp"
#include "recommend/recommender.hpp"
#include "recommend/segment_membership.hpp"

namespace orderlens::recommend {

Evaluation evaluate_holdout(const Dataset& dataset, const RecommenderModel& model,
                            const std::optional<SegmentMembership>& segments);

}  // namespace orderlens::recommend
