// The invalid_encoding warning of an ingestion (orders and events alike): how many byte
// sequences the decoder replaced, with the first ones as examples and a hint for Korean Excel
// files read as UTF-8.
#pragma once

#include <cstddef>

#include "ingest/diagnostics.hpp"
#include "ingest/encoding.hpp"

namespace orderlens {

// Fills `tally` from a finished decoder (left as it is when every byte was valid).
void tally_invalid_encoding(const StreamingDecoder& decoder, std::size_t max_examples, IssueTally& tally);

}  // namespace orderlens
