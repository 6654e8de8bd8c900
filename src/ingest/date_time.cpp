#include "ingest/date_time.hpp"

#include <array>
#include <cmath>

#include <fast_float/fast_float.h>

#include "util/civil_date.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

constexpr std::array<std::string_view, 12> kMonthNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kWeekdayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// Cursor over the trimmed text; every reader returns false without moving when it fails.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return at_end() ? '\0' : s_[i_]; }
  std::size_t pos() const { return i_; }

  void skip_spaces() {
    while (!at_end()) {
      const std::size_t n = leading_space_length(s_.substr(i_));
      if (n == 0) break;
      i_ += n;
    }
  }
  bool accept(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  bool accept_text(std::string_view t) {
    if (s_.substr(i_, t.size()) != t) return false;
    i_ += t.size();
    return true;
  }
  // Reads up to `max_digits` digits; returns how many were read.
  int read_number(int& value, int max_digits) {
    value = 0;
    int n = 0;
    while (n < max_digits && !at_end() && is_ascii_digit(s_[i_])) {
      value = value * 10 + (s_[i_] - '0');
      ++i_;
      ++n;
    }
    return n;
  }
  // Reads an ASCII word, lower-cased.
  std::string_view read_word(std::string& buf) {
    buf.clear();
    while (!at_end() && is_ascii_alpha(s_[i_])) buf.push_back(ascii_lower(s_[i_++]));
    return buf;
  }
  void skip_digits() {
    while (!at_end() && is_ascii_digit(s_[i_])) ++i_;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

int month_from_word(std::string_view w) {
  if (w.size() < 3) return 0;
  for (std::size_t k = 0; k < kMonthNames.size(); ++k)
    if (w.substr(0, 3) == kMonthNames[k]) return static_cast<int>(k) + 1;
  return 0;
}

bool is_weekday_word(std::string_view w) {
  if (w.size() < 3) return false;
  for (std::string_view d : kWeekdayNames)
    if (w.substr(0, 3) == d) return true;
  return false;
}

int expand_two_digit_year(int y) { return y < 70 ? 2000 + y : 1900 + y; }

enum class Meridiem : std::uint8_t { None, Am, Pm };

Meridiem read_meridiem(Cursor& c) {
  if (c.accept_text("\xEC\x98\xA4\xEC\xA0\x84")) return Meridiem::Am;  // 오전
  if (c.accept_text("\xEC\x98\xA4\xED\x9B\x84")) return Meridiem::Pm;  // 오후
  Cursor probe = c;
  std::string buf;
  const std::string_view w = probe.read_word(buf);
  if (w == "am" || w == "a") {
    probe.accept('.');
    c = probe;
    return Meridiem::Am;
  }
  if (w == "pm" || w == "p") {
    probe.accept('.');
    c = probe;
    return Meridiem::Pm;
  }
  return Meridiem::None;
}

bool all_digits_or_one_point(std::string_view s) {
  int points = 0;
  for (char ch : s) {
    if (ch == '.') ++points;
    else if (!is_ascii_digit(ch)) return false;
  }
  return points <= 1 && !s.empty() && s.front() != '.' && s.back() != '.';
}

DateResult make_date(int y, int m, int d, int seconds) {
  if (y < kMinYear || y > kMaxYear) return {{}, DateError::OutOfRange};
  if (m < 1 || m > 12 || d < 1 || !is_valid_civil_date(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
    return {{}, DateError::InvalidDate};
  return {{days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)), seconds}, DateError::None};
}

// Compact digits: yyyymmdd, yyyymmddhhmm, yyyymmddhhmmss.
DateResult parse_compact(std::string_view s) {
  auto num = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t k = 0; k < len; ++k) v = v * 10 + (s[at + k] - '0');
    return v;
  };
  int seconds = 0;
  if (s.size() >= 12) {
    const int hh = num(8, 2), mm = num(10, 2), ss = s.size() == 14 ? num(12, 2) : 0;
    if (hh > 23 || mm > 59 || ss > 59) return {{}, DateError::InvalidTime};
    seconds = hh * 3600 + mm * 60 + ss;
  }
  return make_date(num(0, 4), num(4, 2), num(6, 2), seconds);
}

