#include "xlsx/sheet_reader.hpp"

#include <algorithm>
#include <charconv>

#include "xlsx/excel_dates.hpp"

namespace orderlens::xlsx {

namespace {

constexpr std::uint32_t kNoColumn = 0xFFFFFFFFu;
// Excel's limits: 16,384 columns (XFD) and 1,048,576 rows.
constexpr std::uint32_t kMaxColumns = 16384;

std::string_view attribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
  for (const XmlAttribute& a : attributes)
    if (a.name == name) return a.value;
  return {};
}

void append_csv_field(std::string_view value, std::string& out) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

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

SheetReader::SheetReader(const SharedStringsReader* shared_strings, std::vector<bool> date_styles, bool date1904, TextOut out)
    : shared_(shared_strings), date_styles_(std::move(date_styles)), date1904_(date1904), out_(std::move(out)) {}

void SheetReader::push(std::string_view bytes) {
  scanner_.push(bytes, *this);
  flush(false);
}

void SheetReader::finish() {
  scanner_.finish(*this);
  flush(true);
}

void SheetReader::flush(bool all) {
  if (buffer_.empty() || (!all && buffer_.size() < (1u << 16))) return;
  out_(buffer_);
  buffer_.clear();
}

void SheetReader::bad_cell(const std::string& what) const {
  throw XmlError("cell " + (cell_ref_.empty() ? "in row " + std::to_string(row_number_) : cell_ref_) + ": " + what);
}

void SheetReader::on_start(std::string_view name, const std::vector<XmlAttribute>& a, bool) {
  if (name == "c") {
    const std::string_view r = attribute(a, "r");
    cell_ref_.assign(r);
    column_ = r.empty() ? next_column_ : column_of_reference(r);
    if (column_ == kNoColumn || column_ >= kMaxColumns) bad_cell("the reference \"" + std::string(r) + "\" names no column");
    const std::string_view t = attribute(a, "t");
    type_ = t.empty() || t == "n" ? CellType::Number : t == "s" ? CellType::Shared : t == "inlineStr" ? CellType::Inline
            : t == "b" ? CellType::Boolean : t == "d" ? CellType::Date : CellType::Text;  // str, e
    std::uint32_t style = 0;
    const std::string_view s = attribute(a, "s");
    std::from_chars(s.data(), s.data() + s.size(), style);
    date_style_ = style < date_styles_.size() && date_styles_[style];
    value_.clear();
  } else if (name == "v") {
    in_value_ = true;
  } else if (name == "t") {
    in_inline_text_ = type_ == CellType::Inline && in_phonetic_ == 0;
  } else if (name == "rPh") {
    ++in_phonetic_;
  } else if (name == "row") {
    const std::string_view r = attribute(a, "r");
    std::uint64_t number = 0;
    if (r.empty() || std::from_chars(r.data(), r.data() + r.size(), number).ec != std::errc()) number = row_number_ + 1;
    if (number <= row_number_) throw XmlError("row " + std::to_string(number) + " comes after row " + std::to_string(row_number_));
    row_number_ = number;
    next_column_ = 0;
  } else if (name == "dimension") {
    // "A1:Z500": the sheet's width up front.
    const std::string_view ref = attribute(a, "ref");
    const std::size_t colon = ref.find(':');
    const std::uint32_t last = column_of_reference(colon == std::string_view::npos ? ref : ref.substr(colon + 1));
    if (last != kNoColumn && last < kMaxColumns) width_ = std::max(width_, last + 1);
  }
}

void SheetReader::on_end(std::string_view name) {
  if (name == "v") in_value_ = false;
  else if (name == "t") in_inline_text_ = false;
  else if (name == "rPh") --in_phonetic_;
  else if (name == "c") end_cell();
  else if (name == "row") end_row();
}

void SheetReader::on_text(std::string_view text) {
  if (in_value_ || in_inline_text_) value_.append(text);
}

void SheetReader::end_cell() {
  next_column_ = column_ + 1;
  if (value_.empty()) return;
  std::string_view value = value_;
  switch (type_) {
    case CellType::Shared: {
      std::uint64_t index = 0;
      if (!shared_ || std::from_chars(value_.data(), value_.data() + value_.size(), index).ec != std::errc() || index >= shared_->size())
        bad_cell("refers to shared string " + value_ + ", but the workbook has " + std::to_string(shared_ ? shared_->size() : 0));
      value = shared_->at(index);
      break;
    }
    case CellType::Boolean: value = value_ == "1" || value_ == "true" ? "TRUE" : "FALSE"; break;
    case CellType::Number:
      if (date_style_) {
        scratch_ = excel_serial_to_text(value_, date1904_);
        if (!scratch_.empty()) value = scratch_;
      }
      break;
    case CellType::Inline:
      if (value_.find("_x") != std::string::npos) {
        scratch_.clear();
        decode_ooxml_escapes(value_, scratch_);
        value = scratch_;
      }
      break;
    case CellType::Text:
    case CellType::Date: break;
  }
  if (value.empty()) return;
  if (row_.size() <= column_) {
    row_.resize(column_ + 1);
    filled_.resize(column_ + 1);
  }
  row_[column_].assign(value);
  filled_[column_] = true;
  ++cells_;
}

void SheetReader::end_row() {
  // Missing rows become empty lines, so lines keep Excel's row numbers where they can.
  while (lines_out_ + 1 < row_number_) {
    buffer_.push_back('\n');
    ++lines_out_;
  }
  std::uint32_t used = 0;
  for (std::uint32_t c = 0; c < filled_.size(); ++c)
    if (filled_[c]) used = c + 1;
  width_ = std::max(width_, used);
  if (used > 0) {
    for (std::uint32_t c = 0; c < width_; ++c) {
      if (c) buffer_.push_back(',');
      if (c < used && filled_[c]) {
        append_csv_field(row_[c], buffer_);
        lines_out_ += static_cast<std::uint64_t>(std::count(row_[c].begin(), row_[c].end(), '\n'));
      }
    }
  }
  buffer_.push_back('\n');
  ++lines_out_;
  ++rows_;
  std::fill(filled_.begin(), filled_.end(), false);
  flush(false);
}

}  // namespace orderlens::xlsx
