#include "api/summary_options.hpp"

#include <nlohmann/json.hpp>

#include "api/analysis_options.hpp"
#include "ingest/date_time.hpp"
#include "ingest/ingest_error.hpp"

namespace orderlens {

TimeUnit parse_unit_option(const std::string& key, const nlohmann::json& v) {
  const std::string u = v.is_string() ? v.get<std::string>() : "";
  if (u == "days") return TimeUnit::Days;
  if (u == "weeks") return TimeUnit::Weeks;
  bad_analysis_option(key, "\"days\" or \"weeks\"");
}

std::int32_t parse_date_option(const std::string& key, const nlohmann::json& v) {
  const DateResult d = v.is_string() ? parse_date_time(v.get<std::string>(), DateParseOptions{DayMonthOrder::MonthFirst, false})
                                     : DateResult{{}, DateError::Unrecognized};
  if (!d.ok()) bad_analysis_option(key, "a date such as \"1997-09-30\"");
  return d.value.days;
}

SummaryOptions parse_summary_options(std::string_view text) {
  SummaryOptions o;
  const nlohmann::json j = analysis_options_object(text, "summary");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;
    if (key == "unit") {
      o.unit = parse_unit_option(key, v);
    } else if (key == "endDate") {
      o.end_day = parse_date_option(key, v);
    } else {
      throw IngestError(IngestErrorCode::BadOption, "options." + key + ": unknown option; expected unit or endDate");
    }
  }
  return o;
}

}  // namespace orderlens
