#include "ingest/delimiter_sniffer.hpp"

#include <array>
#include <map>

#include "ingest/csv_tokenizer.hpp"

namespace orderlens {

namespace {

constexpr std::size_t kMaxRows = 200;

class FieldCounter : public RecordSink {
 public:
  void on_record(const CsvRecord& r) override {
    if (r.blank || rows_ >= kMaxRows) return;
    ++rows_;
    ++counts_[r.size()];
  }
  std::size_t rows() const { return rows_; }
  // (rows with the most common field count, that field count)
  std::pair<std::size_t, std::size_t> mode() const {
    std::pair<std::size_t, std::size_t> best{0, 0};
    for (const auto& [fields, rows] : counts_)
      if (rows > best.first || (rows == best.first && fields > best.second)) best = {rows, fields};
    return best;
  }

 private:
  std::size_t rows_ = 0;
  std::map<std::size_t, std::size_t> counts_;
};

}  // namespace

std::string delimiter_display(char d) {
  if (d == '\t') return "TAB";
  return std::string(1, d);
}

DelimiterGuess sniff_delimiter(std::string_view sample, bool complete) {
  constexpr std::array<char, 4> kCandidates = {',', '\t', ';', '|'};
  DelimiterGuess best{',', "default (no candidate splits the rows consistently)"};
  std::size_t best_rows = 0, best_fields = 1;
  for (char d : kCandidates) {
    CsvTokenizer tokenizer({d, '"'}, sample.size() + 1);
    FieldCounter counter;
    tokenizer.push(sample, counter);
    if (complete) tokenizer.finish(counter);
    const auto [rows, fields] = counter.mode();
    if (fields < 2) continue;
    if (rows > best_rows || (rows == best_rows && fields > best_fields)) {
      best_rows = rows;
      best_fields = fields;
      best.delimiter = d;
      best.reason = "\"" + delimiter_display(d) + "\" splits " + std::to_string(rows) + " of " +
                    std::to_string(counter.rows()) + " sampled rows into " + std::to_string(fields) + " fields";
    }
  }
  return best;
}

}  // namespace orderlens
