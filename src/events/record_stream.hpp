// The front of a streaming ingestion, from bytes to CSV records: file-type check on the first
// 4 KB, decoding to UTF-8 (ingest/encoding.hpp), delimiter sniffing on exactly the first 64 KB
// of text (ingest/delimiter_sniffer.hpp), tokenizing (ingest/csv_tokenizer.hpp). Records are
// the same whatever the chunk sizes. The same steps and limits as the order Ingestor's front,
// which keeps its own because it interleaves them with the parallel-ingestion bookkeeping.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/csv_tokenizer.hpp"
#include "ingest/encoding.hpp"

namespace orderlens {

class RecordStream final : private TextSink {
 public:
  // `delimiter` 0: sniffed.
  RecordStream(Encoding encoding, char delimiter, std::size_t max_record_bytes);
  ~RecordStream() override;

  // Throws IngestError (NotText, RecordTooLarge) without the file name.
  void push(std::string_view bytes, RecordSink& sink);
  // Ends the input: the records still held are handed over.
  void finish(RecordSink& sink);

  std::uint64_t bytes() const { return bytes_; }
  // Physical lines, a last line without a line end included (complete after finish()).
  std::uint64_t lines() const;
  const StreamingDecoder& decoder() const { return decoder_; }
  char delimiter() const { return delimiter_; }
  const std::string& delimiter_reason() const { return delimiter_reason_; }

 private:
  void on_text(std::string_view text) override;
  void release_prefix();
  void start_tokenizer(bool complete);

  StreamingDecoder decoder_;
  char delimiter_;
  std::string delimiter_reason_;
  std::size_t max_record_bytes_;
  std::unique_ptr<CsvTokenizer> tokenizer_;
  RecordSink* sink_ = nullptr;  // during push() / finish()
  std::string raw_prefix_;      // held until the file type is known
  bool kind_checked_ = false;
  std::string sample_;          // decoded text held for delimiter sniffing
  std::uint64_t bytes_ = 0;
  char last_char_ = '\n';
};

}  // namespace orderlens
