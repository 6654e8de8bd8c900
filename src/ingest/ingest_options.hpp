// Options of one ingestion. The JS API and the CLI pass them as JSON (camelCase keys); unknown
// keys and bad values are errors that name the option, so a typo is never silently ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/column_mapping.hpp"
#include "ingest/date_time.hpp"
#include "ingest/encoding.hpp"
#include "ingest/money.hpp"
#include "ingest/order_status.hpp"

namespace orderlens {

struct IngestOptions {
  std::string file_name = "input";      // used in messages
  Encoding encoding = Encoding::Auto;   // "auto", "utf-8", "cp949", "utf-16le", ...
  char delimiter = 0;                   // 0: sniffed
  std::string preset = "auto";          // or "shopify", "woocommerce", ..., "generic"
  ExplicitMapping mapping;              // role -> column name(s) / 1-based number(s) / null
  std::uint64_t header_line = 0;        // 0: searched in the first header_search_rows rows
  std::size_t header_search_rows = 30;
  std::size_t profile_rows = 1000;      // first data rows read to decide dates and decimals
  std::optional<DayMonthOrder> day_month_order;       // nullopt: decided from the file
  std::optional<DecimalSeparator> decimal_separator;  // nullopt: decided from the file
  std::vector<std::pair<std::string, OrderStatus>> statuses;  // caller's status words
  std::size_t max_record_bytes = std::size_t{64} << 20;
  std::size_t max_examples = 5;
  std::string sheet;  // an Excel workbook's sheet to read, by name (empty: the first visible one)
  // The caller's today (days since 1970-01-01): orders dated after it are warned about
  // (future_date). The core has no clock; the npm package passes the device's date.
  std::optional<std::int32_t> today_day;
};

// Parses `{"fileName": "...", "encoding": "cp949", "mapping": {"customerId": "Buyer"}, ...}`.
// Throws IngestError(BadOption) naming the option path, e.g. "options.mapping.orderDat: ...".
IngestOptions parse_ingest_options(std::string_view json);

}  // namespace orderlens
