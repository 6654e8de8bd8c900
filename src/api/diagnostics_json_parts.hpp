// JSON pieces that the orders' (report_json.hpp) and the events' (events_json.hpp) diagnostics
// share: the column mapping and the skip-reason / warning arrays. Templated over the role and
// reason enums, which differ between the two ingestions.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/delimiter_sniffer.hpp"
#include "ingest/diagnostics.hpp"

namespace orderlens {

// How the file was read, the first keys of both diagnostics: {file, bytes, encoding {name,
// reason, byteOrderMark}, delimiter {char, name, reason}, header {line, rowsAbove, columns}}.
template <typename Diag>
nlohmann::ordered_json file_reading_json(const Diag& d) {
  return {
      {"file", d.file_name},
      {"bytes", d.bytes},
      {"encoding", {{"name", d.encoding}, {"reason", d.encoding_reason}, {"byteOrderMark", d.byte_order_mark}}},
      {"delimiter", {{"char", std::string(1, d.delimiter)}, {"name", delimiter_display(d.delimiter)}, {"reason", d.delimiter_reason}}},
      {"header", {{"line", d.header_line}, {"rowsAbove", d.rows_before_header}, {"columns", d.columns}}},
  };
}

// One skip reason or warning: {reason, message, count, examples: [{line, value, detail, column, columnName}]}
// (column and columnName only for an issue about one value).
nlohmann::ordered_json issue_tally_json(std::string_view key, std::string_view message, const IssueTally& t);

// {"<role key>": [header names], ...} for every mapped role, in role order; a column beyond the
// header is named by its 1-based number.
template <typename Role, std::size_t N, typename RoleKey>
nlohmann::ordered_json column_mapping_json(const std::array<std::vector<std::uint32_t>, N>& mapping,
                                           const std::vector<std::string>& columns, RoleKey role_key) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (std::size_t r = 0; r < N; ++r) {
    if (mapping[r].empty()) continue;
    nlohmann::ordered_json names = nlohmann::ordered_json::array();
    for (std::uint32_t c : mapping[r]) names.push_back(c < columns.size() ? columns[c] : std::to_string(c + 1));
    out[std::string(role_key(static_cast<Role>(r)))] = std::move(names);
  }
  return out;
}

// [issue_tally_json(...)] for every reason counted at least once, in enum order.
template <typename Reason, std::size_t N, typename ReasonKey, typename ReasonText>
nlohmann::ordered_json issue_tallies_json(const std::array<IssueTally, N>& tallies, ReasonKey reason_key,
                                          ReasonText reason_text) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < N; ++i) {
    if (!tallies[i].count) continue;
    const auto reason = static_cast<Reason>(i);
    out.push_back(issue_tally_json(reason_key(reason), reason_text(reason), tallies[i]));
  }
  return out;
}

}  // namespace orderlens
