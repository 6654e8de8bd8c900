#include "api/clv_json.hpp"

#include <cmath>
#include <string>

#include "api/analysis_options.hpp"
#include "api/report_json.hpp"
#include "api/summary_options.hpp"
#include "ingest/ingest_error.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

using nlohmann::ordered_json;
using namespace clv;

namespace {

ordered_json fit_report_json(const FitReport& r) {
  ordered_json j;
  j["status"] = fit_status_key(r.status);
  j["converged"] = r.status == FitStatus::Converged;
  j["logLikelihood"] = r.log_likelihood;
  j["iterations"] = r.iterations;
  j["evaluations"] = r.evaluations;
  j["usedFallback"] = r.used_fallback;
  j["customers"] = r.customers;
  j["distinctRows"] = r.rows;
  j["message"] = r.message;
  return j;
}

ordered_json prediction_options_json(const ClvOptions& o) {
  return {{"unit", time_unit_name(o.unit)},        {"horizonMonths", o.horizon_months},
          {"monthlyDiscountRate", o.monthly_discount_rate}, {"margin", o.margin},
          {"churnWindowDays", o.churn_window_days}, {"lifespanYears", o.lifespan_years},
          {"penalizer", o.penalizer}};
}

ordered_json notes_json(const ClvOptions& o) {
  ordered_json notes = ordered_json::array();
  if (o.model == TransactionModel::BgNbd)
    notes.push_back("BG/NBD lets customers drop out only right after a repeat purchase, so every one-time buyer has "
                    "P(alive) = 1 however long ago they bought; use MBG/NBD or Pareto/NBD, or the purchase-cycle rule, "
                    "to see old one-time buyers as lapsed.");
  return notes;
}

}  // namespace

ClvOptions parse_clv_options(std::string_view text) {
  ClvOptions o;
  const nlohmann::json j = analysis_options_object(text, "CLV");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;
    if (key == "model") {
      const auto m = v.is_string() ? model_from_key(v.get<std::string>()) : std::nullopt;
      if (!m) bad_analysis_option(key, "\"bgnbd\", \"mbgnbd\" or \"pnbd\"");
      o.model = *m;
    } else if (key == "spend") {
      const std::string s = v.is_string() ? v.get<std::string>() : "";
      if (s != "gg" && s != "none") bad_analysis_option(key, "\"gg\" (Gamma-Gamma) or \"none\"");
      o.spend_model = s == "gg";
    } else if (key == "unit") {
      o.unit = parse_unit_option(key, v);
    } else if (key == "endDate") {
      o.end_day = parse_date_option(key, v);
    } else if (key == "calibrationEnd") {
      o.calibration_end = parse_date_option(key, v);
    } else if (key == "penalizer") {
      o.penalizer = number_option(key, v, 0, 1e6, "a number >= 0");
    } else if (key == "horizonMonths") {
      o.horizon_months = static_cast<int>(number_option(key, v, 1, 1200, "a whole number of months from 1 to 1200"));
      if (o.horizon_months != v.get<double>()) bad_analysis_option(key, "a whole number of months from 1 to 1200");
    } else if (key == "monthlyDiscountRate") {
      o.monthly_discount_rate = number_option(key, v, 0, 1, "a rate from 0 to 1, e.g. 0.01 for 1% a month");
    } else if (key == "margin") {
      o.margin = number_option(key, v, 0, 1, "a share of revenue from 0 to 1");
    } else if (key == "churnWindowDays") {
      o.churn_window_days = number_option(key, v, 1, 36500, "a number of days from 1 to 36500");
    } else if (key == "predict") {
      if (!v.is_boolean()) bad_analysis_option(key, "true or false");
      o.predict = v.get<bool>();
    } else if (key == "lifespanYears") {
      o.lifespan_years = number_option(key, v, 0, 100, "a number of years from 0 to 100");
    } else {
      throw IngestError(IngestErrorCode::BadOption,
                        "options." + key + ": unknown option; expected model, spend, unit, endDate, calibrationEnd, penalizer, "
                                           "horizonMonths, monthlyDiscountRate, margin, churnWindowDays, lifespanYears or predict");
    }
  }
  return o;
}

ordered_json transaction_fit_json(const TransactionFit& fit) {
  ordered_json j;
  j["model"] = model_key(fit.params.model);
  const auto names = parameter_names(fit.params.model);
  const auto values = fit.params.values();
  ordered_json params, errors;
  for (std::size_t i = 0; i < 4; ++i) {
    params[std::string(names[i])] = values[i];
    errors[std::string(names[i])] = fit.std_errors[i];
  }
  j["params"] = params;
  j["stdErrors"] = errors;
  j.update(fit_report_json(fit.report));
  return j;
}

