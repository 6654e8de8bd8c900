#include "clv/clv_analysis.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace orderlens::clv {

namespace {

constexpr double kDaysPerMonth = 365.25 / 12;

PredictionOptions prediction_options(const ClvOptions& o) {
  PredictionOptions p;
  p.horizon_months = o.horizon_months;
  p.month_length = kDaysPerMonth / days_per_unit(o.unit);
  p.monthly_discount_rate = o.monthly_discount_rate;
  p.margin = o.margin;
  p.churn_window = o.churn_window_days / days_per_unit(o.unit);
  return p;
}

FitOptions fit_options(const ClvOptions& o) {
  FitOptions f;
  f.penalizer = o.penalizer;
  return f;
}

std::optional<SpendFit> fit_spend_if_possible(const SpendRows& rows, const ClvOptions& o) {
  if (!o.spend_model || rows.customers < 2) return std::nullopt;
  return fit_spend(rows, fit_options(o));
}

std::optional<SpendParams> usable(const std::optional<SpendFit>& fit) {
  if (!fit || fit->report.status != FitStatus::Converged || !(fit->params.q > 1)) return std::nullopt;
  return fit->params;
}

}  // namespace

double spend_frequency_correlation(const SpendRows& rows) {
  const double n = rows.customers;
  if (n < 2) return std::numeric_limits<double>::quiet_NaN();
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < rows.x.size(); ++i) mx += rows.weight[i] * rows.x[i], my += rows.weight[i] * rows.spend[i];
  mx /= n, my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < rows.x.size(); ++i) {
    const double dx = rows.x[i] - mx, dy = rows.spend[i] - my;
    sxy += rows.weight[i] * dx * dy;
    sxx += rows.weight[i] * dx * dx;
    syy += rows.weight[i] * dy * dy;
  }
  return sxy / std::sqrt(sxx * syy);
}

ClvAnalysis analyze_clv(const Dataset& ds, const ClvOptions& o) {
  ClvAnalysis a;
  SummaryOptions so;
  so.unit = o.unit;
  so.end_day = o.end_day;
  a.summary = summarize_customers(ds, so);
  const CustomerSummary& s = a.summary;
  if (s.size() == 0) throw std::invalid_argument("no customer has a purchase up to the end date: there is nothing to model");
  a.sufficiency = check_sufficiency(ds, s);

  std::vector<std::uint32_t> row_of;
  const RfmRows rows = compress_rfm(s.frequency, s.recency, s.T, &row_of);
  a.fit = fit_transactions(o.model, rows, fit_options(o));
  const SpendRows spend_rows = compress_spend(s.frequency, s.monetary);
  a.spend_fit = fit_spend_if_possible(spend_rows, o);
  a.spend_frequency_correlation = spend_frequency_correlation(spend_rows);

  double revenue = 0, orders = 0, customer_years = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    revenue += s.net_revenue[i];
    orders += s.orders[i];
    customer_years += (s.end_day - s.first_day[i] + 1) / 365.25;
  }
  const double mean_order_value = orders > 0 ? revenue / orders : 0;
  a.predictions = predict_customers(a.fit.params, usable(a.spend_fit), rows, row_of, s.frequency, s.monetary,
                                    mean_order_value, prediction_options(o));

  // The simple formula CLV: AOV × purchases per year × lifespan × margin, per customer, with a
  // customer's purchase rate over their tenure so far (at least a month, so a first-week buyer is
  // not extrapolated from a few days).
  a.formula_clv.resize(s.size());
  Aggregates& t = a.totals;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double tenure_years = std::max((s.end_day - s.first_day[i] + 1) / 365.25, 1.0 / 12);
    a.formula_clv[i] = s.aov[i] * (s.orders[i] / tenure_years) * o.lifespan_years * o.margin;
    t.historic_revenue += s.net_revenue[i];
    t.expected_purchases += a.predictions.expected_purchases[i];
    t.clv += a.predictions.clv[i];
    t.expected_active += a.predictions.p_alive[i];
    t.formula_clv += a.formula_clv[i];
  }
  t.customers = static_cast<double>(s.size());
  t.mean_clv = t.clv / t.customers;
  t.mean_p_alive = t.expected_active / t.customers;
  t.formula_clv /= t.customers;
  t.mean_order_value = mean_order_value;
  t.orders_per_customer_year = customer_years > 0 ? orders / customer_years : 0;

  if (o.calibration_end) {
    if (*o.calibration_end >= s.end_day)
      throw std::invalid_argument("the calibration end must be before the end of the data, which is day " + std::to_string(s.end_day));
    SummaryOptions co = so;
    co.end_day = *o.calibration_end;
    const CustomerSummary cal = summarize_customers(ds, co);
    if (cal.size() == 0) throw std::invalid_argument("no customer has a purchase up to the calibration end");
    a.calibration_fit = fit_transactions(o.model, compress_rfm(cal.frequency, cal.recency, cal.T), fit_options(o));
    a.holdout = evaluate_holdout(ds, cal, a.calibration_fit->params, s.end_day);
  }
  return a;
}

ArrayClvResult analyze_clv_arrays(std::span<const double> frequency, std::span<const double> recency,
                                  std::span<const double> T, std::span<const double> monetary, const ClvOptions& o) {
  if (frequency.empty()) throw std::invalid_argument("no customers given");
  if (!monetary.empty() && monetary.size() != frequency.size())
    throw std::invalid_argument("monetary must have one value per customer, or none");
  ArrayClvResult r;
  std::vector<std::uint32_t> row_of;
  const RfmRows rows = compress_rfm(frequency, recency, T, &row_of);
  r.fit = fit_transactions(o.model, rows, fit_options(o));
  if (o.spend_model && !monetary.empty()) r.spend_fit = fit_spend_if_possible(compress_spend(frequency, monetary), o);
  if (!o.predict) return r;
  double total = 0, count = 0;
  for (std::size_t i = 0; i < monetary.size(); ++i)
    if (frequency[i] > 0 && monetary[i] > 0) total += monetary[i], count += 1;
  const std::vector<double> no_spend(frequency.size(), 0.0);
  r.predictions = predict_customers(r.fit.params, usable(r.spend_fit), rows, row_of, frequency,
                                    monetary.empty() ? std::span<const double>(no_spend) : monetary,
                                    count > 0 ? total / count : 0, prediction_options(o));
  return r;
}

}  // namespace orderlens::clv
