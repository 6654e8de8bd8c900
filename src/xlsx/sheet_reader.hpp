// One worksheet part (xl/worksheets/sheetN.xml), read as it streams in and written out as CSV
// text, row by row, for the orders ingestion: the same header search, presets, field parsers
// and diagnostics as a CSV file (ingest/ingestor.hpp). Cells: shared strings, inline strings
// (rich-text runs joined), numbers as written (dates, by their style, as "YYYY-MM-DD HH:MM:SS"),
// booleans (TRUE / FALSE), formula results, errors (#N/A) as text. Empty cells are skipped in
// the XML; the "r" references put the others in their columns, and every row is padded to the
// sheet's width so a short row is not a row with missing fields.
//
// Line numbers: a missing row (rows are skipped in the XML too) becomes an empty line, so the
// CSV line of a row is its row number in Excel. A cell holding line breaks adds lines to the
// CSV; the rows after it are then numbered that much higher, until the next missing row
// absorbs the difference.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "xlsx/shared_strings.hpp"
#include "xlsx/xml_scanner.hpp"

namespace orderlens::xlsx {

class SheetReader final : private XmlHandler {
 public:
  using TextOut = std::function<void(std::string_view csv_text)>;
  SheetReader(const SharedStringsReader* shared_strings, std::vector<bool> date_styles, bool date1904, TextOut out);

  void push(std::string_view bytes);
  void finish();
  std::uint64_t rows() const { return rows_; }
  std::uint64_t cells() const { return cells_; }

 private:
  void on_start(std::string_view name, const std::vector<XmlAttribute>& attributes, bool self_closing) override;
  void on_end(std::string_view name) override;
  void on_text(std::string_view text) override;
  void end_cell();
  void end_row();
  void flush(bool all);
  [[noreturn]] void bad_cell(const std::string& what) const;

  const SharedStringsReader* shared_;
  std::vector<bool> date_styles_;
  bool date1904_;
  TextOut out_;
  XmlScanner scanner_;

  // The cell being read.
  enum class CellType : std::uint8_t { Number, Shared, Inline, Text, Boolean, Date };
  CellType type_ = CellType::Number;
  bool date_style_ = false;
  std::uint32_t column_ = 0;
  std::string value_;
  bool in_value_ = false, in_inline_text_ = false;
  int in_phonetic_ = 0;
  std::string cell_ref_;  // for messages

  // The row being built: values by column.
  std::vector<std::string> row_;
  std::vector<bool> filled_;
  std::uint32_t next_column_ = 0;
  std::uint64_t row_number_ = 0;
  std::uint32_t width_ = 0;  // the sheet's width: <dimension>, or the widest row so far
  std::uint64_t lines_out_ = 0;  // CSV lines written (line breaks inside values included)
  std::uint64_t rows_ = 0, cells_ = 0;
  std::string buffer_;  // CSV text waiting to go out
  std::string scratch_;
};

// 0-based column of a cell reference ("C12" -> 2); npos-like 0xFFFFFFFF when there are no letters.
std::uint32_t column_of_reference(std::string_view reference);

}  // namespace orderlens::xlsx