// Optional time of day and zone after the date; fills `seconds`.
DateError parse_time_and_zone(Cursor& c, int& seconds) {
  seconds = 0;
  c.skip_spaces();
  if (c.peek() == 'T' || c.peek() == 't') c.accept(c.peek());
  c.skip_spaces();
  Meridiem meridiem = read_meridiem(c);
  c.skip_spaces();
  if (is_ascii_digit(c.peek())) {
    int hh = 0, mm = 0, ss = 0;
    if (c.read_number(hh, 2) == 0 || !c.accept(':') || c.read_number(mm, 2) != 2) return DateError::InvalidTime;
    if (c.accept(':')) {
      if (c.read_number(ss, 2) != 2) return DateError::InvalidTime;
      if (c.accept('.') || c.accept(',')) c.skip_digits();  // fractions of a second are dropped
    }
    c.skip_spaces();
    if (meridiem == Meridiem::None) meridiem = read_meridiem(c);
    if (meridiem != Meridiem::None) {
      if (hh < 1 || hh > 12) return DateError::InvalidTime;
      hh = (hh % 12) + (meridiem == Meridiem::Pm ? 12 : 0);
    }
    if (hh > 23 || mm > 59 || ss > 60) return DateError::InvalidTime;
    seconds = hh * 3600 + mm * 60 + (ss == 60 ? 59 : ss);
  } else if (meridiem != Meridiem::None) {
    return DateError::InvalidTime;
  }
  // Zone: accepted and not applied (see the header).
  c.skip_spaces();
  if (c.accept('Z') || c.accept('z')) {
  } else if (c.peek() == '+' || c.peek() == '-') {
    c.accept(c.peek());
    int h = 0, m = 0;
    const int n = c.read_number(h, 4);
    if (n != 2 && n != 4) return DateError::TrailingText;
    if (n == 2 && c.accept(':') && c.read_number(m, 2) != 2) return DateError::TrailingText;
  }
  c.skip_spaces();
  const bool paren = c.accept('(');
  std::string buf;
  Cursor probe = c;
  const std::string_view w = probe.read_word(buf);
  if (w == "utc" || w == "gmt" || w == "kst" || w == "z") c = probe;
  if (paren && !c.accept(')')) return DateError::TrailingText;
  c.skip_spaces();
  return c.at_end() ? DateError::None : DateError::TrailingText;
}

}  // namespace

DateResult excel_serial_to_local(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < (date1904 ? 0.0 : 1.0) || serial > 2958466.0)
    return {{}, DateError::OutOfRange};
  double whole = std::floor(serial);
  auto seconds = static_cast<std::int64_t>(std::llround((serial - whole) * 86400.0));
  if (seconds >= 86400) {
    seconds -= 86400;
    whole += 1;
  }
  const auto day = static_cast<std::int32_t>(whole);
  std::int32_t days;
  if (date1904) {
    days = days_from_civil(1904, 1, 1) + day;
  } else if (day < 60) {
    days = days_from_civil(1899, 12, 31) + day;
  } else if (day == 60) {
    return {{}, DateError::InvalidDate};  // 1900-02-29 exists only in Excel
  } else {
    days = days_from_civil(1899, 12, 30) + day;
  }
  const CivilDate c = civil_from_days(days);
  if (c.year < kMinYear || c.year > kMaxYear) return {{}, DateError::OutOfRange};
  return {{days, static_cast<std::int32_t>(seconds)}, DateError::None};
}

