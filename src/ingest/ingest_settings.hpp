// What the first part of an ingestion decided about the file (delimiter, header, column mapping,
// date and decimal conventions), handed to an ingestion of a later part of the same file so it
// reads its rows exactly as the first part would have (parallel ingestion).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_mapping.hpp"
#include "ingest/date_time.hpp"
#include "ingest/encoding.hpp"
#include "ingest/money.hpp"
#include "ingest/presets.hpp"

namespace orderlens {

struct IngestSettings {
  Encoding encoding = Encoding::Auto;  // the encoding decided so far; Auto while only ASCII was seen
  char delimiter = ',';
  std::vector<std::string> header;  // column names as written
  std::string preset;               // preset key
  ColumnMapping mapping;
  std::vector<ColumnRole> identity_roles;
  StatusScope status_scope = StatusScope::Order;
  DayMonthOrder day_month_order = DayMonthOrder::MonthFirst;
  DecimalSeparator decimal = DecimalSeparator::Point;
};

std::string settings_to_json(const IngestSettings& s);
// Throws IngestError(BadOption) on malformed settings.
IngestSettings settings_from_json(std::string_view json);

}  // namespace orderlens
