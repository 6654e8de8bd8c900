// A whole .xlsx file through the session the package drives (xlsx/xlsx_session.hpp, via
// native/xlsx_file.hpp with zlib): zip directory, workbook, relationships, shared strings,
// styles and the sheet's rows into the ingestion. Control byte: the inflated chunk size.
// A damaged workbook must be an IngestError.
#include <string>

#include "fuzz_support.hpp"
#include "ingest/ingest_error.hpp"
#include "native/xlsx_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace orderlens;
  fuzz::FuzzInput in(data, size);
  const std::size_t chunk = std::size_t{in.byte()} * 61 + 1;
  const std::string file(in.rest());
  try {
    IngestOptions options;
    options.file_name = "fuzz.xlsx";
    (void)read_xlsx_bytes(file, std::move(options), chunk);
  } catch (const IngestError&) {
  }
  return 0;
}
