#include "ingest/header_search.hpp"

#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr std::size_t kCellsShown = 12;
constexpr std::size_t kCellExcerptChars = 40;

}  // namespace

std::vector<std::string> header_candidate_cells(const CsvRecord& r) {
  std::vector<std::string> cells;
  cells.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) cells.emplace_back(trim(r.field(i)));
  return cells;
}

std::string shown_row_text(const std::vector<std::vector<std::string>>& rows, const std::vector<std::uint64_t>& row_lines,
                           std::size_t row) {
  if (rows.empty()) return {};
  const std::vector<std::string>& cells = rows[row];
  std::string out = " Columns on line " + std::to_string(row_lines[row]) + ": ";
  for (std::size_t i = 0; i < cells.size() && i < kCellsShown; ++i) {
    if (i) out += ", ";
    out += printable_excerpt(cells[i], kCellExcerptChars);
  }
  if (cells.size() > kCellsShown) out += ", … (" + std::to_string(cells.size()) + " columns)";
  return out + ".";
}

std::string closest_layout_text(std::string_view layout_name, const std::vector<std::string>& missing) {
  std::string out = " Closest layout: " + std::string(layout_name) + ", which lacks ";
  for (std::size_t i = 0; i < missing.size(); ++i) out += (i ? ", " : "") + missing[i];
  return out + ".";
}

}  // namespace orderlens
