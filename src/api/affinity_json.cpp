#include "api/affinity_json.hpp"

#include <string>

#include "api/summary_options.hpp"
#include "ingest/ingest_error.hpp"
#include "util/civil_date.hpp"
#include "util/text.hpp"

namespace orderlens {

using nlohmann::ordered_json;

namespace {

[[noreturn]] void bad(const std::string& key, const std::string& expected) {
  throw IngestError(IngestErrorCode::BadOption, "options." + key + ": expected " + expected);
}

std::uint32_t whole_number_option(const std::string& key, const nlohmann::json& v, double min, double max,
                                  const char* expected) {
  if (!v.is_number()) bad(key, expected);
  const double d = v.get<double>();
  if (!(d >= min && d <= max) || d != static_cast<double>(static_cast<std::uint32_t>(d))) bad(key, expected);
  return static_cast<std::uint32_t>(d);
}

ordered_json item_json(const AffinityResult& r, std::uint32_t item) {
  return {{"key", r.item_keys[item]}, {"name", r.item_names[item]}};
}

ordered_json rules_json(const AffinityResult& r, const std::vector<AffinityRule>& rules) {
  ordered_json out = ordered_json::array();
  for (const AffinityRule& rule : rules)
    out.push_back({{"antecedent", item_json(r, rule.antecedent)},
                   {"consequent", item_json(r, rule.consequent)},
                   {"count", rule.count},
                   {"support", rule.support},
                   {"confidence", rule.confidence},
                   {"lift", rule.lift}});
  return out;
}

}  // namespace

AffinityOptions parse_affinity_options(std::string_view text) {
  AffinityOptions o;
  if (trim(text).empty()) return o;
  const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw IngestError(IngestErrorCode::BadOption, "affinity options: expected a JSON object");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;
    if (key == "level") {
      const std::string s = v.is_string() ? v.get<std::string>() : "";
      if (s != "product" && s != "category") bad(key, "\"product\" or \"category\"");
      o.level = s == "category" ? AffinityLevel::Category : AffinityLevel::Product;
    } else if (key == "minCount") {
      o.min_count = whole_number_option(key, v, 1, 1e9, "a whole number of baskets or customers from 1 to 1000000000");
    } else if (key == "topN") {
      o.top_n = whole_number_option(key, v, 0, 1e6, "a whole number of rules per item from 0 (all) to 1000000");
    } else if (key == "rankBy") {
      const std::string s = v.is_string() ? v.get<std::string>() : "";
      if (s == "lift") o.rank_by = AffinityRank::Lift;
      else if (s == "confidence") o.rank_by = AffinityRank::Confidence;
      else if (s == "count") o.rank_by = AffinityRank::Count;
      else bad(key, "\"lift\", \"confidence\" or \"count\"");
    } else if (key == "endDate") {
      o.end_day = parse_date_option(key, v);
    } else {
      throw IngestError(IngestErrorCode::BadOption,
                        "options." + key + ": unknown option; expected level, minCount, topN, rankBy or endDate");
    }
  }
  return o;
}

ordered_json affinity_json(const AffinityResult& r) {
  const AffinityOptions& o = r.options;
  ordered_json j;
  j["level"] = affinity_level_name(r.level);
  j["baskets"] = r.baskets;
  j["sequences"] = r.sequences;
  j["minCount"] = o.min_count;
  j["topN"] = o.top_n;
  j["rankBy"] = affinity_rank_name(o.rank_by);
  j["endDate"] = o.end_day ? ordered_json(format_iso_date(*o.end_day)) : ordered_json();
  j["coPurchase"] = rules_json(r, r.co_purchase);
  j["nextPurchase"] = rules_json(r, r.next_purchase);
  return j;
}

}  // namespace orderlens
