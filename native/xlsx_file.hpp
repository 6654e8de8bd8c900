// Native builds only (tests, the native report tool, benchmarks): reads an .xlsx held in memory
// through xlsx::XlsxSession, inflating its entries with zlib. The WASM package does the same
// in JS with the platform's DecompressionStream (bindings/js/xlsx.js); neither copies zip or
// inflate code into the project.
#pragma once

#include <cstddef>
#include <string_view>

#include "ingest/ingestor.hpp"

namespace orderlens {

// `chunk`: inflated bytes are pushed in pieces of this size (the tests vary it).
IngestResult read_xlsx_bytes(std::string_view file, IngestOptions options, std::size_t chunk = 1 << 16);

// True when `bytes` start like a zip file (an .xlsx).
bool looks_like_zip(std::string_view bytes);

}  // namespace orderlens
