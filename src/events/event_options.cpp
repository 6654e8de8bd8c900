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
    if (read_shared_option(key, v, o)) {
      // fileName, encoding, delimiter, dateOrder, maxRecordBytes, maxExamples
    } else if (key == "layout") {
      o.layout = expect_string(v, key);
      const std::string k = normalize_header_name(o.layout);
      if (k != "auto" && k != "ga4" && k != "generic")
        bad_option(key, "unknown layout \"" + o.layout + "\"; expected auto, ga4 or generic");
    } else if (key == "mapping") {
      if (!v.is_null())
        o.mapping = expect_column_mapping<kEventRoleCount>(v, R"({"user": "member", "event": "action"})",
                                                           event_role_from_key, event_role_key);
    } else {
      bad_option(key, "unknown option; expected fileName, encoding, delimiter, layout, mapping, dateOrder, "
                      "maxRecordBytes or maxExamples");
    }
  }
  return o;
}

}  // namespace orderlens
