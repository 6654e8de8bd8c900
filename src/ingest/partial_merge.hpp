// Merging a later part of a file ingested in parallel into the first part. The result equals a
// sequential ingestion of the whole file: customers, products and display strings are matched by
// key in first-seen order, the part's orders and lines are appended, its line numbers shifted,
// and the diagnostics summed. Requires that no order id occurs in both parts.
#pragma once

#include <cstdint>

#include "ingest/ingestor.hpp"

namespace orderlens {

bool order_ids_disjoint(const Dataset& first, const Dataset& later);

// `line_shift` turns the part's line numbers (counted from its first byte) into file lines;
// `take_encoding` uses the part's encoding when the first part saw only ASCII.
void merge_part(IngestResult& first, const PartialResult& later, std::int64_t line_shift, bool take_encoding);

}  // namespace orderlens
