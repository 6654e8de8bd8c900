#include "xlsx/zip_directory.hpp"

#include "ingest/ingest_error.hpp"

namespace orderlens::xlsx {

namespace {

std::uint16_t u16(std::string_view s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}
std::uint32_t u32(std::string_view s, std::size_t at) { return u16(s, at) | static_cast<std::uint32_t>(u16(s, at + 2)) << 16; }
std::uint64_t u64(std::string_view s, std::size_t at) { return u32(s, at) | static_cast<std::uint64_t>(u32(s, at + 4)) << 32; }

[[noreturn]] void broken(const std::string& what) {
  throw IngestError(IngestErrorCode::BadWorkbook, "the file is not a complete zip (.xlsx) file: " + what);
}

}  // namespace

CentralDirectoryPlace find_central_directory(std::string_view tail, std::uint64_t file_size) {
  if (tail.size() < 22) broken("it is too short");
  // The end record is the last "PK\5\6" whose comment length reaches exactly the end.
  for (std::size_t at = tail.size() - 22 + 1; at-- > 0;) {
    if (u32(tail, at) != 0x06054b50u) continue;
    if (at + 22 + u16(tail, at + 20) != tail.size()) continue;
    CentralDirectoryPlace place;
    place.entries = u16(tail, at + 10);
    place.size = u32(tail, at + 12);
    place.offset = u32(tail, at + 16);
    // ZIP64: the locator (20 bytes) right before the end record points at the ZIP64 end record.
    if ((place.offset == 0xFFFFFFFFu || place.size == 0xFFFFFFFFu || place.entries == 0xFFFF) && at >= 20 &&
        u32(tail, at - 20) == 0x07064b50u) {
      const std::uint64_t record = u64(tail, at - 20 + 8);
      const std::uint64_t tail_start = file_size - tail.size();
      if (record < tail_start || record - tail_start + 56 > tail.size()) broken("its ZIP64 end record is out of reach");
      const std::size_t r = static_cast<std::size_t>(record - tail_start);
      if (u32(tail, r) != 0x06064b50u) broken("its ZIP64 end record is damaged");
      place.entries = u64(tail, r + 32);
      place.size = u64(tail, r + 40);
      place.offset = u64(tail, r + 48);
    }
    if (place.offset > file_size || place.size > file_size - place.offset) broken("its directory lies outside the file (was it cut short?)");
    return place;
  }
  broken("no end-of-directory record (was it cut short?)");
}

std::vector<ZipEntry> read_central_directory(std::string_view d, const CentralDirectoryPlace& place, std::uint64_t file_size) {
  std::vector<ZipEntry> entries;
  std::size_t at = 0;
  while (at + 46 <= d.size() && u32(d, at) == 0x02014b50u) {
    ZipEntry e;
    e.flags = u16(d, at + 8);
    e.method = u16(d, at + 10);
    e.compressed_size = u32(d, at + 20);
    e.size = u32(d, at + 24);
    const std::size_t name_len = u16(d, at + 28), extra_len = u16(d, at + 30), comment_len = u16(d, at + 32);
    e.header_offset = u32(d, at + 42);
    if (at + 46 + name_len + extra_len + comment_len > d.size()) broken("an entry of its directory is cut short");
    e.name.assign(d.substr(at + 46, name_len));
    // ZIP64 extra field (id 1): the 64-bit values of the fields set to 0xFFFFFFFF, in order.
    std::size_t x = at + 46 + name_len;
    const std::size_t x_end = x + extra_len;
    while (x + 4 <= x_end) {
      const std::uint16_t id = u16(d, x), len = u16(d, x + 2);
      if (x + 4 + len > x_end) break;
      if (id == 1) {
        std::size_t v = x + 4;
        auto next = [&](std::uint64_t& field) {
          if (field == 0xFFFFFFFFu && v + 8 <= x + 4 + len) {
            field = u64(d, v);
            v += 8;
          }
        };
        next(e.size);
        next(e.compressed_size);
        next(e.header_offset);
      }
      x += 4 + len;
    }
    if (e.header_offset > file_size || e.compressed_size > file_size) broken("the entry \"" + e.name + "\" lies outside the file");
    if (e.flags & 1) throw IngestError(IngestErrorCode::NotText, "the zip entry \"" + e.name + "\" is encrypted with zip encryption, which Excel does not use");
    if (e.method != 0 && e.method != 8)
      throw IngestError(IngestErrorCode::NotText, "the zip entry \"" + e.name + "\" is compressed with method " + std::to_string(e.method) +
                                                      "; only stored and deflated entries can be read");
    entries.push_back(std::move(e));
    at += 46 + name_len + extra_len + comment_len;
  }
  if (entries.size() != place.entries && place.entries != 0xFFFF) broken("its directory lists " + std::to_string(place.entries) +
                                                                      " entries but holds " + std::to_string(entries.size()));
  return entries;
}

std::uint64_t local_data_offset(std::string_view header) {
  if (header.size() < kLocalHeaderBytes || u32(header, 0) != 0x04034b50u) broken("an entry's local header is damaged");
  return kLocalHeaderBytes + u16(header, 26) + u16(header, 28);
}

}  // namespace orderlens::xlsx
