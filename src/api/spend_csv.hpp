// The marketing spend file the channel report takes: a small table with a channel, an optional
// period and an amount per row, e.g.
//   channel,period,spend
//   google,2024-03,1200000
//   naver,2024-03,"₩800,000"
// Header names (case, spaces and punctuation ignored): channel / source / 채널 / 매체;
// period / month / week / date / 기간 / 월 / 날짜; spend / amount / cost / 비용 / 광고비 / 금액.
// Any encoding and delimiter the orders ingestion reads (UTF-8, CP949, UTF-16; , TAB ; |).
// A bad row is an error naming the file, line and column; nothing is skipped silently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orderlens {

struct SpendCsvRow {
  std::string channel;
  std::string period;  // as written; empty: the whole range
  double amount = 0;
  std::uint64_t line = 0;
  std::size_t period_column = 0;  // 1-based; 0 without a period column
};

// The rows as the channel report's options.spend entries: [{channel, period, amount, line, column}].
std::string spend_rows_json(const std::vector<SpendCsvRow>& rows);

// Throws std::invalid_argument "<file> line L, column C (<column>): expected …".
std::vector<SpendCsvRow> parse_spend_csv(std::string_view bytes, std::string_view file_name);

}  // namespace orderlens
