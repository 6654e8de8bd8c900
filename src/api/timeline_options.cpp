#include "api/timeline_options.hpp"

#include "api/analysis_options.hpp"
#include "api/summary_options.hpp"
#include "ingest/date_time.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

namespace {
bool all_digits(const std::string& s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
}  // namespace

bool read_timeline_option(const std::string& key, const nlohmann::json& v, TimelineOptions& o,
                          std::initializer_list<const char*> periods) {
  if (key == "period") o.period = *period_kind_from_key(choice_option(v, key, periods));
  else if (key == "startDate") o.start_day = parse_date_option(key, v);
  else if (key == "endDate") o.end_day = parse_date_option(key, v);
  else return false;
  return true;
}

void check_timeline_options(const TimelineOptions& o) {
  if (o.start_day && o.end_day && *o.start_day > *o.end_day) bad_analysis_option("startDate", "a date on or before endDate");
}

std::optional<std::int32_t> parse_period_text(PeriodKind kind, const std::string& text) {
  if (text.size() == 7 && text[4] == '-' && all_digits(text, 0, 4) && all_digits(text, 5, 7)) {
    const int year = std::stoi(text.substr(0, 4));
    const int month = std::stoi(text.substr(5, 2));
    if (kind != PeriodKind::Month || month < 1 || month > 12) return std::nullopt;
    return year * 12 + month - 1;
  }
  if (text.size() == 8 && text[4] == '-' && text[5] == 'W' && all_digits(text, 0, 4) && all_digits(text, 6, 8)) {
    const int year = std::stoi(text.substr(0, 4));
    const int week = std::stoi(text.substr(6, 2));
    if (kind != PeriodKind::Week || week < 1 || week > 53) return std::nullopt;
    // Week 1 is the week holding 4 January.
    const std::int32_t period = period_of_day(PeriodKind::Week, days_from_civil(year, 1, 4)) + week - 1;
    if (period_label(kind, period) != text) return std::nullopt;  // week 53 of a 52-week year
    return period;
  }
  const DateResult d = parse_date_time(text, DateParseOptions{DayMonthOrder::MonthFirst, false});
  if (!d.ok()) return std::nullopt;
  return period_of_day(kind, d.value.days);
}

}  // namespace orderlens
