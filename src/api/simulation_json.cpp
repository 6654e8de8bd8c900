#include "api/simulation_json.hpp"

#include <string>

#include <nlohmann/json.hpp>

#include "ingest/ingest_error.hpp"

namespace orderlens {

namespace {

[[noreturn]] void bad(const std::string& key, const std::string& expected) {
  throw IngestError(IngestErrorCode::BadOption, "simulation options." + key + ": expected " + expected);
}

double positive(const nlohmann::json& object, const std::string& where, const std::string& key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number() || !(it->get<double>() > 0)) bad(where + "." + key, "a number > 0");
  return it->get<double>();
}

}  // namespace

std::pair<clv::TransactionParams, clv::SimulationOptions> parse_simulation_options(std::string_view text) {
  const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw IngestError(IngestErrorCode::BadOption, "simulation options: expected a JSON object");
  clv::TransactionModel model = clv::TransactionModel::BgNbd;
  if (j.contains("model")) {
    const auto m = j["model"].is_string() ? clv::model_from_key(j["model"].get<std::string>()) : std::nullopt;
    if (!m) bad("model", "\"bgnbd\", \"mbgnbd\" or \"pnbd\"");
    model = *m;
  }
  if (!j.contains("params") || !j["params"].is_object()) bad("params", "an object with the model's parameters");
  const auto names = clv::parameter_names(model);
  std::array<double, 4> values{};
  for (std::size_t i = 0; i < 4; ++i) values[i] = positive(j["params"], "params", std::string(names[i]));
  clv::SimulationOptions o;
  for (const auto& [key, v] : j.items()) {
    if (key == "model" || key == "params" || v.is_null()) continue;
    if (key == "spend") {
      if (!v.is_object()) bad(key, "{p, q, v}");
      o.spend = clv::SpendParams{positive(v, key, "p"), positive(v, key, "q"), positive(v, key, "v")};
    } else if (key == "customers") {
      if (!v.is_number_unsigned() || v.get<std::uint64_t>() > 50'000'000) bad(key, "a whole number up to 50,000,000");
      o.customers = v.get<std::size_t>();
    } else if (key == "seed") {
      if (!v.is_number_unsigned()) bad(key, "a whole number >= 0");
      o.seed = v.get<std::uint64_t>();
    } else if (key == "minT" || key == "maxT") {
      if (!v.is_number() || !(v.get<double>() >= 0)) bad(key, "a number >= 0");
      (key == "minT" ? o.min_T : o.max_T) = v.get<double>();
    } else if (key == "wholeDays") {
      if (!v.is_boolean()) bad(key, "true or false");
      o.whole_days = v.get<bool>();
    } else {
      throw IngestError(IngestErrorCode::BadOption, "simulation options." + key +
                                                        ": unknown option; expected model, params, spend, customers, seed, minT, maxT or wholeDays");
    }
  }
  return {clv::TransactionParams::from_values(model, values), o};
}

}  // namespace orderlens
