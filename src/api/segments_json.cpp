#include "api/segments_json.hpp"

#include "api/readiness_json.hpp"

#include <cmath>

#include "api/affinity_json.hpp"
#include "api/analysis_options.hpp"
#include "api/channels_json.hpp"
#include "api/optional_json.hpp"
#include "api/clv_json.hpp"
#include "api/summary_options.hpp"
#include "util/civil_date.hpp"
#include "util/json_keys.hpp"

namespace orderlens {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using namespace segments;

// The object under `key`, with only the keys in `allowed`.
const json& sub_object(const json& v, const std::string& key, std::initializer_list<const char*> allowed) {
  if (!v.is_object()) bad_analysis_option(key, "an object");
  if (const auto k = unknown_key(v, allowed)) bad_analysis_option(key + "." + *k, "no such option here; expected " + key_list(allowed));
  return v;
}

ItemRef item_option(const json& v, const std::string& key) {
  ItemRefProblem problem;
  const std::optional<ItemRef> item = item_ref_from_json(v, problem);
  if (!item) bad_analysis_option(problem.key.empty() ? key : key + "." + problem.key, problem.expected);
  return *item;
}

}  // namespace

SegmentationOptions parse_segmentation_options(std::string_view text) {
  SegmentationOptions o;
  const nlohmann::json j = analysis_options_object(text, "segment");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;
    if (key == "endDate") {
      o.end_day = parse_date_option(key, v);
    } else if (key == "packs") {
      const json list = v.is_string() ? json::array({v}) : v;
      if (!list.is_array()) bad_analysis_option(key, "a pack name or an array of them");
      for (const json& p : list) {
        if (!p.is_string()) bad_analysis_option(key, "pack names (texts)");
        o.packs.push_back(p.get<std::string>());
      }
    } else if (key == "rfm") {
      for (const auto& [k, x] : sub_object(v, key, {"scheme", "frequencyScores"}).items()) {
        if (k == "scheme")
          o.rfm.scheme = choice_option(x, "rfm.scheme", {"rf_grid", "shopify"}) == "shopify" ? RfmScheme::Shopify : RfmScheme::RfGrid;
        else {
          const std::string f = choice_option(x, "rfm.frequencyScores", {"auto", "quintile", "absolute"});
          o.rfm.frequency = f == "auto" ? FrequencyScoring::Auto : f == "quintile" ? FrequencyScoring::Quintile : FrequencyScoring::Absolute;
        }
      }
    } else if (key == "cycle") {
      for (const auto& [k, x] : sub_object(v, key, {"cutoffDays", "cutoffMonths"}).items()) {
        if (k == "cutoffDays") o.cycle.cutoff_days = whole_number_option(x, "cycle.cutoffDays", 1, 36500);
        else o.cycle.cutoff_months = whole_number_option(x, "cycle.cutoffMonths", 1, 1200);
      }
      if (o.cycle.cutoff_days && o.cycle.cutoff_months) bad_analysis_option("cycle", "either cutoffDays or cutoffMonths, not both");
    } else if (key == "tiers") {
      for (const auto& [k, x] : sub_object(v, key, {"revenueWeight"}).items()) {
        if (!x.is_number() || x.get<double>() < 0 || x.get<double>() > 1) bad_analysis_option("tiers." + k, "a number from 0 to 1");
        o.tiers.revenue_weight = x.get<double>();
      }
    } else if (key == "crossSell") {
      const json& c = sub_object(v, key, {"a", "b", "months"});
      if (!c.contains("a")) bad_analysis_option("crossSell.a", "the product or category A, such as {\"sku\": \"A-1\"}");
      CrossSellOptions cs;
      cs.a = item_option(c["a"], "crossSell.a");
      if (c.contains("b") && !c["b"].is_null()) cs.b = item_option(c["b"], "crossSell.b");
      if (c.contains("months")) cs.months = whole_number_option(c["months"], "crossSell.months", 1, 1200);
      o.cross_sell = cs;
    } else if (key == "rules") {
      o.rules = parse_rules(v);
    } else if (key == "minSize") {
      o.min_size = static_cast<std::uint64_t>(whole_number_option(v, key, 0, 1000000000));
    } else if (key == "affinity") {
      if (v.is_boolean()) {
        if (v.get<bool>()) o.affinity = AffinityOptions{};
      } else {
        if (!v.is_object()) bad_analysis_option(key, "true or an object of affinity options");
        o.affinity = parse_affinity_options(v.dump());
      }
    } else if (key == "clv") {
      if (!v.is_object()) bad_analysis_option(key, "an object of CLV options");
      o.clv = parse_clv_options(v.dump());
    } else if (key == "economics") {
      if (!v.is_boolean()) bad_analysis_option(key, "true or false");
      o.economics = v.get<bool>();
    } else if (key == "channels") {
      if (!v.is_object()) bad_analysis_option(key, "an object of channel options (spend, margin, ...), as for the channel report");
      o.channels = parse_channel_options(v.dump());
    } else {
      bad_analysis_option(key, "no such option; expected endDate, packs, rfm, cycle, tiers, crossSell, rules, minSize, affinity, "
                               "clv, economics or channels");
    }
  }
  return o;
}

