#include "ingest/ingest_options.hpp"

#include <nlohmann/json.hpp>

#include "ingest/ingest_error.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& path, const std::string& what) {
  throw IngestError(IngestErrorCode::BadOption, "options." + path + ": " + what);
}

std::string expect_string(const json& v, const std::string& path) {
  if (!v.is_string()) bad(path, "expected a string, got " + std::string(v.type_name()));
  return v.get<std::string>();
}

std::uint64_t expect_count(const json& v, const std::string& path, std::uint64_t min, std::uint64_t max) {
  if (!v.is_number_integer() && !v.is_number_unsigned()) bad(path, "expected a whole number");
  if (v.is_number_integer() && v.get<std::int64_t>() < 0) bad(path, "expected a number >= " + std::to_string(min));
  const auto n = v.get<std::uint64_t>();
  if (n < min || n > max)
    bad(path, "expected a number between " + std::to_string(min) + " and " + std::to_string(max));
  return n;
}

ColumnRef column_ref(const json& v, const std::string& path) {
  ColumnRef ref;
  if (v.is_string()) {
    ref.name = v.get<std::string>();
    if (trim(ref.name).empty()) bad(path, "expected a column name, got an empty string");
  } else if (v.is_number_integer() || v.is_number_unsigned()) {
    ref.number = static_cast<std::uint32_t>(expect_count(v, path, 1, 100000));
  } else {
    bad(path, "expected a column name or a 1-based column number, got " + std::string(v.type_name()));
  }
  return ref;
}

ExplicitMapping parse_mapping(const json& v) {
  if (!v.is_object()) bad("mapping", "expected an object such as {\"customerId\": \"Buyer\", \"orderDate\": \"When\"}");
  ExplicitMapping m;
  for (const auto& [key, spec] : v.items()) {
    const std::string path = "mapping." + key;
    const auto role = column_role_from_key(key);
    if (!role) {
      std::string known;
      for (std::size_t r = 0; r < kColumnRoleCount; ++r)
        known += (r ? ", " : "") + std::string(column_role_key(static_cast<ColumnRole>(r)));
      bad(path, "unknown column role; expected one of " + known);
    }
    std::vector<ColumnRef> refs;
    if (spec.is_null()) {
      // explicitly unmapped
    } else if (spec.is_array()) {
      for (std::size_t i = 0; i < spec.size(); ++i) refs.push_back(column_ref(spec[i], path + "[" + std::to_string(i) + "]"));
    } else {
      refs.push_back(column_ref(spec, path));
    }
    m.roles[index_of(*role)] = std::move(refs);
  }
  return m;
}

}  // namespace

IngestOptions parse_ingest_options(std::string_view text) {
  IngestOptions o;
  if (trim(text).empty()) return o;
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) bad("", "not valid JSON");
  if (!j.is_object()) bad("", "expected an object");
  for (const auto& [key, v] : j.items()) {
    if (v.is_null() && key != "mapping") continue;  // null means "default"
    if (key == "fileName") {
      o.file_name = expect_string(v, key);
    } else if (key == "encoding") {
      const std::string name = expect_string(v, key);
      const auto e = encoding_from_name(name);
      if (!e) bad(key, "unknown encoding \"" + name + "\"; expected auto, utf-8, cp949 (euc-kr), utf-16le or utf-16be");
      o.encoding = *e;
    } else if (key == "delimiter") {
      const std::string d = expect_string(v, key);
      if (d == "auto") continue;
      const std::string lower = ascii_lowercase(d);
      if (lower == "tab" || d == "\t") o.delimiter = '\t';
      else if (d.size() == 1 && d[0] != '"' && d[0] != '\r' && d[0] != '\n' && static_cast<unsigned char>(d[0]) < 0x80)
        o.delimiter = d[0];
      else bad(key, "expected one ASCII character such as \",\", \";\", \"|\" or \"tab\"");
    } else if (key == "preset") {
      o.preset = expect_string(v, key);
    } else if (key == "mapping") {
      if (!v.is_null()) o.mapping = parse_mapping(v);
    } else if (key == "headerLine") {
      o.header_line = expect_count(v, key, 1, 1000000);
    } else if (key == "headerSearchRows") {
      o.header_search_rows = expect_count(v, key, 1, 1000);
    } else if (key == "profileRows") {
      o.profile_rows = expect_count(v, key, 1, 100000);
    } else if (key == "dateOrder") {
      const std::string d = ascii_lowercase(expect_string(v, key));
      if (d == "mdy" || d == "month_first") o.day_month_order = DayMonthOrder::MonthFirst;
      else if (d == "dmy" || d == "day_first") o.day_month_order = DayMonthOrder::DayFirst;
      else if (d != "auto") bad(key, "expected \"auto\", \"mdy\" or \"dmy\"");
    } else if (key == "decimalSeparator") {
      const std::string d = expect_string(v, key);
      if (d == ".") o.decimal_separator = DecimalSeparator::Point;
      else if (d == ",") o.decimal_separator = DecimalSeparator::Comma;
      else if (d != "auto") bad(key, "expected \"auto\", \".\" or \",\"");
    } else if (key == "statuses") {
      if (!v.is_object()) bad(key, "expected an object such as {\"발송완료\": \"paid\"}");
      for (const auto& [word, target] : v.items()) {
        const auto s = order_status_from_name(expect_string(target, key + "." + word));
        if (!s) bad(key + "." + word, "expected paid, partially_refunded, refunded, cancelled or pending");
        o.statuses.emplace_back(normalize_header_name(word), *s);
      }
    } else if (key == "maxRecordBytes") {
      o.max_record_bytes = expect_count(v, key, 1024, std::uint64_t{1} << 31);
    } else if (key == "maxExamples") {
      o.max_examples = expect_count(v, key, 0, 1000);
    } else {
      bad(key, "unknown option; expected fileName, encoding, delimiter, preset, mapping, headerLine, "
               "headerSearchRows, profileRows, dateOrder, decimalSeparator, statuses, maxRecordBytes or maxExamples");
    }
  }
  return o;
}

}  // namespace orderlens
