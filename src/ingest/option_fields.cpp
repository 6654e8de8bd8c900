#include "ingest/option_fields.hpp"

#include "ingest/ingest_error.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

using nlohmann::json;

ColumnRef expect_column_ref(const json& v, const std::string& path) {
  ColumnRef ref;
  if (v.is_string()) {
    ref.name = v.get<std::string>();
    if (trim(ref.name).empty()) bad_option(path, "expected a column name, got an empty string");
  } else if (v.is_number_integer() || v.is_number_unsigned()) {
    ref.number = static_cast<std::uint32_t>(expect_count(v, path, 1, 100000));
  } else {
    bad_option(path, "expected a column name or a 1-based column number, got " + std::string(v.type_name()));
  }
  return ref;
}

}  // namespace

json parse_option_object(std::string_view text) {
  if (trim(text).empty()) return json::object();
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) bad_option("", "not valid JSON");
  if (!j.is_object()) bad_option("", "expected an object");
  return j;
}

void bad_option(const std::string& path, const std::string& what) {
  throw IngestError(IngestErrorCode::BadOption, "options." + path + ": " + what);
}

std::string expect_string(const json& v, const std::string& path) {
  if (!v.is_string()) bad_option(path, "expected a string, got " + std::string(v.type_name()));
  return v.get<std::string>();
}

std::uint64_t expect_count(const json& v, const std::string& path, std::uint64_t min, std::uint64_t max) {
  if (!v.is_number_integer() && !v.is_number_unsigned()) bad_option(path, "expected a whole number");
  if (v.is_number_integer() && v.get<std::int64_t>() < 0) bad_option(path, "expected a number >= " + std::to_string(min));
  const auto n = v.get<std::uint64_t>();
  if (n < min || n > max)
    bad_option(path, "expected a number between " + std::to_string(min) + " and " + std::to_string(max));
  return n;
}

Encoding expect_encoding(const json& v, const std::string& path) {
  const std::string name = expect_string(v, path);
  const auto e = encoding_from_name(name);
  if (!e) bad_option(path, "unknown encoding \"" + name + "\"; expected auto, utf-8, cp949 (euc-kr), utf-16le or utf-16be");
  return *e;
}

char expect_delimiter(const json& v, const std::string& path) {
  const std::string d = expect_string(v, path);
  if (d == "auto") return 0;
  if (ascii_lowercase(d) == "tab" || d == "\t") return '\t';
  if (d.size() == 1 && d[0] != '"' && d[0] != '\r' && d[0] != '\n' && static_cast<unsigned char>(d[0]) < 0x80) return d[0];
  bad_option(path, "expected one ASCII character such as \",\", \";\", \"|\" or \"tab\"");
}

std::optional<DayMonthOrder> expect_date_order(const json& v, const std::string& path) {
  const std::string d = ascii_lowercase(expect_string(v, path));
  if (d == "mdy" || d == "month_first") return DayMonthOrder::MonthFirst;
  if (d == "dmy" || d == "day_first") return DayMonthOrder::DayFirst;
  if (d != "auto") bad_option(path, "expected \"auto\", \"mdy\" or \"dmy\"");
  return std::nullopt;
}

std::vector<ColumnRef> expect_column_refs(const json& spec, const std::string& path) {
  std::vector<ColumnRef> refs;
  if (spec.is_array()) {
    for (std::size_t i = 0; i < spec.size(); ++i)
      refs.push_back(expect_column_ref(spec[i], path + "[" + std::to_string(i) + "]"));
  } else if (!spec.is_null()) {
    refs.push_back(expect_column_ref(spec, path));
  }
  return refs;
}

}  // namespace orderlens
