#include "ingest/column_mapping.hpp"

#include <algorithm>

#include "ingest/header_columns.hpp"
#include "ingest/header_search.hpp"
#include "ingest/ingest_error.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr int kSignatureBonus = 100;

// "Email or Phone": the first alias of each role, as the preset writes it.
std::string first_aliases(const Preset& preset, const std::vector<ColumnRole>& roles) {
  std::string out;
  for (ColumnRole role : roles) {
    for (const PresetColumn& c : preset.columns) {
      if (c.role != role || c.aliases.empty()) continue;
      if (!out.empty()) out += " or ";
      out += "\"" + std::string(c.aliases.front()) + "\"";
      break;
    }
  }
  return out;
}

}  // namespace

HeaderMatch match_header(const Preset& preset, const std::vector<std::string>& header,
                         const ExplicitMapping& explicit_mapping) {
  HeaderMatch m;
  m.preset = &preset;
  const std::vector<std::string> keys = header_keys(header);

  for (const PresetColumn& c : preset.columns) {
    auto& cols = m.mapping.columns[index_of(c.role)];
    for (std::string_view alias : c.aliases) {
      const auto col = find_column(keys, alias);
      if (col && std::find(cols.begin(), cols.end(), *col) == cols.end()) cols.push_back(*col);
    }
  }

  // Explicit mapping wins over the preset, role by role.
  for (std::size_t r = 0; r < kColumnRoleCount; ++r) {
    const auto& refs = explicit_mapping.roles[r];
    if (!refs) continue;
    auto& cols = m.mapping.columns[r];
    cols.clear();
    for (const ColumnRef& ref : *refs) {
      const std::optional<std::uint32_t> col = find_column(keys, ref);
      if (!col) {
        m.missing.push_back(describe_column_ref(ref) + " for " +
                            std::string(column_role_key(static_cast<ColumnRole>(r))));
        continue;
      }
      cols.push_back(*col);
    }
  }

  int signature_groups_matched = 0;
  for (const auto& group : preset.signature) {
    bool any = false;
    for (std::string_view alias : group) any |= find_column(keys, alias).has_value();
    if (any) {
      ++signature_groups_matched;
    } else {
      m.missing.push_back("column \"" + std::string(group.front()) + "\"");
    }
  }

  m.identity_roles = preset.identity_roles;
  bool has_identity = std::any_of(m.identity_roles.begin(), m.identity_roles.end(),
                                  [&](ColumnRole r) { return m.mapping.has(r); });
  if (!has_identity && explicit_mapping.roles[index_of(ColumnRole::CustomerName)] &&
      m.mapping.has(ColumnRole::CustomerName)) {
    m.identity_roles.push_back(ColumnRole::CustomerName);  // the caller chose names as identity
    has_identity = true;
  }
  if (!has_identity) {
    m.missing.push_back("a customer column (" + first_aliases(preset, preset.identity_roles) + ")");
  }
  if (!m.mapping.has(ColumnRole::OrderDate) && !m.mapping.has(ColumnRole::PaidDate))
    m.missing.push_back("an order date column (" + first_aliases(preset, {ColumnRole::OrderDate}) + ")");
  if (!m.mapping.has(ColumnRole::OrderTotal) && !m.mapping.has(ColumnRole::LineTotal) &&
      !m.mapping.has(ColumnRole::UnitPrice))
    m.missing.push_back("an amount column (" +
                        first_aliases(preset, {ColumnRole::OrderTotal, ColumnRole::LineTotal, ColumnRole::UnitPrice}) + ")");

  for (const auto& cols : m.mapping.columns) m.score += cols.empty() ? 0 : 1;
  if (!preset.signature.empty() && signature_groups_matched == static_cast<int>(preset.signature.size()))
    m.score += kSignatureBonus;
  m.score += signature_groups_matched;
  m.eligible = m.missing.empty();
  return m;
}

bool is_auto_preset(std::string_view preset_key) {
  return preset_key.empty() || normalize_header_name(preset_key) == "auto";
}

HeaderChoice choose_header(const std::vector<std::vector<std::string>>& rows,
                           const std::vector<std::uint64_t>& row_lines, std::string_view preset_key,
                           const ExplicitMapping& explicit_mapping) {
  std::vector<const Preset*> candidates;
  const bool automatic = is_auto_preset(preset_key);
  if (automatic) {
    for (const Preset& p : all_presets()) candidates.push_back(&p);
  } else if (const Preset* p = find_preset(preset_key)) {
    candidates.push_back(p);
  } else {
    std::string known;
    for (const Preset& q : all_presets()) known += (known.empty() ? "" : ", ") + std::string(q.key);
    throw IngestError(IngestErrorCode::BadOption,
                      "unknown preset \"" + std::string(preset_key) + "\"; expected auto, " + known);
  }

  auto found = search_header_rows(rows, candidates, [&](const Preset& p, const std::vector<std::string>& row) {
    return match_header(p, row, explicit_mapping);
  });
  if (found.best) return HeaderChoice{found.best_row, std::move(*found.best)};

  std::string msg = "could not find the header row of an orders export";
  msg += " in the first " + std::to_string(rows.size()) + " rows.";
  msg += shown_row_text(rows, row_lines, found.closest_row);
  if (found.closest) {
    msg += closest_layout_text(found.closest->preset->display_name, found.closest->missing);
  } else {
    msg += " No column matches a known export layout.";
  }
  msg += " Choose the layout with the preset option, or map the columns: a customer (customerId, email or phone), "
         "an order date (orderDate) and an amount (orderTotal or lineTotal).";
  throw IngestError(IngestErrorCode::NoHeader, msg);
}

}  // namespace orderlens
