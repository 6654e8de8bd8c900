// A reader for the OLE Compound File Binary format (MS-CFB), the container of password-protected
// Excel workbooks (and of legacy .xls files): a small FAT file system inside one file.
//
// The whole file is in memory (an encrypted workbook is about the size of its .xlsx), so the
// reader keeps a view of it, reads the allocation tables and the directory once, and copies a
// stream out on request. Every malformed input — cut short, a chain that loops or leaves the
// file, a bad sector size — throws IngestError(NotText, "... in the compound file"): a damaged
// upload must never crash the module or hang it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orderlens {

// True when `bytes` starts with the compound file signature D0 CF 11 E0 A1 B1 1A E1.
bool is_compound_file(std::string_view bytes);

class CompoundFile {
 public:
  // Reads the header, the FAT, the mini FAT and the directory; `bytes` must outlive the object.
  explicit CompoundFile(std::string_view bytes);

  // Stream names are compared without regard to ASCII letter case, as the format specifies.
  bool has_stream(std::string_view name) const;
  // The stream's bytes; throws IngestError(NotText) when there is no such stream.
  std::string stream(std::string_view name) const;

 private:
  struct Entry {
    std::u16string name;
    std::uint8_t type = 0;  // 1 storage, 2 stream, 5 root storage
    std::uint32_t start = 0;
    std::uint64_t size = 0;
  };

  std::string_view sector(std::uint32_t index) const;
  std::vector<std::uint32_t> chain(std::uint32_t start, const std::vector<std::uint32_t>& table,
                                   std::uint64_t limit) const;
  std::string regular_stream(std::uint32_t start, std::uint64_t size) const;
  std::string mini_stream_part(std::uint32_t start, std::uint64_t size) const;
  const Entry* find(std::string_view name) const;

  void read_fat(std::uint32_t fat_sectors, std::uint32_t first_difat, std::uint32_t difat_sectors);
  void read_directory(std::uint32_t first_sector);
  void read_mini_fat(std::uint32_t first_sector, std::uint32_t sectors);

  std::string_view bytes_;
  std::uint32_t sector_size_ = 512;
  std::uint32_t sector_count_ = 0;  // sectors after the header, the last one possibly short
  std::vector<std::uint32_t> fat_;
  std::vector<std::uint32_t> mini_fat_;
  std::vector<Entry> entries_;
  std::string mini_stream_;  // the root entry's stream, holding every stream under the cutoff
};

}  // namespace orderlens
