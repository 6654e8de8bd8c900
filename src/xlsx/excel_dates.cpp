#include "xlsx/excel_dates.hpp"

#include <cmath>

#include <fast_float/fast_float.h>

#include "ingest/date_time.hpp"
#include "util/civil_date.hpp"

namespace orderlens::xlsx {

bool is_date_format(std::uint32_t id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  if (code.empty()) return false;
  // Drop what is shown as written ("quoted text", \x escapes, _x and *x padding) and the
  // [bracketed] colour and locale parts, then look for date and time tokens.
  bool token = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const std::size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      // [h], [m], [s]: elapsed time, still a time.
      const std::string_view inside = code.substr(i + 1, end - i - 1);
      if (inside == "h" || inside == "hh" || inside == "m" || inside == "mm" || inside == "s" || inside == "ss") token = true;
      i = end;
    } else {
      const char l = static_cast<char>(c | 0x20);
      if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') token = true;
    }
  }
  return token;  // "General" has none of the tokens
}

std::string excel_serial_to_text(std::string_view text, bool date1904) {
  double serial = 0;
  const auto r = fast_float::from_chars(text.data(), text.data() + text.size(), serial);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return {};
  const DateResult d = excel_serial_to_local(serial, date1904);  // ingest/date_time.hpp: the one conversion
  if (!d.ok()) return {};
  std::string out = format_iso_date(d.value.days);
  if (const auto seconds = static_cast<unsigned>(d.value.seconds_of_day)) {
    out.push_back(' ');
    append_padded(out, seconds / 3600, 2);
    out.push_back(':');
    append_padded(out, seconds / 60 % 60, 2);
    out.push_back(':');
    append_padded(out, seconds % 60, 2);
  }
  return out;
}

}  // namespace orderlens::xlsx
