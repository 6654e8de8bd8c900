#include "api/analysis_options.hpp"

#include "ingest/ingest_error.hpp"
#include "util/text.hpp"

namespace orderlens {

nlohmann::json analysis_options_object(std::string_view text, std::string_view what) {
  if (trim(text).empty()) return nlohmann::json::object();
  nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw IngestError(IngestErrorCode::BadOption, std::string(what) + " options: expected a JSON object");
  return j;
}

void bad_analysis_option(const std::string& key, const std::string& expected) {
  throw IngestError(IngestErrorCode::BadOption, "options." + key + ": expected " + expected);
}

}  // namespace orderlens
