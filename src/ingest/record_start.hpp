// Choosing where a later part of a parallel ingestion starts.
//
// The later part starts at a line start near the middle of the file. In an export whose quoted
// values span lines (order notes, addresses), a line start may lie inside a value; a part read
// from there is out of step with the quotes, cannot be merged, and its work is lost (the first
// part then reads on alone). Out of step, records come out with the wrong number of fields, so
// among the first line starts of a window of the raw bytes, the first one from which the next
// records all have the header's number of fields is taken.
//
// The bytes are raw file bytes: UTF-8 or CP949, whose multi-byte sequences never contain the
// delimiter, the quote or a line feed, so no decoding is needed. The choice only affects speed:
// the merge itself checks that the parts fit together exactly.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "ingest/csv_tokenizer.hpp"

namespace orderlens {

// The offset in `window` of the chosen line start; the first line start when none is
// consistent (a file whose rows have varying numbers of fields); nullopt without a line feed
// before the window's last byte.
std::optional<std::size_t> likely_record_start(std::string_view window, const CsvDialect& dialect,
                                               std::size_t field_count);

}  // namespace orderlens
