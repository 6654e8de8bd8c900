// The day of an event from its time value: a date or date-time as orders write them
// (ingest/date_time.hpp: the calendar date written, offsets not applied), or an epoch number.
//
// Numbers: an integer of 8, 12 or 14 digits that reads as yyyymmdd[hhmm[ss]] is that date
// (GA4's event_date); any other number of 9 or more integer digits is a Unix epoch time, its
// unit decided by magnitude — seconds below 10^11 (until year 5138), milliseconds below 10^14,
// microseconds above (GA4's event_timestamp) — and its day is the UTC day. Smaller numbers are
// Excel serial dates. Years outside 1900–2200 are errors, as for orders.
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/date_time.hpp"

namespace orderlens {

enum class EpochUnit : std::uint8_t { None, Seconds, Milliseconds, Microseconds };

struct EventDay {
  std::int32_t day = 0;  // days since 1970-01-01
  EpochUnit unit = EpochUnit::None;  // how an epoch number was read; None for dates
  DateError error = DateError::None;
  bool ok() const { return error == DateError::None; }
};

EventDay parse_event_day(std::string_view text, const DateParseOptions& options);

// What was expected, for a value that could not be read.
std::string_view event_time_error_text(const EventDay& d);

}  // namespace orderlens
