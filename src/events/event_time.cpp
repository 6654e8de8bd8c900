#include "events/event_time.hpp"

#include "util/civil_date.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr std::uint64_t kMillisecondsFrom = 100'000'000'000;      // 10^11
constexpr std::uint64_t kMicrosecondsFrom = 100'000'000'000'000;  // 10^14
constexpr std::size_t kMaxEpochDigits = 18;                       // fits in 64 bits

// Integer digits of a number "123" or "123.45"; 0 when `s` is not such a number.
std::size_t integer_digits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_ascii_digit(s[n])) ++n;
  if (n == s.size()) return n;
  if (s[n] != '.' || n + 1 == s.size()) return 0;
  for (std::size_t k = n + 1; k < s.size(); ++k)
    if (!is_ascii_digit(s[k])) return 0;
  return n;
}

bool is_compact_date_length(std::size_t digits) { return digits == 8 || digits == 12 || digits == 14; }

EventDay epoch_day(std::string_view digits) {
  if (digits.size() > kMaxEpochDigits) return {0, EpochUnit::None, DateError::OutOfRange};
  std::uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  EventDay d;
  std::uint64_t seconds = v;
  if (v >= kMicrosecondsFrom) {
    d.unit = EpochUnit::Microseconds;
    seconds = v / 1'000'000;
  } else if (v >= kMillisecondsFrom) {
    d.unit = EpochUnit::Milliseconds;
    seconds = v / 1'000;
  } else {
    d.unit = EpochUnit::Seconds;
  }
  static const std::int32_t kLastDay = days_from_civil(2200, 12, 31);
  const std::uint64_t day = seconds / 86'400;
  if (day > static_cast<std::uint64_t>(kLastDay)) return {0, d.unit, DateError::OutOfRange};
  d.day = static_cast<std::int32_t>(day);
  return d;
}

}  // namespace

EventDay parse_event_day(std::string_view text, const DateParseOptions& options) {
  const std::string_view s = trim(text);
  const std::size_t digits = integer_digits(s);
  const bool integral = digits == s.size();
  if (digits >= 9 && !(integral && is_compact_date_length(digits))) return epoch_day(s.substr(0, digits));
  if (integral && digits == 12) {
    // 12 digits: yyyymmddhhmm, or else milliseconds before 2001-09-09.
    const DateResult r = parse_date_time(s, options);
    if (r.ok()) return {r.value.days, EpochUnit::None, DateError::None};
    return epoch_day(s);
  }
  const DateResult r = parse_date_time(s, options);
  return {r.ok() ? r.value.days : 0, EpochUnit::None, r.error};
}

std::string_view event_time_error_text(const EventDay& d) {
  if (d.unit != EpochUnit::None)
    return "an epoch time (seconds, milliseconds or microseconds, by magnitude) after the year 2200";
  if (d.error == DateError::Unrecognized)
    return "expected a date or date-time such as 2026-10-07 17:09:34 or 20261007, or an epoch time in seconds, "
           "milliseconds or microseconds";
  return date_error_text(d.error);
}

}  // namespace orderlens
