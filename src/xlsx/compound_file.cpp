#include "xlsx/compound_file.hpp"

#include <algorithm>
#include <limits>

#include "ingest/ingest_error.hpp"

namespace orderlens {

namespace {

constexpr std::string_view kSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::size_t kHeaderFieldsSize = 512;  // the header's fields; a 4096-byte sector pads it with zeros
constexpr std::size_t kHeaderDifatEntries = 109;
constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kFreeSector = 0xFFFFFFFF;
constexpr std::uint32_t kMiniSectorSize = 64;
constexpr std::uint64_t kMiniStreamCutoff = 4096;
constexpr std::size_t kDirectoryEntrySize = 128;
constexpr std::uint8_t kStreamEntry = 2;
constexpr std::uint8_t kRootEntry = 5;
constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();

[[noreturn]] void damaged(const std::string& what) {
  throw IngestError(IngestErrorCode::NotText, "the file is damaged or incomplete: " + what + " in the compound file");
}

std::uint16_t le16(std::string_view s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | static_cast<unsigned char>(s[at + 1]) << 8);
}

std::uint32_t le32(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(le16(s, at)) | static_cast<std::uint32_t>(le16(s, at + 2)) << 16;
}

std::uint64_t le64(std::string_view s, std::size_t at) {
  return static_cast<std::uint64_t>(le32(s, at)) | static_cast<std::uint64_t>(le32(s, at + 4)) << 32;
}

std::uint64_t sectors_for(std::uint64_t size, std::uint64_t sector_size) {
  return size / sector_size + (size % sector_size != 0);
}

char ascii_lower(char32_t c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); }

// Compound file names compare without letter case; only ASCII is folded, which covers the
// names orderlens looks for ("EncryptionInfo", "EncryptedPackage", "Workbook").
bool same_name(const std::u16string& stored, std::string_view wanted) {
  if (stored.size() != wanted.size()) return false;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (stored[i] >= 0x80 || ascii_lower(stored[i]) != ascii_lower(static_cast<unsigned char>(wanted[i]))) return false;
  }
  return true;
}

}  // namespace

bool is_compound_file(std::string_view bytes) { return bytes.starts_with(kSignature); }

CompoundFile::CompoundFile(std::string_view bytes) : bytes_(bytes) {
  if (!is_compound_file(bytes)) {
    throw IngestError(IngestErrorCode::NotText, "the file is not a compound file (no D0 CF 11 E0 signature)");
  }
  if (bytes.size() < kHeaderFieldsSize) damaged("a header cut short");
  if (le16(bytes, 28) != 0xFFFE) damaged("a wrong byte order mark");
  const std::uint16_t sector_shift = le16(bytes, 30);
  if (sector_shift != 9 && sector_shift != 12) damaged("a bad sector size (shift " + std::to_string(sector_shift) + ")");
  if (le16(bytes, 32) != 6) damaged("a bad mini sector size");
  if (le32(bytes, 56) != kMiniStreamCutoff) damaged("a mini stream cutoff other than 4096 bytes");
  sector_size_ = 1u << sector_shift;
  if (bytes.size() < sector_size_) damaged("a header cut short");
  // Some writers do not pad the last sector; it counts, and reads check what is really there.
  const std::uint64_t sectors = sectors_for(bytes.size() - sector_size_, sector_size_);
  if (sectors >= 0xFFFFFFFAu) damaged("more sectors than the format can address");
  sector_count_ = static_cast<std::uint32_t>(sectors);

  read_fat(le32(bytes, 44), le32(bytes, 68), le32(bytes, 72));
  read_directory(le32(bytes, 48));
  read_mini_fat(le32(bytes, 60), le32(bytes, 64));
  const Entry& root = entries_.front();
  if (root.size > 0) mini_stream_ = regular_stream(root.start, root.size);
}

std::string_view CompoundFile::sector(std::uint32_t index) const {
  if (index >= sector_count_) damaged("a sector chain that points outside the file");
  return bytes_.substr((static_cast<std::uint64_t>(index) + 1) * sector_size_, sector_size_);
}

// The sectors of a chain through `table` from `start`, at most `limit` of them (the stream's
// size says how many it needs). A chain can visit each of the table's sectors at most once, so
// one longer than that loops: the walk stops there instead of running forever.
std::vector<std::uint32_t> CompoundFile::chain(std::uint32_t start, const std::vector<std::uint32_t>& table,
                                               std::uint64_t limit) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t at = start; at != kEndOfChain && out.size() < limit;) {
    if (at >= table.size()) damaged("a sector chain that points outside the file");
    if (out.size() >= table.size()) damaged("a sector chain that loops");
    out.push_back(at);
    at = table[at];
  }
  return out;
}

