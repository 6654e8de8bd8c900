#include "events/event_options.hpp"

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
  const bool whole = v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0);
  if (!whole || v.get<std::uint64_t>() < min || v.get<std::uint64_t>() > max)
    bad(path, "expected a whole number between " + std::to_string(min) + " and " + std::to_string(max));
  return v.get<std::uint64_t>();
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

std::string role_keys() {
  std::string keys;
  for (std::size_t r = 0; r < kEventRoleCount; ++r) keys += (r ? ", " : "") + std::string(event_role_key(static_cast<EventRole>(r)));
  return keys;
}

ExplicitEventMapping parse_mapping(const json& v) {
  if (!v.is_object()) bad("mapping", "expected an object such as {\"user\": \"member\", \"event\": \"action\"}");
  ExplicitEventMapping m;
  for (const auto& [key, spec] : v.items()) {
    const std::string path = "mapping." + key;
    const auto role = event_role_from_key(key);
    if (!role) bad(path, "unknown column role; expected one of " + role_keys());
    std::vector<ColumnRef> refs;  // null: unmapped on purpose
    if (spec.is_array()) {
      for (std::size_t i = 0; i < spec.size(); ++i) refs.push_back(column_ref(spec[i], path + "[" + std::to_string(i) + "]"));
    } else if (!spec.is_null()) {
      refs.push_back(column_ref(spec, path));
    }
    m[index_of(*role)] = std::move(refs);
  }
  return m;
}

char parse_delimiter(const json& v) {
  const std::string d = expect_string(v, "delimiter");
  if (d == "auto") return 0;
  if (ascii_lowercase(d) == "tab" || d == "\t") return '\t';
  if (d.size() == 1 && d[0] != '"' && d[0] != '\r' && d[0] != '\n' && static_cast<unsigned char>(d[0]) < 0x80) return d[0];
  bad("delimiter", "expected one ASCII character such as \",\", \";\", \"|\" or \"tab\"");
}

}  // namespace

EventIngestOptions parse_event_ingest_options(std::string_view text) {
  EventIngestOptions o;
  if (trim(text).empty()) return o;
  const json j = json::parse(text.begin(), text.end(), nullptr, false);
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
      o.delimiter = parse_delimiter(v);
    } else if (key == "layout") {
      o.layout = expect_string(v, key);
      const std::string k = normalize_header_name(o.layout);
      if (k != "auto" && k != "ga4" && k != "generic") bad(key, "unknown layout \"" + o.layout + "\"; expected auto, ga4 or generic");
    } else if (key == "mapping") {
      if (!v.is_null()) o.mapping = parse_mapping(v);
    } else if (key == "dateOrder") {
      const std::string d = ascii_lowercase(expect_string(v, key));
      if (d == "mdy" || d == "month_first") o.day_month_order = DayMonthOrder::MonthFirst;
      else if (d == "dmy" || d == "day_first") o.day_month_order = DayMonthOrder::DayFirst;
      else if (d != "auto") bad(key, "expected \"auto\", \"mdy\" or \"dmy\"");
    } else if (key == "maxRecordBytes") {
      o.max_record_bytes = expect_count(v, key, 1024, std::uint64_t{1} << 31);
    } else if (key == "maxExamples") {
      o.max_examples = expect_count(v, key, 0, 1000);
    } else {
      bad(key, "unknown option; expected fileName, encoding, delimiter, layout, mapping, dateOrder, maxRecordBytes "
               "or maxExamples");
    }
  }
  return o;
}

}  // namespace orderlens
