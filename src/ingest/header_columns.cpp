#include "ingest/header_columns.hpp"

#include "ingest/presets.hpp"

namespace orderlens {

std::vector<std::string> header_keys(const std::vector<std::string>& header) {
  std::vector<std::string> keys;
  keys.reserve(header.size());
  for (const std::string& h : header) keys.push_back(header_key(h));
  return keys;
}

std::optional<std::uint32_t> find_column(const std::vector<std::string>& keys, std::string_view name) {
  const std::string wanted = header_key(name);
  if (wanted.empty()) return std::nullopt;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == wanted) return static_cast<std::uint32_t>(i);
  return std::nullopt;
}

std::optional<std::uint32_t> find_column(const std::vector<std::string>& keys, const ColumnRef& ref) {
  if (!ref.number) return find_column(keys, ref.name);
  if (ref.number <= keys.size()) return ref.number - 1;
  return std::nullopt;
}

std::string describe_column_ref(const ColumnRef& ref) {
  return ref.number ? "column " + std::to_string(ref.number) : "column \"" + ref.name + "\"";
}

}  // namespace orderlens