void CompoundFile::read_fat(std::uint32_t fat_sectors, std::uint32_t first_difat, std::uint32_t difat_sectors) {
  if (fat_sectors == 0 || fat_sectors > sector_count_) damaged("a FAT sector count that does not fit the file");
  std::vector<std::uint32_t> locations;
  locations.reserve(fat_sectors);
  for (std::size_t i = 0; i < kHeaderDifatEntries && locations.size() < fat_sectors; ++i) {
    locations.push_back(le32(bytes_, 76 + 4 * i));
  }
  // The rest of the FAT's locations are in DIFAT sectors, each ending with the next one's.
  const std::size_t per_sector = sector_size_ / 4 - 1;
  std::uint32_t next = first_difat;
  for (std::uint32_t walked = 0; locations.size() < fat_sectors; ++walked) {
    if (next == kEndOfChain || next == kFreeSector || walked >= difat_sectors) damaged("a DIFAT that ends before the FAT");
    const std::string_view s = sector(next);
    if (s.size() < sector_size_) damaged("a DIFAT sector cut short");
    for (std::size_t j = 0; j < per_sector && locations.size() < fat_sectors; ++j) locations.push_back(le32(s, 4 * j));
    next = le32(s, 4 * per_sector);
  }
  fat_.reserve(static_cast<std::size_t>(fat_sectors) * (sector_size_ / 4));
  for (std::uint32_t location : locations) {
    const std::string_view s = sector(location);
    if (s.size() < sector_size_) damaged("a FAT sector cut short");
    for (std::size_t j = 0; j < sector_size_ / 4; ++j) fat_.push_back(le32(s, 4 * j));
  }
  // Entries for sectors past the end of the file would let chains leave it.
  if (fat_.size() > sector_count_) fat_.resize(sector_count_);
}

void CompoundFile::read_directory(std::uint32_t first_sector) {
  for (std::uint32_t index : chain(first_sector, fat_, kNoLimit)) {
    const std::string_view s = sector(index);
    if (s.size() < sector_size_) damaged("a directory sector cut short");
    for (std::size_t at = 0; at < s.size(); at += kDirectoryEntrySize) {
      const std::string_view raw = s.substr(at, kDirectoryEntrySize);
      Entry e;
      e.type = static_cast<std::uint8_t>(raw[66]);
      e.start = le32(raw, 116);
      // Version 3 files (512-byte sectors) may leave junk in the size's high half.
      e.size = sector_size_ == 512 ? le32(raw, 120) : le64(raw, 120);
      const std::uint16_t name_bytes = le16(raw, 64);
      if (e.type != 0) {
        if (name_bytes < 2 || name_bytes > 64 || name_bytes % 2 != 0) damaged("a directory entry with a bad name length");
        for (std::size_t k = 0; k + 1 < name_bytes / 2u; ++k) e.name.push_back(static_cast<char16_t>(le16(raw, 2 * k)));
      }
      entries_.push_back(std::move(e));
    }
  }
  if (entries_.empty() || entries_.front().type != kRootEntry) damaged("a directory without its root entry");
}

void CompoundFile::read_mini_fat(std::uint32_t first_sector, std::uint32_t sectors) {
  if (sectors == 0 || first_sector == kEndOfChain) return;
  for (std::uint32_t index : chain(first_sector, fat_, sectors)) {
    const std::string_view s = sector(index);
    if (s.size() < sector_size_) damaged("a mini FAT sector cut short");
    for (std::size_t j = 0; j < sector_size_ / 4; ++j) mini_fat_.push_back(le32(s, 4 * j));
  }
}

std::string CompoundFile::regular_stream(std::uint32_t start, std::uint64_t size) const {
  const std::uint64_t needed = sectors_for(size, sector_size_);
  if (needed > sector_count_) damaged("a stream larger than the file");
  const std::vector<std::uint32_t> sectors = chain(start, fat_, needed);
  if (sectors.size() < needed) damaged("a stream shorter than its stated size");
  std::string out;
  out.reserve(size);
  for (std::uint32_t index : sectors) {
    const std::string_view s = sector(index);
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(sector_size_, size - out.size()));
    if (s.size() < take) damaged("a stream cut short");
    out.append(s.substr(0, take));
  }
  return out;
}

std::string CompoundFile::mini_stream_part(std::uint32_t start, std::uint64_t size) const {
  const std::uint64_t needed = sectors_for(size, kMiniSectorSize);
  if (needed > sectors_for(mini_stream_.size(), kMiniSectorSize)) damaged("a stream larger than the mini stream");
  const std::vector<std::uint32_t> sectors = chain(start, mini_fat_, needed);
  if (sectors.size() < needed) damaged("a stream shorter than its stated size");
  std::string out;
  out.reserve(size);
  for (std::uint32_t index : sectors) {
    const std::uint64_t offset = static_cast<std::uint64_t>(index) * kMiniSectorSize;
    const std::uint64_t take = std::min<std::uint64_t>(kMiniSectorSize, size - out.size());
    if (offset + take > mini_stream_.size()) damaged("a mini stream sector outside the mini stream");
    out.append(mini_stream_, offset, take);
  }
  return out;
}

// The directory is a red-black tree per storage; scanning every entry by name is enough here:
// the streams orderlens reads live at the top level and their names occur nowhere else in the
// files Excel writes.
const CompoundFile::Entry* CompoundFile::find(std::string_view name) const {
  for (const Entry& e : entries_) {
    if (e.type == kStreamEntry && same_name(e.name, name)) return &e;
  }
  return nullptr;
}

bool CompoundFile::has_stream(std::string_view name) const { return find(name) != nullptr; }

std::string CompoundFile::stream(std::string_view name) const {
  const Entry* e = find(name);
  if (!e) throw IngestError(IngestErrorCode::NotText, "the compound file has no stream named " + std::string(name));
  return e->size < kMiniStreamCutoff ? mini_stream_part(e->start, e->size) : regular_stream(e->start, e->size);
}

}  // namespace orderlens
