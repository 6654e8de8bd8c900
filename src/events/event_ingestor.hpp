// One streaming ingestion of a website events file: bytes in chunks of any size -> file-type
// check, decoding, delimiter (record_stream.hpp) -> header search among the first 30 rows and
// layout detection (event_layout.hpp) -> the first 1000 data rows held to decide the day/month
// order of "a/b/yyyy" times -> visitors with their events counted (event_row_reader.hpp).
//
// Memory: the current chunk, one record and the bounded look-ahead above, then only the
// visitors (proportional to visitors, never to rows). Chunk boundaries anywhere give the same
// result.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "events/event_diagnostics.hpp"
#include "events/event_log.hpp"
#include "events/event_options.hpp"
#include "events/event_row_reader.hpp"
#include "events/record_stream.hpp"

namespace orderlens {

struct EventIngestResult {
  std::unique_ptr<EventLog> log;
  EventDiagnostics diagnostics;
};

class EventIngestor final : private RecordSink {
 public:
  explicit EventIngestor(EventIngestOptions options);
  ~EventIngestor() override;

  // Throws IngestError on a fatal problem (not a text file, no header, no rows, ...); its message
  // starts with the file name.
  void push(std::string_view bytes);
  EventIngestResult finish();

  std::uint64_t bytes_pushed() const { return stream_.bytes(); }
  // Data rows seen so far (below the header, including rows still held for profiling).
  std::uint64_t rows_read() const { return rows_seen_; }

 private:
  enum class Phase : std::uint8_t { Header, Profile, Rows };

  void on_record(const CsvRecord& record) override;
  void settle_header();
  void start_rows();
  EventIngestResult finish_input();

  EventIngestOptions options_;
  EventDiagnostics diag_;
  std::unique_ptr<EventLog> log_;
  RecordStream stream_;
  std::unique_ptr<EventRowReader> reader_;
  Phase phase_ = Phase::Header;
  std::vector<StoredRecord> held_;  // header candidates, then the rows being profiled
  EventHeaderMatch header_match_;
  std::uint64_t rows_seen_ = 0;
  bool finished_ = false;
};

}  // namespace orderlens
