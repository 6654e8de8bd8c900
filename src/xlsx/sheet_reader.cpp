#include "xlsx/sheet_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "xlsx/excel_dates.hpp"

namespace orderlens::xlsx {

namespace {

constexpr std::uint32_t kNoColumn = 0xFFFFFFFFu;
// Excel's limits: 16,384 columns (XFD) and 1,048,576 rows.
constexpr std::uint32_t kMaxColumns = 16384;

}  // namespace

std::uint32_t column_of_reference(std::string_view reference) {
  std::uint32_t column = 0;
  std::size_t i = 0;
  for (; i < reference.size(); ++i) {
    const char c = reference[i];
    if (c >= 'A' && c <= 'Z') column = column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
    else if (c >= 'a' && c <= 'z') column = column * 26 + static_cast<std::uint32_t>(c - 'a' + 1);
    else break;
    if (column > kMaxColumns) return kNoColumn;
  }
  return i == 0 ? kNoColumn : column - 1;
}

std::string column_name(std::uint32_t column) {
  std::string name;
  for (std::uint32_t n = column + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

SheetReader::SheetReader(const SharedStringsReader* shared_strings, std::vector<bool> date_styles, bool date1904, RecordOut out)
    : shared_(shared_strings), date_styles_(std::move(date_styles)), date1904_(date1904), out_(std::move(out)) {}

void SheetReader::push(std::string_view bytes) { scanner_.push(bytes, *this); }

void SheetReader::finish() { scanner_.finish(*this); }

void SheetReader::bad_cell(const std::string& what) const {
  throw XmlError("cell " + column_name(column_) + std::to_string(row_number_) + ": " + what);
}

void SheetReader::on_start(std::string_view name, const XmlTag& tag, bool self_closing) {
  // Outside the rows only two elements matter; <sheetData> hands the rows to on_raw.
  if (name == "sheetData") {
    raw_mode_ = !self_closing;
  } else if (name == "dimension") {
    // "A1:Z500": the sheet's width up front.
    const std::string_view ref = tag.attribute("ref");
    const std::size_t colon = ref.find(':');
    const std::uint32_t last = column_of_reference(colon == std::string_view::npos ? ref : ref.substr(colon + 1));
    if (last != kNoColumn && last < kMaxColumns) width_ = std::max(width_, last + 1);
  }
}

void SheetReader::on_end(std::string_view) {}

void SheetReader::on_text(std::string_view) {}

void SheetReader::begin_cell(std::string_view r, std::string_view t, std::string_view s) {
  column_ = r.empty() ? next_column_ : column_of_reference(r);
  if (column_ == kNoColumn || column_ >= kMaxColumns) {
    column_ = next_column_;
    bad_cell("the reference \"" + std::string(r) + "\" names no column");
  }
  type_ = t.empty() || t == "n" ? CellType::Number : t == "s" ? CellType::Shared : t == "inlineStr" ? CellType::Inline
          : t == "b" ? CellType::Boolean : t == "d" ? CellType::Date : CellType::Text;  // str, e
  date_style_ = false;
  if (type_ == CellType::Number && !date_styles_.empty()) {
    std::uint32_t style = 0;
    std::from_chars(s.data(), s.data() + s.size(), style);
    date_style_ = style < date_styles_.size() && date_styles_[style];
  }
  in_cell_ = true;
  value_start_ = row_text_.size();
}

void SheetReader::begin_row(std::string_view r) {
  std::uint64_t number = 0;
  if (r.empty() || std::from_chars(r.data(), r.data() + r.size(), number).ec != std::errc()) number = row_number_ + 1;
  if (number <= row_number_) throw XmlError("row " + std::to_string(number) + " comes after row " + std::to_string(row_number_));
  row_number_ = number;
  next_column_ = 0;
  in_row_ = true;
}

void SheetReader::end_cell() {
  if (!in_cell_) return;  // a stray </c>
  in_cell_ = false;
  next_column_ = column_ + 1;
  const std::string_view raw = std::string_view(row_text_).substr(value_start_);
  if (raw.empty()) return;
  Span span{nullptr, static_cast<std::uint32_t>(value_start_), 0, true};
  // Values that are not their own text are replaced at the end of row_text_; a shared string
  // is not copied here at all: its span points into the shared strings (end_row copies it once).
  switch (type_) {
    case CellType::Shared: {
      std::uint64_t index = 0;
      if (!shared_ || std::from_chars(raw.data(), raw.data() + raw.size(), index).ec != std::errc() || index >= shared_->size())
        bad_cell("refers to shared string " + std::string(raw) + ", but the workbook has " + std::to_string(shared_ ? shared_->size() : 0));
      row_text_.resize(value_start_);
      const std::string_view text = shared_->at(index);
      if (text.empty()) return;
      span.shared = text.data();
      span.length = static_cast<std::uint32_t>(text.size());
      break;
    }
    case CellType::Boolean: {
      const bool yes = raw == "1" || raw == "true";
      row_text_.resize(value_start_);
      row_text_.append(yes ? "TRUE" : "FALSE");
      break;
    }
    case CellType::Number:
      if (date_style_) {
        scratch_ = excel_serial_to_text(raw, date1904_);
        if (!scratch_.empty()) {
          row_text_.resize(value_start_);
          row_text_.append(scratch_);
        }
      }
      break;
    case CellType::Inline:
      if (raw.find("_x") != std::string_view::npos) {
        scratch_.clear();
        decode_ooxml_escapes(raw, scratch_);
        row_text_.resize(value_start_);
        row_text_.append(scratch_);
      }
      break;
    case CellType::Text:
    case CellType::Date: break;
  }
  if (!span.shared) {
    span.length = static_cast<std::uint32_t>(row_text_.size() - value_start_);
    if (span.length == 0) return;
  }
  if (spans_.size() <= column_) spans_.resize(column_ + 1);
  spans_[column_] = span;
  used_ = std::max(used_, column_ + 1);
  ++cells_;
}

void SheetReader::end_row() {
  // A </row> with no row open (found by fuzzing: "<sheetData></row>") used to hand on an empty
  // row numbered 0, or the previous row's number again.
  if (!in_row_) return;
  in_row_ = false;
  // A </row> inside an open cell (a damaged sheet) ends the cell first: its value is in row_text_.
  if (in_cell_) end_cell();
  in_value_ = in_inline_text_ = false;
  width_ = std::max(width_, used_);
  values_.clear();
  if (used_ > 0) {
    // The raw text only tells identical rows apart: each value with its length in front is
    // unambiguous and cheaper than quoting a CSV line. It is written in one go, and the
    // record's values are views into it (one copy of each value, none for empty cells).
    std::size_t total = std::size_t{width_} * sizeof(std::uint32_t);
    for (std::uint32_t c = 0; c < used_; ++c)
      if (spans_[c].filled) total += spans_[c].length;
    raw_.resize(total);
    char* out = raw_.data();
    for (std::uint32_t c = 0; c < width_; ++c) {
      const Span* span = c < used_ && spans_[c].filled ? &spans_[c] : nullptr;
      const std::uint32_t length = span ? span->length : 0;
      std::memcpy(out, &length, sizeof length);
      out += sizeof length;
      if (span) std::memcpy(out, span->shared ? span->shared : row_text_.data() + span->start, length);
      values_.emplace_back(out, length);
      out += length;
    }
  } else {
    raw_.clear();
  }
  ++rows_;
  out_(record_.build(row_number_, values_, raw_));
  for (std::uint32_t c = 0; c < used_; ++c) spans_[c].filled = false;
  used_ = 0;
  row_text_.clear();
}

}  // namespace orderlens::xlsx
