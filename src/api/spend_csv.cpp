#include "api/spend_csv.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <stdexcept>

#include "ingest/csv_tokenizer.hpp"
#include "ingest/delimiter_sniffer.hpp"
#include "ingest/encoding.hpp"
#include "ingest/money.hpp"
#include "ingest/presets.hpp"

namespace orderlens {

namespace {

struct Utf8Collector : TextSink {
  std::string text;
  void on_text(std::string_view utf8) override { text.append(utf8); }
};

struct RecordCollector : RecordSink {
  std::vector<StoredRecord> records;
  void on_record(const CsvRecord& record) override {
    if (!record.blank) records.emplace_back(record);
  }
};

enum Column { kChannel, kPeriod, kAmount };
constexpr std::array<std::string_view, 3> kColumnWords = {"channel", "period", "spend"};

std::optional<Column> column_of(std::string_view header) {
  const std::string key = header_key(header);
  for (std::string_view name : {"channel", "source", "채널", "매체", "utmsource"})
    if (key == header_key(name)) return kChannel;
  for (std::string_view name : {"period", "month", "week", "date", "기간", "월", "날짜"})
    if (key == header_key(name)) return kPeriod;
  for (std::string_view name : {"spend", "amount", "cost", "adspend", "비용", "광고비", "금액"})
    if (key == header_key(name)) return kAmount;
  return std::nullopt;
}

[[noreturn]] void fail(std::string_view file, std::uint64_t line, std::size_t column, std::string_view what) {
  throw std::invalid_argument(std::string(file) + " line " + std::to_string(line) + ", column " + std::to_string(column + 1) +
                              " " + std::string(what));
}

}  // namespace

std::vector<SpendCsvRow> parse_spend_csv(std::string_view bytes, std::string_view file_name) {
  const std::string file = file_name.empty() ? "spend file" : std::string(file_name);
  Utf8Collector text;
  StreamingDecoder decoder(Encoding::Auto);
  decoder.push(bytes, text);
  decoder.finish(text);
  const DelimiterGuess delimiter = sniff_delimiter(text.text.substr(0, 64 * 1024), true);
  CsvTokenizer tokenizer(CsvDialect{delimiter.delimiter, '"'}, 1 << 20);
  RecordCollector rows;
  tokenizer.push(text.text, rows);
  tokenizer.finish(rows);
  if (rows.records.empty()) throw std::invalid_argument(file + " is empty: expected a header such as channel,period,spend");

  const CsvRecord& header = rows.records.front().record();
  std::array<std::optional<std::size_t>, 3> at;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::optional<Column> c = column_of(header.field(i));
    if (!c) fail(file, header.line, i, "(\"" + std::string(header.field(i)) + "\"): unknown column; expected channel, period and spend");
    if (at[*c]) fail(file, header.line, i, "(\"" + std::string(header.field(i)) + "\"): a second " + std::string(kColumnWords[*c]) + " column");
    at[*c] = i;
  }
  if (!at[kChannel] || !at[kAmount])
    throw std::invalid_argument(file + " line " + std::to_string(header.line) +
                                ": expected a header with a channel and a spend column (and optionally a period), such as channel,period,spend");

  std::vector<SpendCsvRow> out;
  for (std::size_t r = 1; r < rows.records.size(); ++r) {
    const CsvRecord& rec = rows.records[r].record();
    auto field = [&](Column c) { return *at[c] < rec.size() ? rec.field(*at[c]) : std::string_view(); };
    SpendCsvRow row;
    row.line = rec.line;
    row.channel = std::string(field(kChannel));
    if (row.channel.empty()) fail(file, rec.line, *at[kChannel], "(channel): expected a channel name, got an empty cell");
    if (at[kPeriod]) {
      row.period = std::string(field(kPeriod));
      row.period_column = *at[kPeriod] + 1;
    }
    const MoneyResult amount = parse_money(field(kAmount), DecimalSeparator::Point);
    if (!amount.ok() || amount.value < 0)
      fail(file, rec.line, *at[kAmount],
           "(spend): " + std::string(amount.ok() ? "expected an amount from 0" : money_error_text(amount.error)) + ", got \"" +
               std::string(field(kAmount)) + "\"");
    row.amount = amount.value;
    out.push_back(std::move(row));
  }
  return out;
}

std::string spend_rows_json(const std::vector<SpendCsvRow>& rows) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const SpendCsvRow& r : rows) {
    nlohmann::ordered_json j;
    j["channel"] = r.channel;
    if (!r.period.empty()) j["period"] = r.period;
    j["amount"] = r.amount;
    j["line"] = r.line;
    if (r.period_column) j["column"] = r.period_column;
    list.push_back(std::move(j));
  }
  return list.dump();
}

}  // namespace orderlens
