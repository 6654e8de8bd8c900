// One streaming ingestion: bytes in chunks of any size -> file-type check -> decoding to UTF-8
// -> delimiter sniffing -> CSV records -> header search and layout detection -> profiling of
// the first rows (day/month order, decimal mark) -> orders, lines, customers, products.
//
// Only the current chunk, one record and a bounded look-ahead (64 KB of text, the first 30
// header candidates, the first 1000 data rows) are held besides the result tables.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_mapping.hpp"
#include "ingest/csv_tokenizer.hpp"
#include "ingest/diagnostics.hpp"
#include "ingest/encoding.hpp"
#include "ingest/ingest_options.hpp"
#include "ingest/order_assembler.hpp"
#include "model/dataset.hpp"

namespace orderlens {

struct IngestResult {
  std::unique_ptr<Dataset> dataset;
  Diagnostics diagnostics;
};

class Ingestor final : private TextSink, private RecordSink {
 public:
  explicit Ingestor(IngestOptions options);
  ~Ingestor() override;

  // Throws IngestError on a fatal problem (not a text file, no header, ...); its message
  // starts with the file name.
  void push(std::string_view bytes);
  IngestResult finish();

  std::uint64_t bytes_pushed() const { return bytes_pushed_; }
  // Data rows seen so far (below the header, including rows still held for profiling).
  std::uint64_t rows_read() const { return rows_seen_; }

 private:
  enum class Phase : std::uint8_t { Header, Profile, Rows };

  void push_bytes(std::string_view bytes);
  IngestResult finish_input();
  void on_text(std::string_view text) override;
  void on_record(const CsvRecord& record) override;
  void feed_decoder(std::string_view bytes);
  void start_tokenizer(bool complete);
  void settle_header();
  void start_rows();
  std::string label() const;

  IngestOptions options_;
  Diagnostics diag_;
  std::unique_ptr<Dataset> dataset_;
  StreamingDecoder decoder_;
  std::unique_ptr<CsvTokenizer> tokenizer_;
  std::unique_ptr<OrderAssembler> assembler_;
  Phase phase_ = Phase::Header;
  std::string raw_prefix_;          // held until the file type is known
  bool kind_checked_ = false;
  std::string sample_;              // decoded text held for delimiter sniffing
  std::vector<StoredRecord> held_;  // header candidates, then the rows being profiled
  HeaderMatch header_match_;
  std::uint64_t bytes_pushed_ = 0;
  std::uint64_t rows_seen_ = 0;
  char last_char_ = '\n';
  bool finished_ = false;
};

}  // namespace orderlens
