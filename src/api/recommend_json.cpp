#include "api/recommend_json.hpp"

#include "api/analysis_options.hpp"
#include "api/summary_options.hpp"
#include "recommend/reason_text.hpp"
#include "util/civil_date.hpp"
#include "util/json_keys.hpp"

namespace orderlens {

using nlohmann::ordered_json;
using namespace recommend;

RecommendOptions parse_recommend_options(std::string_view text) {
  RecommendOptions o;
  const nlohmann::json j = analysis_options_object(text, "recommend");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;
    if (key == "topN") {
      o.top_n = static_cast<std::uint32_t>(whole_number_option(v, key, 1, 100));
    } else if (key == "endDate" || key == "calibrationEnd") {
      if (o.end_day) bad_analysis_option(key, "either endDate or calibrationEnd, not both");
      o.end_day = parse_date_option(key, v);
      o.evaluate = key == "calibrationEnd";
    } else if (key == "minCount") {
      o.min_count = static_cast<std::uint32_t>(whole_number_option(v, key, 1, 1000000000));
    } else if (key == "shrinkage") {
      o.shrinkage = number_option(key, v, 0, 1e6, "a number from 0 to 1000000");
    } else if (key == "neighbours") {
      o.neighbours = static_cast<std::uint32_t>(whole_number_option(v, key, 1, 1000));
    } else if (key == "popularityWeight") {
      o.popularity_weight = number_option(key, v, 0, 1e6, "a number from 0 to 1000000");
    } else if (key == "recentDays") {
      o.recent_days = static_cast<std::uint32_t>(whole_number_option(v, key, 1, 36500));
    } else if (key == "reorder") {
      if (!v.is_object()) bad_analysis_option(key, "an object {minCustomers, minShare}");
      if (const auto k = unknown_key(v, {"minCustomers", "minShare"})) bad_analysis_option("reorder." + *k, "no such option here; expected minCustomers or minShare");
      if (v.contains("minCustomers")) o.reorder_min_customers = static_cast<std::uint32_t>(whole_number_option(v["minCustomers"], "reorder.minCustomers", 1, 1000000000));
      if (v.contains("minShare")) o.reorder_min_share = number_option("reorder.minShare", v["minShare"], 0, 1, "a number from 0 to 1");
    } else if (key == "segment") {
      if (!v.is_string() || v.get<std::string>().empty()) bad_analysis_option(key, "a pack or group key such as \"rfm\" or \"rfm.champions\"");
      o.segment = v.get<std::string>();
    } else if (key == "rules") {
      o.rules = segments::parse_rules(v);
    } else {
      bad_analysis_option(key, "no such option; expected topN, endDate, calibrationEnd, minCount, shrinkage, neighbours, popularityWeight, recentDays, reorder, segment or rules");
    }
  }
  if (o.rules && !o.segment) o.segment = "custom";
  return o;
}

namespace {

ordered_json metrics_json(const Metrics& m) {
  return {{"hitRate", m.hit_rate}, {"precision", m.precision}, {"recall", m.recall}, {"coverage", m.coverage}};
}

ordered_json evaluation_json(const Evaluation& e) {
  ordered_json groups = ordered_json::array();
  for (const EvaluationGroup& g : e.groups)
    groups.push_back({{"key", g.key},
                      {"customers", g.customers},
                      {"at5", {{"recommender", metrics_json(g.recommender_at5)}, {"baseline", metrics_json(g.baseline_at5)}}},
                      {"at10", {{"recommender", metrics_json(g.recommender_at10)}, {"baseline", metrics_json(g.baseline_at10)}}}});
  return {{"calibrationEnd", format_iso_date(e.calibration_end)},
          {"holdoutEnd", format_iso_date(e.holdout_end)},
          {"pack", e.pack},
          {"groups", groups}};
}

constexpr Reason kReasons[] = {Reason::Reorder, Reason::ReorderTypical, Reason::BoughtNext, Reason::AlsoBought,
                               Reason::FavouriteCategory, Reason::FavouriteVendor, Reason::BestSeller};

}  // namespace

ordered_json recommend_json_head(const RecommendResult& r) {
  ordered_json out;
  out["endDate"] = format_iso_date(r.end_day);
  out["calibration"] = r.evaluation.has_value();
  out["topN"] = r.top_n;
  out["recentDays"] = r.recent_days;
  out["segment"] = r.segment ? ordered_json(*r.segment) : ordered_json();
  out["groups"] = r.group_keys;
  out["model"] = {{"coPurchasePairs", r.model.co_purchase_pairs},
                  {"sequencePairs", r.model.sequence_pairs},
                  {"consumables", r.model.consumables},
                  {"contentAttribute", r.model.content_attribute.empty() ? ordered_json() : ordered_json(r.model.content_attribute)}};
  ordered_json reasons = ordered_json::object();
  for (Reason reason : kReasons) {
    const ReasonTemplate t = reason_template(reason);
    reasons[std::string(reason_key(reason))] = {{"en", t.en}, {"ko", t.ko}};
  }
  out["reasons"] = reasons;
  out["customerCount"] = r.lists.size();
  out["evaluation"] = r.evaluation ? evaluation_json(*r.evaluation) : ordered_json();
  out["notes"] = r.notes;
  return out;
}

ordered_json recommend_json(const Dataset& ds, const RecommendResult& r) {
  ordered_json out = recommend_json_head(r);
  const auto key_of = [&](std::uint32_t p) { return std::string(ds.product_keys.view(ds.products.key[p])); };
  const auto name_of = [&](std::uint32_t p) {
    const std::string_view name = ds.text.view(ds.products.name[p]);
    return name.empty() ? key_of(p) : std::string(name);
  };
  ordered_json customers = ordered_json::array();
  const RecommendationLists& lists = r.lists;
  for (std::size_t row = 0; row < lists.size(); ++row) {
    const std::uint32_t c = lists.customer[row];
    ordered_json customer;
    customer["id"] = ds.customer_keys.view(ds.customers.key[c]);
    customer["email"] = ds.email_of(c);
    if (!lists.group.empty()) customer["group"] = r.group_keys[lists.group[row]];
    ordered_json items = ordered_json::array();
    for (std::uint32_t i = lists.offsets[row]; i < lists.offsets[row + 1]; ++i) {
      const Recommendation& rec = lists.items[i];
      const bool by_content = rec.reason == Reason::FavouriteCategory || rec.reason == Reason::FavouriteVendor;
      const std::string because = rec.because == kNone ? "" : by_content ? r.model.content_names[rec.because] : name_of(rec.because);
      const std::string days = reason_days(rec, r.recent_days);
      const std::string name = name_of(rec.product);
      const ReasonTemplate t = reason_template(rec.reason);
      items.push_back({{"product", key_of(rec.product)},
                       {"name", name},
                       {"score", rec.score},
                       {"reason", reason_key(rec.reason)},
                       {"because", rec.because == kNone ? ordered_json() : ordered_json(by_content ? because : key_of(rec.because))},
                       {"intervalDays", static_cast<double>(rec.interval_days)},
                       {"daysSince", rec.days_since},
                       {"text", {{"en", fill_reason(t.en, name, because, days)}, {"ko", fill_reason(t.ko, name, because, days)}}}});
    }
    customer["recommendations"] = items;
    customers.push_back(customer);
  }
  out["customers"] = customers;
  return out;
}

}  // namespace orderlens
