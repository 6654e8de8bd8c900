#include "events/record_stream.hpp"

#include <algorithm>

#include "ingest/delimiter_sniffer.hpp"
#include "ingest/file_kind.hpp"
#include "ingest/ingest_error.hpp"

namespace orderlens {

namespace {

constexpr std::size_t kKindPrefixBytes = 4096;
constexpr std::size_t kSniffSampleBytes = 64 * 1024;

}  // namespace

RecordStream::RecordStream(Encoding encoding, char delimiter, std::size_t max_record_bytes)
    : decoder_(encoding), delimiter_(delimiter), max_record_bytes_(max_record_bytes) {}

RecordStream::~RecordStream() = default;

void RecordStream::push(std::string_view bytes, RecordSink& sink) {
  sink_ = &sink;
  bytes_ += bytes.size();
  if (!kind_checked_) {
    raw_prefix_.append(bytes);
    if (raw_prefix_.size() >= kKindPrefixBytes) release_prefix();
  } else {
    decoder_.push(bytes, *this);
  }
  sink_ = nullptr;
}

void RecordStream::finish(RecordSink& sink) {
  sink_ = &sink;
  if (!kind_checked_) release_prefix();
  decoder_.finish(*this);
  if (!tokenizer_) start_tokenizer(true);
  tokenizer_->finish(sink);
  sink_ = nullptr;
}

std::uint64_t RecordStream::lines() const {
  const std::uint64_t breaks = tokenizer_ ? tokenizer_->line_breaks() : 0;
  return breaks + (bytes_ && last_char_ != '\n' && last_char_ != '\r' ? 1 : 0);
}

// The file type is decided on exactly the first 4 KB (or the whole file when shorter).
void RecordStream::release_prefix() {
  kind_checked_ = true;
  std::string prefix;
  prefix.swap(raw_prefix_);
  if (prefix.empty()) return;
  const FileKind kind = sniff_file_kind(std::string_view(prefix).substr(0, kKindPrefixBytes));
  if (kind != FileKind::Text) throw IngestError(IngestErrorCode::NotText, not_text_message(kind));
  decoder_.push(prefix, *this);
}

void RecordStream::on_text(std::string_view text) {
  if (text.empty()) return;
  last_char_ = text.back();
  if (!tokenizer_ && delimiter_) start_tokenizer(false);  // nothing to sniff
  if (tokenizer_) {
    tokenizer_->push(text, *sink_);
    return;
  }
  // The delimiter is sniffed on exactly the first 64 KB of text, whatever the chunk sizes.
  const std::size_t take = std::min(text.size(), kSniffSampleBytes - sample_.size());
  sample_.append(text.substr(0, take));
  if (sample_.size() < kSniffSampleBytes) return;
  start_tokenizer(false);
  if (take < text.size()) tokenizer_->push(text.substr(take), *sink_);
}

void RecordStream::start_tokenizer(bool complete) {
  if (delimiter_) {
    delimiter_reason_ = "set by the caller";
  } else {
    DelimiterGuess guess = sniff_delimiter(sample_, complete);
    delimiter_ = guess.delimiter;
    delimiter_reason_ = std::move(guess.reason);
  }
  tokenizer_ = std::make_unique<CsvTokenizer>(CsvDialect{delimiter_, '"'}, max_record_bytes_);
  std::string sample;
  sample.swap(sample_);
  tokenizer_->push(sample, *sink_);
}

}  // namespace orderlens
