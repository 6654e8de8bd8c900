// Writes small compound files (MS-CFB) for the tests of src/xlsx/compound_file.hpp, with the
// layouts a fixture from one writer does not cover: 4096-byte sectors, DIFAT sectors, several
// streams in the mini stream.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace orderlens::testing {

struct CfbStream {
  std::string name;  // ASCII
  std::string bytes;
};

struct CfbLayout {
  unsigned sector_shift = 9;      // 9 (version 3) or 12 (version 4)
  std::uint32_t min_fat_sectors = 1;  // over 109 puts FAT locations in DIFAT sectors
};

// Streams under 4096 bytes go to the mini stream, the others to regular sectors. The directory
// lists the streams as a chain of right siblings under the root (a valid, if unbalanced, tree).
std::string build_compound_file(const std::vector<CfbStream>& streams, const CfbLayout& layout = {});

}  // namespace orderlens::testing
