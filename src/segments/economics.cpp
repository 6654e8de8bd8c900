#include "segments/economics.hpp"

#include <algorithm>
#include <cmath>

namespace orderlens::segments {

namespace {

struct Sums {
  double customers = 0, revenue = 0, clv = 0, purchases = 0, p_alive = 0, at_risk = 0;
  double cac_customers = 0, cac = 0, ltv = 0;
};

std::optional<double> mean(double sum, double count) {
  if (count <= 0) return std::nullopt;
  return sum / count;
}

// CLV_i / P(alive)_i × (1 − P(alive)_i); a customer the models think certainly gone (P(alive)
// 0, so CLV 0) has nothing left to lose.
double value_at_risk(double clv, double p_alive) {
  if (!(p_alive > 0) || !std::isfinite(clv)) return 0;
  return clv / p_alive * (1 - p_alive);
}

std::vector<GroupRef> top_groups(const SegmentEconomics& e, std::size_t limit,
                                 const std::optional<double> GroupEconomics::*field) {
  std::vector<GroupRef> refs;
  for (std::uint32_t p = 0; p < e.packs.size(); ++p)
    for (std::uint32_t g = 0; g < e.packs[p].size(); ++g)
      if (const std::optional<double>& v = e.packs[p][g].*field; v && e.packs[p][g].customers > 0) refs.push_back({p, g, *v});
  // Ties keep the packs' order: the views must not depend on the sort's whims.
  std::stable_sort(refs.begin(), refs.end(), [](const GroupRef& a, const GroupRef& b) { return a.value > b.value; });
  if (refs.size() > limit) refs.resize(limit);
  return refs;
}

}  // namespace

SegmentEconomics segment_economics(const CustomerBase& base, const std::vector<PackResult>& packs,
                                   const std::vector<std::vector<std::uint8_t>>& customer_groups, const EconomicsInputs& in) {
  SegmentEconomics out;
  const clv::CustomerPredictions* clv = in.clv && in.clv->clv.size() == base.size() ? in.clv : nullptr;
  out.clv = clv != nullptr;
  out.clv_problem = out.clv ? "" : in.clv_problem.empty() ? "the CLV models did not run" : in.clv_problem;
  const std::vector<double>* cac = in.cac_of_row && in.cac_of_row->size() == base.size() ? in.cac_of_row : nullptr;
  out.cac = cac != nullptr;

  for (std::size_t p = 0; p < packs.size(); ++p) {
    std::vector<Sums> sums(packs[p].groups.size());
    const std::vector<std::uint8_t>& group_of = customer_groups[p];
    for (std::size_t row = 0; row < base.size(); ++row) {
      const std::uint8_t g = group_of[row];
      if (g == kNoGroup || g >= sums.size()) continue;
      Sums& s = sums[g];
      const double revenue = base.summary.net_revenue[row];
      ++s.customers;
      s.revenue += revenue;
      if (clv) {
        s.clv += clv->clv[row];
        s.purchases += clv->expected_purchases[row];
        s.p_alive += clv->p_alive[row];
        s.at_risk += value_at_risk(clv->clv[row], clv->p_alive[row]);
      }
      if (cac && std::isfinite((*cac)[row])) {
        ++s.cac_customers;
        s.cac += (*cac)[row];
        s.ltv += revenue * in.margin + (clv ? clv->clv[row] : 0);
      }
    }
    std::vector<GroupEconomics>& groups = out.packs.emplace_back(sums.size());
    for (std::size_t g = 0; g < sums.size(); ++g) {
      const Sums& s = sums[g];
      GroupEconomics& e = groups[g];
      e.customers = s.customers;
      e.revenue_per_customer = mean(s.revenue, s.customers);
      if (clv) {
        e.mean_clv = mean(s.clv, s.customers);
        e.expected_purchases = mean(s.purchases, s.customers);
        e.mean_p_alive = mean(s.p_alive, s.customers);
        e.value_at_risk = s.customers > 0 ? std::optional<double>(s.at_risk) : std::nullopt;
      }
      if (cac) {
        e.cac_customers = s.cac_customers;
        e.cac = mean(s.cac, s.cac_customers);
        e.ltv = mean(s.ltv, s.cac_customers);
        if (e.cac && e.ltv && *e.cac > 0) e.ltv_to_cac = *e.ltv / *e.cac;
      }
    }
  }
  // Without the models the groups worth most are those whose customers spent most so far.
  out.worth_most_by = clv ? "clv" : "revenue";
  out.worth_most = top_groups(out, in.sorted_views, clv ? &GroupEconomics::mean_clv : &GroupEconomics::revenue_per_customer);
  if (clv) out.at_risk = top_groups(out, in.sorted_views, &GroupEconomics::value_at_risk);
  return out;
}

}  // namespace orderlens::segments
