// Merging a later part of a file ingested in parallel into the first part. The result equals a
// sequential ingestion of the whole file: customers, products and display strings are matched by
// key in first-seen order, the part's orders and lines are appended, its line numbers shifted,
// and the diagnostics summed. Requires that no order id occurs in both parts.
#pragma once

#include <cstdint>

#include "ingest/ingestor.hpp"
#include "ingest/partial_codec.hpp"

namespace orderlens {

// Adds the later part's order ids to the first part's pool (ids in the later part's order, so
// the merged orders keep "order index = id - 1"). Returns false, with the pool as it was, when
// an order id is already there.
bool add_order_ids(Dataset& first, const DecodedPart& later);

// Merges the rest, after add_order_ids. `line_shift` turns the part's line numbers (counted
// from its first byte) into file lines; `take_encoding` uses the part's encoding when the first
// part saw only ASCII.
void merge_part(IngestResult& first, const DecodedPart& later, std::int64_t line_shift, bool take_encoding);

}  // namespace orderlens
