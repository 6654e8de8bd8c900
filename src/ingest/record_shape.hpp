// Whether a data row has the header's shape, checked the same way for orders and events: a
// quote left open, fewer fields than the header, or a non-empty field beyond it skips the row
// (trailing empty fields are allowed). Templated over the diagnostics, whose skip reasons differ.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/csv_tokenizer.hpp"
#include "ingest/diagnostics.hpp"

namespace orderlens {

// False after counting the row in `diag` under Reason::UnterminatedQuote, TooFewFields or
// TooManyFields. In a header so the check of every row is inlined.
template <typename Reason, typename Diag>
bool check_record_shape(const CsvRecord& record, std::size_t header_fields, Diag& diag) {
  const std::size_t n = record.size();
  if (record.unterminated_quote) {
    diag.skip(Reason::UnterminatedQuote, record.line, record.quote_open_field,
              record.quote_open_field < n ? record.field(record.quote_open_field) : std::string_view{},
              "the quote that opens this value at line " + std::to_string(record.quote_open_line) +
                  " is never closed");
    return false;
  }
  if (n < header_fields) {
    diag.skip(Reason::TooFewFields, record.line, Diagnostics::kWholeRow, n ? record.field(0) : std::string_view{},
              "expected " + std::to_string(header_fields) + " fields, found " + std::to_string(n));
    return false;
  }
  for (std::size_t i = header_fields; i < n; ++i) {
    if (record.field(i).empty()) continue;
    diag.skip(Reason::TooManyFields, record.line, static_cast<std::uint32_t>(i), record.field(i),
              "expected " + std::to_string(header_fields) + " fields, found " + std::to_string(n));
    return false;
  }
  return true;
}

}  // namespace orderlens
