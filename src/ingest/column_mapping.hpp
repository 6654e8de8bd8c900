// Matching a header row against the presets, the caller's explicit column mapping, and
// choosing the header row among the first rows of the file (Smartstore and others put title
// or guidance rows above it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_ref.hpp"
#include "ingest/column_role.hpp"
#include "ingest/presets.hpp"

namespace orderlens {

struct ColumnMapping {
  PerRole<std::vector<std::uint32_t>> columns;  // 0-based header indices, by priority
  bool has(ColumnRole r) const { return !columns[index_of(r)].empty(); }
  const std::vector<std::uint32_t>& of(ColumnRole r) const { return columns[index_of(r)]; }
};

// Roles the caller mapped. A role given with an empty list is unmapped on purpose.
struct ExplicitMapping {
  PerRole<std::optional<std::vector<ColumnRef>>> roles;
};

struct HeaderMatch {
  const Preset* preset = nullptr;
  ColumnMapping mapping;
  std::vector<ColumnRole> identity_roles;
  bool eligible = false;
  int score = 0;
  std::vector<std::string> missing;  // what keeps it from being eligible, in words
};

// Matches one header row (names as written) against a preset plus the explicit mapping.
HeaderMatch match_header(const Preset& preset, const std::vector<std::string>& header,
                         const ExplicitMapping& explicit_mapping);

struct HeaderChoice {
  std::size_t row = 0;  // index into the candidate rows
  HeaderMatch match;
};

// True for "" or "auto" (any case or punctuation): the layout is detected from the header.
bool is_auto_preset(std::string_view preset_key);

// Picks the header among candidate rows (each a list of cell values): the row with the best
// eligible match over the allowed presets (one named preset, or all when `preset_key` is
// "auto"). Throws IngestError(NoHeader) with the columns found and the closest layout.
HeaderChoice choose_header(const std::vector<std::vector<std::string>>& rows,
                           const std::vector<std::uint64_t>& row_lines, std::string_view preset_key,
                           const ExplicitMapping& explicit_mapping);

}  // namespace orderlens
