#include "cfb_builder.hpp"

#include <algorithm>

namespace orderlens::testing {

namespace {

constexpr std::uint32_t kFree = 0xFFFFFFFF;
constexpr std::uint32_t kEnd = 0xFFFFFFFE;
constexpr std::uint32_t kFatSector = 0xFFFFFFFD;
constexpr std::uint32_t kDifatSector = 0xFFFFFFFC;
constexpr std::size_t kCutoff = 4096;
constexpr std::size_t kMini = 64;

void put16(std::string& out, std::size_t at, std::uint16_t v) {
  out[at] = static_cast<char>(v & 0xFF);
  out[at + 1] = static_cast<char>(v >> 8);
}

void put32(std::string& out, std::size_t at, std::uint32_t v) {
  put16(out, at, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(out, at + 2, static_cast<std::uint16_t>(v >> 16));
}

std::uint32_t blocks(std::size_t size, std::size_t block) { return static_cast<std::uint32_t>((size + block - 1) / block); }

}  // namespace

std::string build_compound_file(const std::vector<CfbStream>& streams, const CfbLayout& layout) {
  const std::uint32_t ss = 1u << layout.sector_shift;
  const std::uint32_t per = ss / 4;

  // Small streams into the mini stream, each chained through the mini FAT.
  std::string mini;
  std::vector<std::uint32_t> mini_fat;
  std::vector<std::uint32_t> starts(streams.size(), kEnd);
  std::uint32_t large_sectors = 0;
  for (std::size_t i = 0; i < streams.size(); ++i) {
    const std::string& bytes = streams[i].bytes;
    if (bytes.size() >= kCutoff) {
      large_sectors += blocks(bytes.size(), ss);
      continue;
    }
    if (bytes.empty()) continue;
    const auto first = static_cast<std::uint32_t>(mini.size() / kMini);
    const std::uint32_t n = blocks(bytes.size(), kMini);
    for (std::uint32_t k = 0; k < n; ++k) mini_fat.push_back(k + 1 < n ? first + k + 1 : kEnd);
    starts[i] = first;
    mini += bytes;
    mini.resize(mini.size() + (kMini - mini.size() % kMini) % kMini, '\0');
  }
  const std::uint32_t n_mini_fat = blocks(mini_fat.size() * 4, ss);
  const std::uint32_t n_mini_stream = blocks(mini.size(), ss);
  const std::uint32_t n_dir = blocks((1 + streams.size()) * 128, ss);
  const std::uint32_t others = n_dir + n_mini_fat + n_mini_stream + large_sectors;
  std::uint32_t n_fat = std::max<std::uint32_t>(layout.min_fat_sectors, 1);
  std::uint32_t n_difat = 0;
  while (true) {
    n_difat = n_fat > 109 ? blocks(n_fat - 109, per - 1) : 0;
    if (static_cast<std::uint64_t>(n_fat) * per >= n_fat + n_difat + others) break;
    ++n_fat;
  }
  const std::uint32_t total = n_fat + n_difat + others;
  const std::uint32_t difat_first = n_fat;
  const std::uint32_t dir_first = difat_first + n_difat;
  const std::uint32_t mini_fat_first = dir_first + n_dir;
  const std::uint32_t mini_stream_first = mini_fat_first + n_mini_fat;
  std::uint32_t next_large = mini_stream_first + n_mini_stream;

  std::vector<std::uint32_t> fat(static_cast<std::size_t>(n_fat) * per, kFree);
  for (std::uint32_t i = 0; i < n_fat; ++i) fat[i] = kFatSector;
  for (std::uint32_t i = 0; i < n_difat; ++i) fat[difat_first + i] = kDifatSector;
  auto chain = [&](std::uint32_t first, std::uint32_t count) {
    for (std::uint32_t k = 0; k < count; ++k) fat[first + k] = k + 1 < count ? first + k + 1 : kEnd;
  };
  chain(dir_first, n_dir);
  chain(mini_fat_first, n_mini_fat);
  chain(mini_stream_first, n_mini_stream);

  std::string out(static_cast<std::size_t>(ss) * (1 + total), '\0');
  auto at = [&](std::uint32_t sector) { return static_cast<std::size_t>(sector + 1) * ss; };
  for (std::size_t i = 0; i < streams.size(); ++i) {
    const std::string& bytes = streams[i].bytes;
    if (bytes.size() < kCutoff) continue;
    const std::uint32_t n = blocks(bytes.size(), ss);
    starts[i] = next_large;
    chain(next_large, n);
    out.replace(at(next_large), bytes.size(), bytes);
    next_large += n;
  }

  // Header.
  out.replace(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
  put16(out, 24, 0x3E);
  put16(out, 26, layout.sector_shift == 9 ? 3 : 4);
  put16(out, 28, 0xFFFE);
  put16(out, 30, static_cast<std::uint16_t>(layout.sector_shift));
  put16(out, 32, 6);
  put32(out, 40, layout.sector_shift == 9 ? 0 : n_dir);
  put32(out, 44, n_fat);
  put32(out, 48, dir_first);
  put32(out, 56, kCutoff);
  put32(out, 60, n_mini_fat ? mini_fat_first : kEnd);
  put32(out, 64, n_mini_fat);
  put32(out, 68, n_difat ? difat_first : kEnd);
  put32(out, 72, n_difat);
  for (std::uint32_t i = 0; i < 109; ++i) put32(out, 76 + 4 * i, i < n_fat ? i : kFree);

  // DIFAT sectors: the locations of FAT sectors 109 and up, each sector ending with the next's.
  for (std::uint32_t d = 0; d < n_difat; ++d) {
    for (std::uint32_t j = 0; j < per - 1; ++j) {
      const std::uint64_t fat_index = 109 + static_cast<std::uint64_t>(d) * (per - 1) + j;
      put32(out, at(difat_first + d) + 4 * j, fat_index < n_fat ? static_cast<std::uint32_t>(fat_index) : kFree);
    }
    put32(out, at(difat_first + d) + 4 * (per - 1), d + 1 < n_difat ? difat_first + d + 1 : kEnd);
  }
  for (std::size_t i = 0; i < fat.size(); ++i) put32(out, at(static_cast<std::uint32_t>(i / per)) + 4 * (i % per), fat[i]);

  // Directory: the root, then the streams as a chain of right siblings.
  auto entry = [&](std::size_t index, const std::string& name, std::uint8_t type, std::uint32_t right, std::uint32_t child,
                   std::uint32_t start, std::uint64_t size) {
    const std::size_t e = at(dir_first) + 128 * index;  // the directory sectors are consecutive
    for (std::size_t k = 0; k < name.size(); ++k) put16(out, e + 2 * k, static_cast<unsigned char>(name[k]));
    put16(out, e + 64, static_cast<std::uint16_t>(name.empty() ? 0 : 2 * (name.size() + 1)));
    out[e + 66] = static_cast<char>(type);
    out[e + 67] = 1;
    put32(out, e + 68, kFree);
    put32(out, e + 72, right);
    put32(out, e + 76, child);
    put32(out, e + 116, start);
    put32(out, e + 120, static_cast<std::uint32_t>(size));
    put32(out, e + 124, static_cast<std::uint32_t>(size >> 32));
  };
  for (std::size_t i = 0; i < static_cast<std::size_t>(n_dir) * ss / 128; ++i) entry(i, "", 0, kFree, kFree, 0, 0);
  entry(0, "Root Entry", 5, kFree, streams.empty() ? kFree : 1, mini.empty() ? kEnd : mini_stream_first, mini.size());
  for (std::size_t i = 0; i < streams.size(); ++i) {
    entry(i + 1, streams[i].name, 2, i + 1 < streams.size() ? static_cast<std::uint32_t>(i + 2) : kFree, kFree, starts[i],
          streams[i].bytes.size());
  }

  for (std::size_t i = 0; i < static_cast<std::size_t>(n_mini_fat) * per; ++i) {
    const std::size_t where = at(mini_fat_first + static_cast<std::uint32_t>(i / per)) + 4 * (i % per);
    put32(out, where, i < mini_fat.size() ? mini_fat[i] : kFree);
  }
  out.replace(at(mini_stream_first), mini.size(), mini);
  return out;
}

}  // namespace orderlens::testing
