#include "ingest/ingest_options.hpp"

#include <nlohmann/json.hpp>

#include "ingest/option_fields.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

using nlohmann::json;

ExplicitMapping expect_mapping(const json& v) {
  ExplicitMapping m;
  m.roles = expect_column_mapping<kColumnRoleCount>(v, R"({"customerId": "Buyer", "orderDate": "When"})",
                                                    column_role_from_key, column_role_key);
  return m;
}

}  // namespace

IngestOptions parse_ingest_options(std::string_view text) {
  IngestOptions o;
  const json j = parse_option_object(text);
  for (const auto& [key, v] : j.items()) {
    if (v.is_null() && key != "mapping") continue;  // null means "default"
    if (read_shared_option(key, v, o)) {
      // fileName, encoding, delimiter, dateOrder, maxRecordBytes, maxExamples
    } else if (key == "preset") {
      o.preset = expect_string(v, key);
    } else if (key == "mapping") {
      if (!v.is_null()) o.mapping = expect_mapping(v);
    } else if (key == "headerLine") {
      o.header_line = expect_count(v, key, 1, 1000000);
    } else if (key == "headerSearchRows") {
      o.header_search_rows = expect_count(v, key, 1, 1000);
    } else if (key == "profileRows") {
      o.profile_rows = expect_count(v, key, 1, 100000);
    } else if (key == "decimalSeparator") {
      const std::string d = expect_string(v, key);
      if (d == ".") o.decimal_separator = DecimalSeparator::Point;
      else if (d == ",") o.decimal_separator = DecimalSeparator::Comma;
      else if (d != "auto") bad_option(key, "expected \"auto\", \".\" or \",\"");
    } else if (key == "sheet") {
      o.sheet = expect_string(v, key);
    } else if (key == "today") {
      const DateResult d = parse_date_time(expect_string(v, key), DateParseOptions{DayMonthOrder::MonthFirst, false});
      if (!d.ok()) bad_option(key, "expected a date such as \"2026-11-25\"");
      o.today_day = d.value.days;
    } else if (key == "statuses") {
      if (!v.is_object()) bad_option(key, "expected an object such as {\"발송완료\": \"paid\"}");
      for (const auto& [word, target] : v.items()) {
        const auto s = order_status_from_name(expect_string(target, key + "." + word));
        if (!s) bad_option(key + "." + word, "expected paid, partially_refunded, refunded, cancelled or pending");
        o.statuses.emplace_back(normalize_header_name(word), *s);
      }
    } else {
      bad_option(key, "unknown option; expected fileName, encoding, delimiter, preset, mapping, headerLine, "
                      "headerSearchRows, profileRows, dateOrder, decimalSeparator, statuses, sheet, today, maxRecordBytes or maxExamples");
    }
  }
  return o;
}

}  // namespace orderlens
