#include "api/summary_options.hpp"

#include <nlohmann/json.hpp>

#include "ingest/date_time.hpp"
#include "ingest/ingest_error.hpp"
#include "util/text.hpp"

namespace orderlens {

SummaryOptions parse_summary_options(std::string_view text) {
  SummaryOptions o;
  if (trim(text).empty()) return o;
  const nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw IngestError(IngestErrorCode::BadOption, "summary options: expected a JSON object");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null()) continue;
    if (key == "unit") {
      const std::string u = v.is_string() ? v.get<std::string>() : "";
      if (u == "days") o.unit = TimeUnit::Days;
      else if (u == "weeks") o.unit = TimeUnit::Weeks;
      else throw IngestError(IngestErrorCode::BadOption, "options.unit: expected \"days\" or \"weeks\"");
    } else if (key == "endDate") {
      const DateResult d = v.is_string() ? parse_date_time(v.get<std::string>(), DateParseOptions{DayMonthOrder::MonthFirst, false})
                                         : DateResult{{}, DateError::Unrecognized};
      if (!d.ok()) throw IngestError(IngestErrorCode::BadOption, "options.endDate: expected a date such as \"1997-09-30\"");
      o.end_day = d.value.days;
    } else {
      throw IngestError(IngestErrorCode::BadOption, "options." + key + ": unknown option; expected unit or endDate");
    }
  }
  return o;
}

}  // namespace orderlens
