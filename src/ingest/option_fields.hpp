// Readers of the JSON option fields that the orders ingestion (ingest_options.hpp) and the
// events ingestion (events/event_options.hpp) share, so both reject a bad value with the same
// words. Every error is IngestError(BadOption) with the message "options.<path>: <what>".
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/column_ref.hpp"
#include "ingest/date_time.hpp"
#include "ingest/encoding.hpp"

namespace orderlens {

// The options object parsed from `text`; an empty object for blank text (every option at its
// default).
nlohmann::json parse_option_object(std::string_view text);

[[noreturn]] void bad_option(const std::string& path, const std::string& what);

std::string expect_string(const nlohmann::json& v, const std::string& path);
// A whole number in [min, max].
std::uint64_t expect_count(const nlohmann::json& v, const std::string& path, std::uint64_t min, std::uint64_t max);

// "auto", "utf-8", "cp949", ...
Encoding expect_encoding(const nlohmann::json& v, const std::string& path);
// 0 for "auto" (sniffed), '\t' for "tab", else one ASCII character that can delimit fields.
char expect_delimiter(const nlohmann::json& v, const std::string& path);
// nullopt for "auto" (decided from the file); "mdy" / "month_first", "dmy" / "day_first".
std::optional<DayMonthOrder> expect_date_order(const nlohmann::json& v, const std::string& path);

// The columns of one mapped role: a header name, a 1-based number, an array of those, or null
// (an empty list: the role is unmapped on purpose).
std::vector<ColumnRef> expect_column_refs(const nlohmann::json& spec, const std::string& path);

// The mapping option, {"<role key>": columns, ...}, for roles 0..N-1 of one ingestion:
// `role_from_key` reads a key (nullopt: unknown), `role_key` names a role, and `example` is a
// valid mapping shown when the option is not an object.
template <std::size_t N, typename RoleFromKey, typename RoleKey>
std::array<std::optional<std::vector<ColumnRef>>, N> expect_column_mapping(const nlohmann::json& v,
                                                                           std::string_view example,
                                                                           RoleFromKey role_from_key, RoleKey role_key) {
  using Role = typename decltype(role_from_key(std::string_view{}))::value_type;
  if (!v.is_object()) bad_option("mapping", "expected an object such as " + std::string(example));
  std::array<std::optional<std::vector<ColumnRef>>, N> mapping;
  for (const auto& item : v.items()) {
    const std::string path = "mapping." + item.key();
    const auto role = role_from_key(item.key());
    if (!role) {
      std::string known;
      for (std::size_t r = 0; r < N; ++r) known += (r ? ", " : "") + std::string(role_key(static_cast<Role>(r)));
      bad_option(path, "unknown column role; expected one of " + known);
    }
    mapping[static_cast<std::size_t>(*role)] = expect_column_refs(item.value(), path);
  }
  return mapping;
}

// Reads an option that the orders and the events ingestion both take (fileName, encoding,
// delimiter, dateOrder, maxRecordBytes, maxExamples) into the same-named fields of `o`; false
// for any other key, which the caller reads itself.
template <typename Options>
bool read_shared_option(const std::string& key, const nlohmann::json& v, Options& o) {
  if (key == "fileName") o.file_name = expect_string(v, key);
  else if (key == "encoding") o.encoding = expect_encoding(v, key);
  else if (key == "delimiter") o.delimiter = expect_delimiter(v, key);
  else if (key == "dateOrder") o.day_month_order = expect_date_order(v, key);
  else if (key == "maxRecordBytes") o.max_record_bytes = expect_count(v, key, 1024, std::uint64_t{1} << 31);
  else if (key == "maxExamples") o.max_examples = expect_count(v, key, 0, 1000);
  else return false;
  return true;
}

}  // namespace orderlens
