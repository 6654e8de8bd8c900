#include "ingest/ingest_settings.hpp"

#include <nlohmann/json.hpp>

#include "ingest/ingest_error.hpp"

namespace orderlens {

using nlohmann::json;

std::string settings_to_json(const IngestSettings& s) {
  json mapping = json::object();
  for (std::size_t r = 0; r < kColumnRoleCount; ++r)
    if (!s.mapping.columns[r].empty())
      mapping[std::string(column_role_key(static_cast<ColumnRole>(r)))] = s.mapping.columns[r];
  json identity = json::array();
  for (ColumnRole r : s.identity_roles) identity.push_back(column_role_key(r));
  return json{{"encoding", std::string(encoding_name(s.encoding))},
              {"delimiter", std::string(1, s.delimiter)},
              {"header", s.header},
              {"preset", s.preset},
              {"mapping", std::move(mapping)},
              {"identityRoles", std::move(identity)},
              {"statusPerLine", s.status_scope == StatusScope::Line},
              {"dayFirst", s.day_month_order == DayMonthOrder::DayFirst},
              {"decimalComma", s.decimal == DecimalSeparator::Comma}}
      .dump();
}

IngestSettings settings_from_json(std::string_view text) {
  IngestSettings s;
  try {
    const json j = json::parse(text.begin(), text.end());
    const auto encoding = encoding_from_name(j.at("encoding").get<std::string>());
    if (!encoding) throw IngestError(IngestErrorCode::BadOption, "settings.encoding: unknown encoding");
    s.encoding = *encoding;
    const std::string d = j.at("delimiter").get<std::string>();
    if (d.size() != 1) throw IngestError(IngestErrorCode::BadOption, "settings.delimiter: expected one character");
    s.delimiter = d[0];
    s.header = j.at("header").get<std::vector<std::string>>();
    s.preset = j.at("preset").get<std::string>();
    for (const auto& [key, cols] : j.at("mapping").items()) {
      const auto role = column_role_from_key(key);
      if (!role) throw IngestError(IngestErrorCode::BadOption, "settings.mapping: unknown role " + key);
      for (const auto& c : cols) {
        const auto col = c.get<std::uint32_t>();
        if (col >= s.header.size()) throw IngestError(IngestErrorCode::BadOption, "settings.mapping: column out of range");
        s.mapping.columns[index_of(*role)].push_back(col);
      }
    }
    for (const auto& r : j.at("identityRoles")) {
      const auto role = column_role_from_key(r.get<std::string>());
      if (!role) throw IngestError(IngestErrorCode::BadOption, "settings.identityRoles: unknown role");
      s.identity_roles.push_back(*role);
    }
    s.status_scope = j.at("statusPerLine").get<bool>() ? StatusScope::Line : StatusScope::Order;
    s.day_month_order = j.at("dayFirst").get<bool>() ? DayMonthOrder::DayFirst : DayMonthOrder::MonthFirst;
    s.decimal = j.at("decimalComma").get<bool>() ? DecimalSeparator::Comma : DecimalSeparator::Point;
  } catch (const json::exception& e) {
    throw IngestError(IngestErrorCode::BadOption, std::string("settings: ") + e.what());
  }
  return s;
}

}  // namespace orderlens
