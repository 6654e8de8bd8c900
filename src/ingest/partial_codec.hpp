// A later part of a parallel ingestion travels from its Worker to the first part as bytes:
// the tables, the strings of the pools and the diagnostics counts, in a plain little-endian
// layout (both ends run the same build).
#pragma once

#include <string>
#include <string_view>

#include "ingest/ingestor.hpp"

namespace orderlens {

std::string encode_partial(const PartialResult& part);
// Throws IngestError(InvalidState) on bytes that are not an encoded part.
PartialResult decode_partial(std::string_view bytes);

}  // namespace orderlens
