// A role's value in one data row, read the same way by the order assembler and the events row
// reader: the first of the role's mapped columns (by priority) that holds a usable value.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/csv_tokenizer.hpp"
#include "ingest/diagnostics.hpp"
#include "util/text.hpp"

namespace orderlens {

struct MappedValue {
  std::string_view text;  // trimmed; empty when every mapped column is empty or a placeholder
  std::uint32_t column = Diagnostics::kWholeRow;  // where it was found (else the first mapped)
};

// Inline: it runs for several roles of every row.
inline MappedValue first_mapped_value(const std::vector<std::uint32_t>& columns, const CsvRecord& record) {
  MappedValue v;
  for (std::uint32_t c : columns) {
    if (v.column == Diagnostics::kWholeRow) v.column = c;
    if (c >= record.size()) continue;
    const std::string_view t = trim(record.field(c));
    if (t.empty() || is_placeholder_value(t)) continue;
    return {t, c};
  }
  return v;
}

}  // namespace orderlens