DateResult parse_date_time(std::string_view text, const DateParseOptions& options) {
  const std::string_view s = trim(text);
  if (s.empty()) return {{}, DateError::Empty};

  if (all_digits_or_one_point(s)) {
    const bool integral = s.find('.') == std::string_view::npos;
    if (integral && (s.size() == 8 || s.size() == 12 || s.size() == 14)) return parse_compact(s);
    if (!options.allow_excel_serial) return {{}, DateError::Unrecognized};
    double serial = 0;
    const auto res = fast_float::from_chars(s.data(), s.data() + s.size(), serial);
    if (res.ec != std::errc() || res.ptr != s.data() + s.size()) return {{}, DateError::Unrecognized};
    return excel_serial_to_local(serial, false);
  }

  Cursor c(s);
  std::string word;
  int y = 0, m = 0, d = 0;
  if (is_ascii_alpha(c.peek())) {
    // "Oct 7, 2026", "Thu, 02 Oct 2025 17:09:34 +0000"
    std::string_view w = c.read_word(word);
    if (is_weekday_word(w)) {
      c.accept(',');
      c.skip_spaces();
      if (is_ascii_digit(c.peek())) {
        if (c.read_number(d, 2) == 0) return {{}, DateError::Unrecognized};
        c.skip_spaces();
        c.accept('-');
        m = month_from_word(c.read_word(word));
        c.skip_spaces();
        c.accept('-');
        if (m == 0 || c.read_number(y, 4) != 4) return {{}, DateError::Unrecognized};
      } else {
        w = c.read_word(word);
      }
    }
    if (m == 0) {
      m = month_from_word(w);
      c.accept('.');
      c.skip_spaces();
      if (m == 0 || c.read_number(d, 2) == 0) return {{}, DateError::Unrecognized};
      c.accept(',');
      c.skip_spaces();
      if (c.read_number(y, 4) != 4) return {{}, DateError::Unrecognized};
    }
  } else {
    int a = 0, b = 0, last = 0;
    const int digits_a = c.read_number(a, 4);
    if (digits_a == 0) return {{}, DateError::Unrecognized};
    const char sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.' && sep != ' ') return {{}, DateError::Unrecognized};
    c.accept(sep);
    c.skip_spaces();
    if (is_ascii_alpha(c.peek())) {
      // "7 Oct 2026", "07-Oct-2026"
      d = a;
      m = month_from_word(c.read_word(word));
      c.accept('.');
      c.accept(sep);
      c.skip_spaces();
      if (m == 0 || digits_a > 2 || c.read_number(y, 4) != 4) return {{}, DateError::Unrecognized};
    } else {
      if (sep == ' ' || c.read_number(b, 2) == 0 || !c.accept(sep)) return {{}, DateError::Unrecognized};
      c.skip_spaces();
      const int digits_last = c.read_number(last, 4);
      if (digits_a == 4) {
        if (digits_last == 0 || digits_last > 2) return {{}, DateError::Unrecognized};
        y = a, m = b, d = last;
      } else if (digits_a <= 2 && (digits_last == 4 || digits_last == 2)) {
        y = digits_last == 2 ? expand_two_digit_year(last) : last;
        if (options.day_month_order == DayMonthOrder::DayFirst) d = a, m = b;
        else m = a, d = b;
      } else {
        return {{}, DateError::Unrecognized};
      }
      if (sep == '.') c.accept('.');  // "2026. 10. 7."
    }
  }
  int seconds = 0;
  if (const DateError e = parse_time_and_zone(c, seconds); e != DateError::None) {
    // A valid date with an unreadable tail is reported as such; an invalid date wins.
    const DateResult date_only = make_date(y, m, d, 0);
    return {{}, date_only.ok() ? e : date_only.error};
  }
  return make_date(y, m, d, seconds);
}

std::string_view date_error_text(DateError e) {
  switch (e) {
    case DateError::None: return "";
    case DateError::Empty: return "expected a date, found nothing";
    case DateError::Unrecognized:
      return "expected a date such as 2026-10-07, 2026-10-07 17:09:34 -0300, 2026.10.07 or 20261007";
    case DateError::InvalidDate: return "not a calendar date (check day and month)";
    case DateError::InvalidTime: return "the time of day is not valid";
    case DateError::TrailingText: return "unexpected text after the date";
    case DateError::OutOfRange: return "expected a year between 1900 and 2200";
  }
  return "";
}

int day_first_evidence(std::string_view text) {
  Cursor c(trim(text));
  int a = 0, b = 0;
  const int da = c.read_number(a, 3);
  if (da == 0 || da > 2) return 0;
  const char sep = c.peek();
  if (sep != '/' && sep != '.' && sep != '-') return 0;
  c.accept(sep);
  if (c.read_number(b, 3) == 0 || !c.accept(sep)) return 0;
  if (a > 12 && b <= 12) return 1;
  if (b > 12 && a <= 12) return -1;
  return 0;
}

}  // namespace orderlens
