#include "api/affinity_json.hpp"

#include <string>

#include "api/analysis_options.hpp"
#include "api/summary_options.hpp"
#include "ingest/ingest_error.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

using nlohmann::ordered_json;

namespace {

std::uint32_t whole_number_option(const std::string& key, const nlohmann::json& v, double min, double max,
                                  const char* expected) {
  if (!v.is_number()) bad_analysis_option(key, expected);
  const double d = v.get<double>();
  if (!(d >= min && d <= max) || d != static_cast<double>(static_cast<std::uint32_t>(d))) bad_analysis_option(key, expected);
  return static_cast<std::uint32_t>(d);
}

}  // namespace

AffinityOptions parse_affinity_options(std::string_view text) {
  AffinityOptions o;
  const nlohmann::json j = analysis_options_object(text, "affinity");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;
    if (key == "level") {
      const std::string s = v.is_string() ? v.get<std::string>() : "";
      if (s != "product" && s != "category") bad_analysis_option(key, "\"product\" or \"category\"");
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
      else bad_analysis_option(key, "\"lift\", \"confidence\" or \"count\"");
    } else if (key == "endDate") {
      o.end_day = parse_date_option(key, v);
    } else {
      throw IngestError(IngestErrorCode::BadOption,
                        "options." + key + ": unknown option; expected level, minCount, topN, rankBy or endDate");
    }
  }
  return o;
}

// Written as text rather than built as a JSON tree: a tree of 15,000 rules costs three times as
// much as the rules themselves (an allocation per key and value). Strings and numbers still go
// through nlohmann's dump, so the text is exactly what affinity_json(r).dump() would be.
std::string affinity_json_text(const AffinityResult& r) {
  const AffinityOptions& o = r.options;
  ordered_json head;
  head["level"] = affinity_level_name(r.level);
  head["baskets"] = r.baskets;
  head["sequences"] = r.sequences;
  head["minCount"] = o.min_count;
  head["topN"] = o.top_n;
  head["rankBy"] = affinity_rank_name(o.rank_by);
  head["endDate"] = o.end_day ? ordered_json(format_iso_date(*o.end_day)) : ordered_json();
  std::string out = head.dump();
  out.pop_back();  // the closing brace: the rule lists follow
  std::vector<std::string> items(r.item_keys.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    items[i] = ordered_json{{"key", r.item_keys[i]}, {"name", r.item_names[i]}}.dump();
  auto number = [](double x) { return ordered_json(x).dump(); };
  auto rules = [&](const char* name, const std::vector<AffinityRule>& list) {
    out += ",\"";
    out += name;
    out += "\":[";
    for (std::size_t k = 0; k < list.size(); ++k) {
      const AffinityRule& rule = list[k];
      if (k) out += ',';
      out += "{\"antecedent\":" + items[rule.antecedent] + ",\"consequent\":" + items[rule.consequent] +
             ",\"count\":" + std::to_string(rule.count) + ",\"support\":" + number(rule.support) +
             ",\"confidence\":" + number(rule.confidence) + ",\"lift\":" + number(rule.lift) + "}";
    }
    out += ']';
  };
  rules("coPurchase", r.co_purchase);
  rules("nextPurchase", r.next_purchase);
  out += '}';
  return out;
}

ordered_json affinity_json(const AffinityResult& r) { return ordered_json::parse(affinity_json_text(r)); }

}  // namespace orderlens
