// The search for the header row among a file's first rows, shared by the orders
// (column_mapping.hpp choose_header) and the website events (events/event_layout.hpp
// choose_event_header), and the parts of the message when no row qualifies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ingest/csv_tokenizer.hpp"

namespace orderlens {

// A header candidate's cells as the search compares them: each field trimmed.
std::vector<std::string> header_candidate_cells(const CsvRecord& record);

template <typename Match>
struct HeaderSearch {
  std::optional<Match> best;     // the best eligible match
  std::size_t best_row = 0;
  std::optional<Match> closest;  // else the ineligible match to explain the failure with
  std::size_t closest_row = 0;   // 0 without one
};

// Matches every layout against every row with `match_row(layout, row)`, which returns a match
// with `eligible`, `score` and `missing`. Best: the highest score (the first on a tie). Closest:
// with some score, lacking the fewest things, then the highest score.
template <typename Layout, typename MatchRow>
auto search_header_rows(const std::vector<std::vector<std::string>>& rows, const std::vector<const Layout*>& layouts,
                        MatchRow match_row) {
  using Match = std::invoke_result_t<MatchRow&, const Layout&, const std::vector<std::string>&>;
  HeaderSearch<Match> found;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (const Layout* layout : layouts) {
      Match m = match_row(*layout, rows[r]);
      if (m.eligible) {
        if (!found.best || m.score > found.best->score) {
          found.best = std::move(m);
          found.best_row = r;
        }
      } else if (m.score > 0 && (!found.closest || m.missing.size() < found.closest->missing.size() ||
                                 (m.missing.size() == found.closest->missing.size() && m.score > found.closest->score))) {
        found.closest = std::move(m);
        found.closest_row = r;
      }
    }
  }
  return found;
}

// " Columns on line 3: a, b, … (20 columns)." showing rows[row] (its first 12 cells); empty
// without rows.
std::string shown_row_text(const std::vector<std::vector<std::string>>& rows, const std::vector<std::uint64_t>& row_lines,
                           std::size_t row);

// " Closest layout: <name>, which lacks a, b."
std::string closest_layout_text(std::string_view layout_name, const std::vector<std::string>& missing);

}  // namespace orderlens
