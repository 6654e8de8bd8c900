// What ingestion did with every row: rows read, used and skipped by reason, warnings, and the
// first examples of each (line, column, value), plus how the file was understood (encoding,
// delimiter, header line, layout, column mapping). Nothing is skipped without being counted here.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_role.hpp"
#include "ingest/order_status.hpp"

namespace orderlens {

// Why a data row was not used. Each skipped row is counted under exactly one reason.
enum class SkipReason : std::uint8_t {
  MissingOrderId,
  MissingCustomer,
  MissingDate,
  BadDate,
  BadAmount,
  BadQuantity,
  TooFewFields,
  TooManyFields,
  UnterminatedQuote,
  DuplicateRow,
};
inline constexpr std::size_t kSkipReasonCount = 10;

// Something noteworthy about a row that was still used (or about the file).
enum class WarningKind : std::uint8_t {
  InvalidEncoding,
  NulBytes,
  TextAfterQuote,
  UnknownStatus,
  ConflictingOrderValue,
  ExtraEmptyFields,
  UnusableIdentity,
  BadRefundAmount,
  FutureDate,
};
inline constexpr std::size_t kWarningKindCount = 9;

std::string_view skip_reason_key(SkipReason r);
std::string_view skip_reason_text(SkipReason r);
std::string_view warning_key(WarningKind w);
std::string_view warning_text(WarningKind w);

struct IssueExample {
  std::uint64_t line = 0;     // 1-based physical line in the file
  std::uint32_t column = 0;   // 1-based column; 0 when the issue is about the whole row
  std::string column_name;
  std::string value;          // excerpt of the offending value
  std::string detail;         // what was expected
};

struct IssueTally {
  std::uint64_t count = 0;
  std::vector<IssueExample> examples;
};

// Counts one issue in `tally` and keeps it as an example while fewer than `max_examples` are
// kept (the example text is only built then). `column` is 0-based, its name taken from
// `columns`; Diagnostics::kWholeRow for an issue about the whole row.
void add_issue(IssueTally& tally, std::size_t max_examples, const std::vector<std::string>& columns,
               std::uint64_t line, std::uint32_t column, std::string_view value, std::string_view detail);

struct Diagnostics {
  explicit Diagnostics(std::size_t example_limit = 5) : max_examples(example_limit) {}

  std::size_t max_examples;

  // How the file was understood.
  std::string file_name;
  std::uint64_t bytes = 0;
  std::string encoding;          // "utf-8", "cp949", ...
  std::string encoding_reason;
  bool byte_order_mark = false;
  char delimiter = ',';
  std::string delimiter_reason;
  std::uint64_t header_line = 0;
  std::uint64_t rows_before_header = 0;  // title / guidance rows above the header
  std::vector<std::string> columns;      // header names as written
  std::string preset;                    // key of the layout used
  std::string preset_name;
  bool preset_detected = true;           // false when the caller named it
  PerRole<std::vector<std::uint32_t>> mapping;  // 0-based columns per role, by priority
  std::string day_month_order;           // "month_first" / "day_first"
  std::string day_month_reason;
  std::string decimal_separator;         // "." / ","
  std::string decimal_reason;
  std::vector<std::string> notes;        // plain-language remarks about the whole file
  // An Excel workbook: the sheet read and every sheet's name (empty for a text file).
  std::string sheet;
  std::vector<std::string> sheets;

  // Counts.
  std::uint64_t lines = 0;        // physical lines in the file
  std::uint64_t blank_lines = 0;  // empty lines (ignored; not rows)
  std::uint64_t rows_read = 0;    // data rows below the header
  std::uint64_t rows_used = 0;
  std::uint64_t refund_rows = 0;  // used rows that record a refund of an order
  std::array<IssueTally, kSkipReasonCount> skipped{};
  std::array<IssueTally, kWarningKindCount> warnings{};

  // Result sizes.
  std::uint64_t orders = 0;
  std::array<std::uint64_t, kOrderStatusCount> orders_by_status{};
  std::uint64_t line_items = 0;
  std::uint64_t customers = 0;
  std::uint64_t customers_without_purchase = 0;
  std::uint64_t products = 0;
  std::int32_t first_order_day = 0;
  std::int32_t last_order_day = 0;

  std::uint64_t rows_skipped() const;

  // Records a skipped row / a warning. `column` is 0-based (or npos for the whole row); the
  // example text is only built while fewer than max_examples were kept.
  static constexpr std::uint32_t kWholeRow = 0xFFFFFFFFu;
  void skip(SkipReason reason, std::uint64_t line, std::uint32_t column, std::string_view value,
            std::string_view detail);
  void warn(WarningKind kind, std::uint64_t line, std::uint32_t column, std::string_view value,
            std::string_view detail);

};

}  // namespace orderlens
