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

std::int32_t whole_number_option(const nlohmann::json& v, const std::string& key, std::int64_t low, std::int64_t high) {
  if (!v.is_number_integer() || v.get<std::int64_t>() < low || v.get<std::int64_t>() > high)
    bad_analysis_option(key, "a whole number from " + std::to_string(low) + " to " + std::to_string(high));
  return static_cast<std::int32_t>(v.get<std::int64_t>());
}

double number_option(const std::string& key, const nlohmann::json& v, double min, double max, const char* expected) {
  if (!v.is_number() || !(v.get<double>() >= min && v.get<double>() <= max)) bad_analysis_option(key, expected);
  return v.get<double>();
}

std::string choice_option(const nlohmann::json& v, const std::string& key, std::initializer_list<const char*> choices) {
  const std::string s = v.is_string() ? v.get<std::string>() : "";
  std::string list;
  for (const char* c : choices) {
    if (s == c) return s;
    list += (list.empty() ? "\"" : ", \"") + std::string(c) + "\"";
  }
  bad_analysis_option(key, "one of " + list);
}

bool bool_option(const nlohmann::json& v, const std::string& key) {
  if (!v.is_boolean()) bad_analysis_option(key, "true or false");
  return v.get<bool>();
}

}  // namespace orderlens
