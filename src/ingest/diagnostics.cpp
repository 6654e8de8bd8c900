#include "ingest/diagnostics.hpp"

#include "util/text.hpp"

namespace orderlens {

namespace {

struct Text {
  std::string_view key;
  std::string_view text;
};

constexpr std::array<Text, kSkipReasonCount> kSkipText = {{
    {"missing_order_id", "the order id is empty"},
    {"missing_customer", "no usable customer id, email or phone to tell who ordered"},
    {"missing_date", "the order date is empty"},
    {"bad_date", "the order date could not be read"},
    {"bad_amount", "an amount could not be read"},
    {"bad_quantity", "the quantity is not a number"},
    {"too_few_fields", "the row has fewer fields than the header"},
    {"too_many_fields", "the row has more fields than the header (an unquoted delimiter inside a value?)"},
    {"unterminated_quote", "a quoted field is still open at the end of the file"},
    {"duplicate_row", "the row repeats an earlier row of the same order exactly"},
}};

constexpr std::array<Text, kWarningKindCount> kWarningText = {{
    {"invalid_encoding", "bytes that are not valid in the file's encoding were replaced by U+FFFD"},
    {"nul_bytes", "NUL bytes were removed from the row"},
    {"text_after_quote", "text follows a closing quote; it was kept as part of the value"},
    {"unknown_status", "status word not recognized; the order was counted as paid"},
    {"conflicting_order_value", "a later row of the same order has a different value; the first one was kept"},
    {"extra_empty_fields", "the row has extra empty fields at the end; they were ignored"},
    {"unusable_identity", "an identity value could not be used; the next identity column was tried"},
    {"bad_refund_amount", "the refunded amount could not be read; the order was kept without it"},
    {"future_date", "the order is dated after today; it was kept (check the date, or the device's clock)"},
}};

}  // namespace

std::string_view skip_reason_key(SkipReason r) { return kSkipText[static_cast<std::size_t>(r)].key; }
std::string_view skip_reason_text(SkipReason r) { return kSkipText[static_cast<std::size_t>(r)].text; }
std::string_view warning_key(WarningKind w) { return kWarningText[static_cast<std::size_t>(w)].key; }
std::string_view warning_text(WarningKind w) { return kWarningText[static_cast<std::size_t>(w)].text; }

std::uint64_t Diagnostics::rows_skipped() const {
  std::uint64_t n = 0;
  for (const IssueTally& t : skipped) n += t.count;
  return n;
}

void Diagnostics::skip(SkipReason reason, std::uint64_t line, std::uint32_t column, std::string_view value,
                       std::string_view detail) {
  add_issue(skipped[static_cast<std::size_t>(reason)], max_examples, columns, line, column, value, detail);
}

void Diagnostics::warn(WarningKind kind, std::uint64_t line, std::uint32_t column, std::string_view value,
                       std::string_view detail) {
  add_issue(warnings[static_cast<std::size_t>(kind)], max_examples, columns, line, column, value, detail);
}

void add_issue(IssueTally& tally, std::size_t max_examples, const std::vector<std::string>& columns,
               std::uint64_t line, std::uint32_t column, std::string_view value, std::string_view detail) {
  ++tally.count;
  if (tally.examples.size() >= max_examples) return;
  IssueExample ex;
  ex.line = line;
  if (column != Diagnostics::kWholeRow) {
    ex.column = column + 1;
    if (column < columns.size()) ex.column_name = columns[column];
  }
  ex.value = printable_excerpt(value);
  ex.detail = std::string(detail);
  tally.examples.push_back(std::move(ex));
}

}  // namespace orderlens
