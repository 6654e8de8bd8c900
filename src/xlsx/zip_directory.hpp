// The directory of a zip container (an .xlsx file): found from the end of the file, as the
// format intends (APPNOTE.TXT 4.3.16: the end of central directory record, and its ZIP64
// variant for files or directories past 4 GB / 65,535 entries). The bytes of the entries are
// read and inflated by the caller (the platform's DecompressionStream in browsers, zlib in the
// native tools), so the reader works on the few bytes it needs: the file's tail, the central
// directory and each entry's local header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orderlens::xlsx {

struct ZipEntry {
  std::string name;
  std::uint16_t method = 0;  // 0 stored, 8 deflated
  std::uint16_t flags = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;
  std::uint64_t header_offset = 0;  // of the local header
};

struct CentralDirectoryPlace {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint64_t entries = 0;
};

// How many bytes at the end of the file to read first (the end record and its longest comment,
// and the ZIP64 records before it).
inline constexpr std::size_t kZipTailBytes = 22 + 65535 + 20 + 56;

// Where the central directory is, from `tail`: the last bytes of a file of `file_size` bytes.
// Throws IngestError(NotText) "...not a complete zip file..." when there is no end record.
CentralDirectoryPlace find_central_directory(std::string_view tail, std::uint64_t file_size);

// The entries of the central directory (`bytes`, read from the place found above).
std::vector<ZipEntry> read_central_directory(std::string_view bytes, const CentralDirectoryPlace& place, std::uint64_t file_size);

// The fixed part of a local header is 30 bytes; the data start after the name and extra field.
inline constexpr std::size_t kLocalHeaderBytes = 30;
// Offset of the entry's data from its local header, from the header's first 30 bytes.
std::uint64_t local_data_offset(std::string_view header);

}  // namespace orderlens::xlsx
