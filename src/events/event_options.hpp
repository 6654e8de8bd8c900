// Options of one events ingestion, passed as JSON (camelCase keys) like the order options;
// unknown keys and bad values are errors that name the option.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "events/event_layout.hpp"
#include "ingest/date_time.hpp"
#include "ingest/encoding.hpp"

namespace orderlens {

struct EventIngestOptions {
  std::string file_name = "input";     // used in messages
  Encoding encoding = Encoding::Auto;  // "auto", "utf-8", "cp949", "utf-16le", ...
  char delimiter = 0;                  // 0: sniffed
  std::string layout = "auto";         // "auto", "ga4" or "generic"
  ExplicitEventMapping mapping;        // role -> header name(s) / 1-based number(s) / null
  std::optional<DayMonthOrder> day_month_order;  // nullopt: decided from the first rows
  std::size_t header_search_rows = 30;
  std::size_t profile_rows = 1000;     // first data rows read to decide the day/month order
  std::size_t max_record_bytes = std::size_t{64} << 20;
  std::size_t max_examples = 5;
};

// Parses `{"fileName": "ga4.csv", "layout": "ga4", "mapping": {"user": "member"}}`. Keys:
// fileName, encoding, delimiter, layout, mapping (user, pseudoId, email, event, time, date,
// item), dateOrder, maxRecordBytes, maxExamples. Throws IngestError(BadOption) naming the option.
EventIngestOptions parse_event_ingest_options(std::string_view json);

}  // namespace orderlens
