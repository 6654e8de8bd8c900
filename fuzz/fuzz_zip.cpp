// The zip directory of an .xlsx (xlsx/zip_directory.hpp) on any file: the end record (and its
// ZIP64 variant) from the tail, the central directory, each entry's local header. A damaged zip
// must be an IngestError; an accepted directory must lie inside the file.
#include <algorithm>

#include "ingest/ingest_error.hpp"
#include "fuzz_support.hpp"
#include "xlsx/zip_directory.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace orderlens;
  using namespace orderlens::xlsx;
  const std::string file(reinterpret_cast<const char*>(data), size);
  try {
    const std::size_t tail = std::min(file.size(), kZipTailBytes);
    const CentralDirectoryPlace place = find_central_directory(std::string_view(file).substr(file.size() - tail), file.size());
    if (place.offset > file.size() || place.size > file.size() - place.offset)
      fuzz::invariant_broken("the central directory lies outside the file");
    const auto entries = read_central_directory(std::string_view(file).substr(place.offset, place.size), place, file.size());
    for (const ZipEntry& e : entries) {
      if (e.header_offset >= file.size()) continue;
      (void)local_data_offset(std::string_view(file).substr(e.header_offset, kLocalHeaderBytes));
    }
  } catch (const IngestError&) {
  }
  return 0;
}