namespace {

ojson text_json(const Text& t) { return ojson{{"en", t.en}, {"ko", t.ko}}; }

double share(double part, double whole) { return whole != 0 ? part / whole : 0.0; }

// The CLV columns when the models ran, the CAC columns when spend was given; absent otherwise.
void add_group_economics(ojson& group, const SegmentEconomics& all, const GroupEconomics& e) {
  if (all.clv) {
    group["meanClv"] = optional_number(e.mean_clv);
    group["expectedPurchases"] = optional_number(e.expected_purchases);
    group["meanPAlive"] = optional_number(e.mean_p_alive);
    group["valueAtRisk"] = optional_number(e.value_at_risk);
  }
  if (all.cac) {
    group["cacCustomers"] = e.cac_customers;
    group["cac"] = optional_number(e.cac);
    group["ltv"] = optional_number(e.ltv);
    group["ltvToCac"] = optional_number(e.ltv_to_cac);
  }
}

ojson economics_json(const SegmentEconomics& e, const Segmentation& result) {
  auto view = [&](const std::vector<GroupRef>& refs, const char* value_key) {
    ojson list = ojson::array();
    for (const GroupRef& r : refs)
      list.push_back({{"pack", result.packs[r.pack].key}, {"group", result.packs[r.pack].groups[r.group].key}, {value_key, r.value}});
    return list;
  };
  ojson j;
  j["clv"] = e.clv;
  j["clvSufficient"] = e.clv_sufficient;
  j["clvProblem"] = e.clv_problem.empty() ? ojson() : ojson(e.clv_problem);
  j["cac"] = e.cac;
  j["worthMostBy"] = e.worth_most_by;
  j["worthMost"] = view(e.worth_most, e.worth_most_by == "clv" ? "meanClv" : "revenuePerCustomer");
  j["atRisk"] = view(e.at_risk, "valueAtRisk");
  return j;
}

}  // namespace

ojson segmentation_json(const Segmentation& result, bool with_affinity) {
  const CustomerBase& base = result.base;
  const double total_revenue = base.total_revenue();
  ojson out;
  out["endDate"] = base.size() ? ojson(format_iso_date(base.end_day)) : ojson();
  out["customers"] = base.size();
  out["revenue"] = total_revenue;
  out["minSize"] = result.min_size;
  ojson packs = ojson::array();
  const std::optional<SegmentEconomics>& economics = result.economics;
  for (std::size_t p_index = 0; p_index < result.packs.size(); ++p_index) {
    const PackResult& p = result.packs[p_index];
    std::uint64_t members = 0;
    double revenue = 0;
    for (const GroupTotals& t : p.totals) {
      members += t.members;
      revenue += t.revenue;
    }
    ojson pj;
    pj["key"] = p.key;
    pj["population"] = p.key == "funnel" ? "visitors" : "customers";
    pj["members"] = members;
    pj["details"] = p.details;
    pj["notes"] = p.notes;
    ojson columns = ojson::array();
    for (const MemberColumn& c : p.columns) columns.push_back(c.key);
    pj["columns"] = columns;
    ojson groups = ojson::array();
    for (std::size_t g = 0; g < p.groups.size(); ++g) {
      const GroupDefinition& d = p.groups[g];
      const GroupTotals& t = p.totals[g];
      ojson gj;
      gj["key"] = d.key;
      gj["name"] = text_json(d.name);
      gj["campaign"] = {{"key", d.campaign_key}, {"en", d.campaign.en}, {"ko", d.campaign.ko}};
      gj["members"] = t.members;
      gj["customers"] = t.customers;
      gj["share"] = share(static_cast<double>(t.members), static_cast<double>(members));
      gj["revenue"] = t.revenue;
      gj["revenueShare"] = share(t.revenue, revenue);
      gj["orders"] = t.orders;
      gj["avgRecencyDays"] = t.customers ? ojson(t.recency_days_sum / static_cast<double>(t.customers)) : ojson();
      gj["revenuePerCustomer"] = t.customers ? ojson(t.revenue / static_cast<double>(t.customers)) : ojson();
      if (economics) add_group_economics(gj, *economics, economics->packs[p_index][g]);
      gj["small"] = is_small_group(t.members, result.min_size);
      groups.push_back(gj);
    }
    pj["groups"] = groups;
    packs.push_back(pj);
  }
  out["packs"] = packs;
  out["economics"] = economics ? economics_json(*economics, result) : ojson();
  if (result.affinity && with_affinity) out["affinity"] = affinity_json(*result.affinity);
  out["notes"] = result.notes;
  out["readiness"] = result.readiness ? analysis_readiness_json(*result.readiness, "segments") : ojson();
  return out;
}

}  // namespace orderlens
