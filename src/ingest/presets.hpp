// Export layouts of the supported platforms, recognized from the header by normalized column
// names. Every preset can be overridden column by column with an explicit mapping.
//
// Sources for the layouts (column names, status words, quirks) are listed in docs/presets.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_role.hpp"
#include "ingest/date_time.hpp"

namespace orderlens {

// Whether the status column describes the whole order (Shopify, WooCommerce, Stripe) or
// each line (Cafe24 and Smartstore write one status per ordered item).
enum class StatusScope : std::uint8_t { Order, Line };

struct PresetColumn {
  ColumnRole role;
  std::vector<std::string_view> aliases;  // as the platform writes them; matched normalized
};

struct Preset {
  std::string_view key;           // "shopify", "cafe24", ...
  std::string_view display_name;  // "Shopify orders export"
  std::vector<PresetColumn> columns;
  // Column groups that identify the platform: each group must match at least one column.
  // Empty for the generic layout.
  std::vector<std::vector<std::string_view>> signature;
  // Roles that identify a customer, in order of preference.
  std::vector<ColumnRole> identity_roles;
  StatusScope status_scope = StatusScope::Order;
  DayMonthOrder day_month_order = DayMonthOrder::MonthFirst;
};

// All presets, in detection priority order; "generic" is last.
const std::vector<Preset>& all_presets();
const Preset* find_preset(std::string_view key);

// The key a header name is matched by: a trailing currency / zone code in parentheses
// ("(KRW)", "(UTC)") is dropped, then normalize_header_name() applies.
std::string header_key(std::string_view raw_name);

}  // namespace orderlens
