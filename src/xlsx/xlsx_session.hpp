// Reading an .xlsx workbook into the orders tables, driven from outside: the caller holds the
// file (random access) and inflates entries (DecompressionStream in browsers, zlib natively);
// this session asks for what it needs, in order, and reads it as it streams in.
//
//   XlsxSession s(options);
//   if (auto cd = s.set_tail(last_bytes, file_size)) s.set_central_directory(bytes at cd);
//   while (auto part = s.next_part()) { for each inflated chunk of part: s.push(chunk); s.end_part(); }
//   IngestResult result = s.finish();
//
// The parts, in order: xl/workbook.xml (sheets, date system), its relationships (the sheet's
// part), xl/sharedStrings.xml and xl/styles.xml when present, then the sheet, whose rows go to
// the orders ingestion as CSV text (sheet_reader.hpp). Memory: the shared strings and one chunk
// of the sheet, never the whole sheet.
//
// Errors: IngestError(BadWorkbook) naming the part ("xl/worksheets/sheet1.xml does not parse:
// ..."), or (BadOption) for a sheet that is not in the workbook; the ingestion's own errors
// (no header, ...) as for CSV.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingestor.hpp"
#include "xlsx/shared_strings.hpp"
#include "xlsx/sheet_reader.hpp"
#include "xlsx/workbook_parts.hpp"
#include "xlsx/zip_directory.hpp"

namespace orderlens::xlsx {

struct PartRequest {
  std::string name;
  std::uint64_t header_offset = 0;  // of the local header; the data follow it (local_data_offset)
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;
  std::uint16_t method = 0;  // 0 stored, 8 deflated
};

class XlsxSession {
 public:
  explicit XlsxSession(IngestOptions options);
  ~XlsxSession();

  // The last bytes of the file (up to kZipTailBytes); returns where the central directory is
  // when `tail` does not hold it, else nullopt (it was read from the tail).
  std::optional<CentralDirectoryPlace> set_tail(std::string_view tail, std::uint64_t file_size);
  void set_central_directory(std::string_view bytes);

  // The next part to read, or nullopt when all are read.
  std::optional<PartRequest> next_part();
  // Bytes of the current part (inflated), in chunks of any size.
  void push(std::string_view bytes);
  void end_part();

  IngestResult finish();
  // Rows of the sheet read so far (progress).
  std::uint64_t rows_read() const;

 private:
  enum class Stage : std::uint8_t { Directory, Workbook, Relationships, SharedStrings, Styles, Sheet, Done };
  const ZipEntry* entry(std::string_view name) const;
  [[noreturn]] void part_error(const std::string& what) const;
  void choose_sheet();

  IngestOptions options_;
  std::uint64_t file_size_ = 0;
  CentralDirectoryPlace place_;
  std::vector<ZipEntry> entries_;
  Stage stage_ = Stage::Directory;
  std::string current_part_;
  std::string small_part_;  // workbook, relationships, styles: read whole
  WorkbookInfo workbook_;
  const SheetRef* sheet_ = nullptr;
  std::unique_ptr<SharedStringsReader> shared_;
  std::vector<bool> date_styles_;
  std::unique_ptr<Ingestor> ingestor_;
  std::unique_ptr<SheetReader> sheet_reader_;
};

}  // namespace orderlens::xlsx
