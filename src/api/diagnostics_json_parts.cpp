#include "api/diagnostics_json_parts.hpp"

namespace orderlens {

nlohmann::ordered_json issue_tally_json(std::string_view key, std::string_view message, const IssueTally& t) {
  nlohmann::ordered_json examples = nlohmann::ordered_json::array();
  for (const IssueExample& e : t.examples) {
    nlohmann::ordered_json x = {{"line", e.line}, {"value", e.value}, {"detail", e.detail}};
    if (e.column) {
      x["column"] = e.column;
      x["columnName"] = e.column_name;
    }
    examples.push_back(std::move(x));
  }
  return {{"reason", key}, {"message", message}, {"count", t.count}, {"examples", std::move(examples)}};
}

}  // namespace orderlens
