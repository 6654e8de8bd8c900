// One streaming ingestion: bytes in chunks of any size -> file-type check -> decoding to UTF-8
// -> delimiter sniffing -> CSV records -> header search and layout detection -> profiling of
// the first rows (day/month order, decimal mark) -> orders, lines, customers, products.
//
// Only the current chunk, one record and a bounded look-ahead (64 KB of text, the first 30
// header candidates, the first 1000 data rows) are held besides the result tables.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_mapping.hpp"
#include "ingest/csv_tokenizer.hpp"
#include "ingest/diagnostics.hpp"
#include "ingest/encoding.hpp"
#include "ingest/ingest_options.hpp"
#include "ingest/ingest_settings.hpp"
#include "ingest/raw_line_starts.hpp"
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
  // A later part of a file, starting at file offset `byte_offset` (just after a line end):
  // it reads rows with the first part's settings and leaves to the first part the rows before
  // its first fresh order (rows of an order begun in the first part).
  Ingestor(IngestOptions options, const IngestSettings& settings, std::uint64_t byte_offset);
  ~Ingestor() override;

  // Throws IngestError on a fatal problem (not a text file, no header, ...); its message
  // starts with the file name.
  void push(std::string_view bytes);
  // Rows that are already records (a workbook's rows, xlsx/sheet_reader.hpp) instead of bytes:
  // no decoding or tokenizing; the header search, presets, parsers and diagnostics are the same.
  // An ingestion takes one or the other.
  void push_record(const CsvRecord& record);
  IngestResult finish();

  std::uint64_t bytes_pushed() const { return bytes_pushed_; }
  // Data rows seen so far (below the header, including rows still held for profiling).
  std::uint64_t rows_read() const { return rows_seen_; }

  // Parallel ingestion, first part: the settings a later part needs, once the header, layout and
  // profile are decided (nullopt before, for a later part, and for UTF-16 files, whose line ends
  // are not single bytes).
  std::optional<IngestSettings> settings() const;
  // Where in `window`, raw bytes of the file from near its middle, a later part should start
  // (record_start.hpp); nullopt before the settings are known or without a line start.
  std::optional<std::size_t> later_part_start(std::string_view window) const;
  // Finishes the first part, which must have been pushed exactly up to the later part's split
  // offset, and merges the later part (as encoded by finish_part) into it. Returns nullopt,
  // leaving this ingestion open to continue sequentially, when the parts do not fit together
  // exactly (the split fell inside a quoted value, the decoder still holds text, the encodings
  // differ, or an order id occurs in both parts). See docs/architecture.md "Parallel ingestion".
  std::optional<IngestResult> finish_with_part(std::string_view encoded_part);

  // Parallel ingestion, later part: where its own rows start (nullopt until seen).
  std::optional<std::uint64_t> split_offset() const;
  // Finishes a later part, encoded for the first part (partial_codec.hpp); throws
  // IngestError(InvalidState) when it never found a row of its own.
  std::string finish_part();

 private:
  enum class Phase : std::uint8_t { Header, Profile, Rows };

  void push_bytes(std::string_view bytes);
  // `whole`: the final result of a whole file (tables shrunk, result counts filled); false for
  // a part of a parallel read, which is encoded or merged (and counted after the merge).
  IngestResult finish_input(bool whole = true);
  void on_text(std::string_view text) override;
  void on_record(const CsvRecord& record) override;
  // Checks the file type on the bytes held until it is known, then decodes them.
  void release_prefix();
  void start_tokenizer(bool complete);
  void settle_header();
  void start_rows();
  bool is_split_row(const CsvRecord& record);

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
  std::optional<IngestSettings> settings_;
  // A later part of a parallel ingestion.
  bool continuation_ = false;
  bool awaiting_split_ = false;
  std::string first_order_key_;
  std::uint64_t base_offset_ = 0;
  std::uint64_t split_offset_ = 0;
  std::uint64_t split_line_ = 0;
  RawLineStarts line_starts_{0};  // while awaiting the split: where the part's lines start
  std::uint64_t bytes_pushed_ = 0;
  std::uint64_t rows_seen_ = 0;
  char last_char_ = '\n';
  bool finished_ = false;
  bool records_in_ = false;         // fed by push_record
  std::uint64_t last_record_line_ = 0;
};

}  // namespace orderlens
