// One worksheet part (xl/worksheets/sheetN.xml), read as it streams in and handed, row by row,
// to the orders ingestion as records (Ingestor::push_record): the same header search, presets,
// field parsers and diagnostics as a CSV file (ingest/ingestor.hpp). Cells: shared strings, inline strings
// (rich-text runs joined), numbers as written (dates, by their style, as "YYYY-MM-DD HH:MM:SS"),
// booleans (TRUE / FALSE), formula results, errors (#N/A) as text. Empty cells are skipped in
// the XML; the "r" references put the others in their columns, and every row is padded to the
// sheet's width so a short row is not a row with missing fields.
//
// Line numbers: a record's line is the row's number in Excel (rows missing from the XML are
// simply not there). Each record's "raw text", by which the ingestion tells identical rows
// apart, is its values each with its length in front.
//
// This is the hot path of reading a workbook (a sheet is hundreds of MB of XML). The generic
// scanner reads the sheet up to <sheetData>; the rows inside it are read by a scanner of their
// own (sheet_rows.cpp), which knows the handful of elements a row holds and reads each tag and
// its attributes in one pass. Each cell's value is appended once to the row's text, and the
// record points into it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv_tokenizer.hpp"
#include "xlsx/shared_strings.hpp"
#include "xlsx/xml_scanner.hpp"

namespace orderlens::xlsx {

class SheetReader final : private XmlHandler {
 public:
  using RecordOut = std::function<void(const CsvRecord& row)>;
  SheetReader(const SharedStringsReader* shared_strings, std::vector<bool> date_styles, bool date1904, RecordOut out);

  void push(std::string_view bytes);
  void finish();
  std::uint64_t rows() const { return rows_; }
  std::uint64_t cells() const { return cells_; }

 private:
  void on_start(std::string_view name, const XmlTag& tag, bool self_closing) override;
  void on_end(std::string_view name) override;
  void on_text(std::string_view text) override;
  std::size_t on_raw(std::string_view text, bool final) override;  // sheet_rows.cpp

  // A start tag inside <sheetData>, read by sheet_rows.cpp: its local name, the attributes a
  // row or cell uses (entities decoded), and whether it closes itself.
  struct RowTag {
    std::string_view name, r, t, s;
    bool self_closing = false;
  };
  std::size_t read_row_tag(std::string_view text, std::size_t at, RowTag& tag);
  void start_element(const RowTag& tag);
  bool end_element(std::string_view name);  // true at </sheetData>
  void keep_attribute(RowTag& tag, char letter, std::string_view value);
  void begin_cell(std::string_view reference, std::string_view type, std::string_view style);
  void begin_row(std::string_view reference);
  void end_cell();
  void end_row();
  [[noreturn]] void bad_cell(const std::string& what) const;

  const SharedStringsReader* shared_;
  std::vector<bool> date_styles_;
  bool date1904_;
  RecordOut out_;
  XmlScanner scanner_;

  // The cell being read: its text goes straight to the end of row_text_.
  enum class CellType : std::uint8_t { Number, Shared, Inline, Text, Boolean, Date };
  CellType type_ = CellType::Number;
  bool date_style_ = false;
  bool in_cell_ = false, in_value_ = false, in_inline_text_ = false;
  int in_phonetic_ = 0;
  std::uint32_t column_ = 0;
  std::size_t value_start_ = 0;  // in row_text_

  // The row being built: each filled column's value, a span of row_text_ or, for a shared
  // string, of the shared strings' own storage (stable while the sheet is read).
  struct Span {
    const char* shared = nullptr;
    std::uint32_t start = 0, length = 0;
    bool filled = false;
  };
  std::string row_text_;
  std::vector<Span> spans_;
  std::uint32_t used_ = 0;  // columns up to the last filled one
  std::uint32_t next_column_ = 0;
  std::uint64_t row_number_ = 0;
  bool in_row_ = false;  // between <row> and </row>: a stray </row> ends nothing
  std::uint32_t width_ = 0;  // the sheet's width: <dimension>, or the widest row so far
  std::uint64_t rows_ = 0, cells_ = 0;
  std::vector<std::string_view> values_;  // the record's fields: views into raw_
  std::string raw_;  // the row's values, each after its length
  RecordBuilder record_;
  std::string scratch_;
  std::string decoded_attributes_[3];  // r, t, s of the current tag, when they hold entities
};

// 0-based column of a cell reference ("C12" -> 2); 0xFFFFFFFF when there are no letters.
std::uint32_t column_of_reference(std::string_view reference);
// "C" for column 2.
std::string column_name(std::uint32_t column);

}  // namespace orderlens::xlsx
