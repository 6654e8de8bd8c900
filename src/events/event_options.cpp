#include "events/event_options.hpp"

#include <nlohmann/json.hpp>

#include "ingest/option_fields.hpp"
#include "util/text.hpp"

namespace orderlens {

using nlohmann::json;

EventIngestOptions parse_event_ingest_options(std::string_view text) {
  EventIngestOptions o;
  const json j = parse_option_object(text);
  for (const auto& [key, v] : j.items()) {
    if (v.is_null() && key != "mapping") continue;  // null means "default"
    if (key == "fileName") {
      o.file_name = expect_string(v, key);
    } else if (key == "encoding") {
      o.encoding = expect_encoding(v, key);
    } else if (key == "delimiter") {
      o.delimiter = expect_delimiter(v, key);
    } else if (key == "layout") {
      o.layout = expect_string(v, key);
      const std::string k = normalize_header_name(o.layout);
      if (k != "auto" && k != "ga4" && k != "generic")
        bad_option(key, "unknown layout \"" + o.layout + "\"; expected auto, ga4 or generic");
    } else if (key == "mapping") {
      if (!v.is_null())
        o.mapping = expect_column_mapping<kEventRoleCount>(v, R"({"user": "member", "event": "action"})",
                                                           event_role_from_key, event_role_key);
    } else if (key == "dateOrder") {
      o.day_month_order = expect_date_order(v, key);
    } else if (key == "maxRecordBytes") {
      o.max_record_bytes = expect_count(v, key, 1024, std::uint64_t{1} << 31);
    } else if (key == "maxExamples") {
      o.max_examples = expect_count(v, key, 0, 1000);
    } else {
      bad_option(key, "unknown option; expected fileName, encoding, delimiter, layout, mapping, dateOrder, "
                      "maxRecordBytes or maxExamples");
    }
  }
  return o;
}

}  // namespace orderlens