ordered_json spend_fit_json(const SpendFit& fit) {
  ordered_json j;
  j["model"] = "gg";
  j["params"] = {{"p", fit.params.p}, {"q", fit.params.q}, {"v", fit.params.v}};
  j["stdErrors"] = {{"p", fit.std_errors[0]}, {"q", fit.std_errors[1]}, {"v", fit.std_errors[2]}};
  j["populationMeanSpend"] = fit.params.q > 1 ? fit.params.p * fit.params.v / (fit.params.q - 1) : NAN;
  j.update(fit_report_json(fit.report));
  j["excludedNonPositive"] = fit.excluded_non_positive;
  return j;
}

ordered_json clv_json(const ClvAnalysis& a, const ClvOptions& o) {
  ordered_json j;
  j["endDate"] = format_iso_date(a.summary.end_day);
  j["options"] = prediction_options_json(o);
  ordered_json checks = ordered_json::array();
  for (const SufficiencyCheck& c : a.sufficiency.checks)
    checks.push_back({{"key", c.key}, {"value", c.value}, {"required", c.required}, {"passed", c.passed}, {"message", c.message}});
  j["sufficiency"] = {{"sufficient", a.sufficiency.sufficient}, {"checks", checks}};
  j["transactions"] = transaction_fit_json(a.fit);
  j["spend"] = a.spend_fit ? spend_fit_json(*a.spend_fit) : ordered_json();
  j["spendFrequencyCorrelation"] = a.spend_frequency_correlation;
  const Aggregates& t = a.totals;
  j["totals"] = {{"customers", t.customers},
                 {"historicRevenue", t.historic_revenue},
                 {"expectedPurchases", t.expected_purchases},
                 {"clv", t.clv},
                 {"meanClv", t.mean_clv},
                 {"meanPAlive", t.mean_p_alive},
                 {"expectedActiveCustomers", t.expected_active},
                 {"meanFormulaClv", t.formula_clv},
                 {"meanOrderValue", t.mean_order_value},
                 {"ordersPerCustomerYear", t.orders_per_customer_year},
                 {"purchaseDistribution", a.predictions.purchase_distribution}};
  if (a.holdout) {
    const HoldoutReport& h = *a.holdout;
    ordered_json buckets = ordered_json::array(), tracking = ordered_json::array();
    for (const HoldoutBucket& b : h.buckets)
      buckets.push_back({{"frequency", b.frequency}, {"customers", b.customers}, {"actual", b.actual}, {"predicted", b.predicted}});
    for (const TrackingWeek& w : h.tracking)
      tracking.push_back({{"week", w.week}, {"date", format_iso_date(w.day)}, {"actual", w.actual}, {"expected", w.expected}});
    j["holdout"] = {{"calibrationEnd", format_iso_date(h.calibration_end)},
                    {"end", format_iso_date(h.end)},
                    {"length", h.length},
                    {"transactions", transaction_fit_json(*a.calibration_fit)},
                    {"customers", h.customers},
                    {"actualPurchases", h.actual_total},
                    {"predictedPurchases", h.predicted_total},
                    {"meanAbsoluteError", h.mean_absolute_error},
                    {"byFrequency", buckets},
                    {"tracking", tracking}};
  } else {
    j["holdout"] = ordered_json();
  }
  j["notes"] = notes_json(o);
  return j;
}

ordered_json clv_arrays_json(const ArrayClvResult& r, const ClvOptions& o) {
  ordered_json j;
  j["options"] = prediction_options_json(o);
  j["transactions"] = transaction_fit_json(r.fit);
  j["spend"] = r.spend_fit ? spend_fit_json(*r.spend_fit) : ordered_json();
  j["purchaseDistribution"] = r.predictions.purchase_distribution;
  j["notes"] = notes_json(o);
  return j;
}

std::optional<std::int32_t> next_order_day(const ClvAnalysis& a, std::size_t i) {
  const double days_ahead = a.predictions.next_purchase_in[i] * days_per_unit(a.summary.unit);
  if (!(days_ahead <= 36525)) return std::nullopt;
  return a.summary.end_day + static_cast<std::int32_t>(std::lround(days_ahead));
}

ordered_json clv_customers_json(const Dataset& ds, const ClvAnalysis& a) {
  ordered_json out = customers_json(ds, a.summary);
  const CustomerPredictions& p = a.predictions;
  for (std::size_t i = 0; i < out.size(); ++i) {
    ordered_json& c = out[i];
    c["pAlive"] = p.p_alive[i];
    c["expectedPurchases"] = p.expected_purchases[i];
    c["expectedSpend"] = p.expected_spend[i];
    c["clv"] = p.clv[i];
    c["churnProbability"] = p.churn_probability[i];
    const auto next = next_order_day(a, i);
    c["nextOrderDate"] = next ? ordered_json(format_iso_date(*next)) : ordered_json();
    c["historicClv"] = a.summary.net_revenue[i];
    c["formulaClv"] = a.formula_clv[i];
  }
  return out;
}

}  // namespace orderlens
