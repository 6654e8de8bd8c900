// What an events ingestion did with every row, in the shape of the orders' diagnostics
// (ingest/diagnostics.hpp, whose IssueTally / IssueExample it reuses): how the file was
// understood, rows read / used / skipped by reason with the first examples, warnings, and the
// sizes of the result (visitors, events by kind, visitors merged, first and last day).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "events/event_kind.hpp"
#include "events/event_layout.hpp"
#include "events/event_log.hpp"
#include "ingest/diagnostics.hpp"

namespace orderlens {

// Why a data row was not used; each skipped row is counted under exactly one reason.
enum class EventSkipReason : std::uint8_t {
  MissingUser,
  MissingEvent,
  MissingTime,
  BadTime,
  TooFewFields,
  TooManyFields,
  UnterminatedQuote,
};
inline constexpr std::size_t kEventSkipReasonCount = 7;

// Something noteworthy about a row that was still used (or about the file).
enum class EventWarning : std::uint8_t {
  InvalidEncoding,
  NulBytes,
  TextAfterQuote,
  ExtraEmptyFields,
  UnusableUser,     // a user id / pseudo id / email could not be used; the next one was
  ConflictingLink,  // a pseudo id or email already linked to another user id
};
inline constexpr std::size_t kEventWarningCount = 6;

std::string_view event_skip_key(EventSkipReason r);
std::string_view event_skip_text(EventSkipReason r);
std::string_view event_warning_key(EventWarning w);
std::string_view event_warning_text(EventWarning w);

struct EventDiagnostics {
  explicit EventDiagnostics(std::size_t example_limit = 5) : max_examples(example_limit) {}

  std::size_t max_examples;

  // How the file was understood.
  std::string file_name;
  std::uint64_t bytes = 0;
  std::string encoding;
  std::string encoding_reason;
  bool byte_order_mark = false;
  char delimiter = ',';
  std::string delimiter_reason;
  std::uint64_t header_line = 0;
  std::uint64_t rows_before_header = 0;
  std::vector<std::string> columns;  // header names as written
  std::string layout;                // "ga4" / "generic"
  std::string layout_name;
  bool layout_detected = true;       // false when the caller named it
  PerEventRole<std::vector<std::uint32_t>> mapping;  // 0-based columns per role, by priority
  std::string day_month_order;       // "month_first" / "day_first"
  std::string day_month_reason;
  std::vector<std::string> notes;

  // Rows.
  std::uint64_t lines = 0;
  std::uint64_t blank_lines = 0;
  std::uint64_t rows_read = 0;  // data rows below the header
  std::uint64_t rows_used = 0;  // = events counted + repeated_event_rows
  // Used rows that repeat the previous row's event (GA4: same visitor, event name and
  // event_timestamp), as a flattened export writes one event per item or parameter: one event.
  std::uint64_t repeated_event_rows = 0;
  std::array<IssueTally, kEventSkipReasonCount> skipped{};
  std::array<IssueTally, kEventWarningCount> warnings{};

  // Result sizes (after merging).
  std::uint64_t visitors = 0;
  std::array<std::uint64_t, kEventUserKindCount> visitors_by_kind{};
  std::array<std::uint64_t, kEventKindCount> events{};
  std::uint64_t visitors_merged = 0;  // pseudo-id and email visitors credited to a user id
  std::array<std::uint64_t, kEventUserKindCount> merged_by_kind{};
  bool any_day = false;  // false without a used row
  std::int32_t first_day = 0;
  std::int32_t last_day = 0;

  std::uint64_t rows_skipped() const;
  std::uint64_t total_events() const;

  // `column` is 0-based, or Diagnostics::kWholeRow.
  void skip(EventSkipReason reason, std::uint64_t line, std::uint32_t column, std::string_view value,
            std::string_view detail);
  void warn(EventWarning kind, std::uint64_t line, std::uint32_t column, std::string_view value,
            std::string_view detail);
};

}  // namespace orderlens
