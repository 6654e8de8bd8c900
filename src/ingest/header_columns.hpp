// Finding columns in a header row, the same way for the order presets (column_mapping.hpp) and
// the events layouts (events/event_layout.hpp): names compare by header_key (presets.hpp), so
// case, spaces, punctuation and a trailing unit do not matter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_ref.hpp"

namespace orderlens {

// header_key of every cell of `header`, in order.
std::vector<std::string> header_keys(const std::vector<std::string>& header);

// The first column whose key is `name`'s; nullopt when none (or `name` has no key).
std::optional<std::uint32_t> find_column(const std::vector<std::string>& keys, std::string_view name);

// The column a caller's reference names: its 1-based number within the header, or the column
// found by its name; nullopt when there is none.
std::optional<std::uint32_t> find_column(const std::vector<std::string>& keys, const ColumnRef& ref);

// A column reference for messages: `column 3` or `column "Buyer"`.
std::string describe_column_ref(const ColumnRef& ref);

}  // namespace orderlens
