// Streaming RFC 4180 tokenizer. Text arrives in chunks of any size (decoded UTF-8); quotes,
// escaped quotes ("") and CR / LF / CRLF line ends may straddle chunk boundaries, and the
// records produced are exactly those of a one-chunk parse.
//
// Leniencies, each reported on the record so the caller can count it:
//  - a quote inside an unquoted field is kept as a literal character (12" pizza);
//  - text after a closing quote ("a"b) is appended to the field (text_after_quote);
//  - NUL bytes are removed (nul_bytes_removed);
//  - a quoted field still open at the end of the file ends the record (unterminated_quote).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orderlens {

struct CsvDialect {
  char delimiter = ',';
  char quote = '"';
};

class CsvRecord {
 public:
  std::size_t size() const { return ends_.size(); }
  std::string_view field(std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(buffer_).substr(begin, ends_[i] - begin);
  }
  // All field bytes, concatenated; with field_ends() it identifies the record's content.
  std::string_view content() const { return buffer_; }
  const std::vector<std::uint32_t>& field_ends() const { return ends_; }
  // 1-based physical line on which the record starts.
  std::uint64_t line = 0;
  // True for an empty line (no bytes at all between line ends).
  bool blank = false;
  bool unterminated_quote = false;
  std::uint64_t quote_open_line = 0;   // where the unterminated quote opened
  std::uint32_t quote_open_field = 0;  // 0-based field index
  std::uint32_t nul_bytes_removed = 0;
  std::uint32_t text_after_quote = 0;  // fields with text after their closing quote
  std::uint32_t text_after_quote_field = 0;  // 0-based index of the first such field

 private:
  friend class CsvTokenizer;
  std::string buffer_;
  std::vector<std::uint32_t> ends_;
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void on_record(const CsvRecord& record) = 0;
};

class CsvTokenizer {
 public:
  // `max_record_bytes` bounds the memory of one record; a larger one throws
  // IngestError(RecordTooLarge) naming the line where it started.
  CsvTokenizer(CsvDialect dialect, std::size_t max_record_bytes);

  void push(std::string_view text, RecordSink& sink);
  void finish(RecordSink& sink);

  // Line ends seen so far (LF, CRLF or a lone CR each count once).
  std::uint64_t line_breaks() const { return line_breaks_; }
  const CsvDialect& dialect() const { return dialect_; }

 private:
  enum class State : std::uint8_t { FieldStart, Unquoted, Quoted, QuoteInQuoted };

  void end_field();
  void end_record(RecordSink& sink);
  void append(const char* begin, const char* end);
  [[noreturn]] void throw_too_large() const;

  CsvDialect dialect_;
  std::size_t max_record_bytes_;
  State state_ = State::FieldStart;
  bool record_started_ = false;  // any byte (or delimiter) seen for the current record
  bool skip_lf_ = false;         // the previous chunk ended with a CR that ended a record
  char prev_byte_ = 0;           // last byte of the previous chunk (CRLF inside quotes)
  std::uint64_t line_breaks_ = 0;
  bool special_[256] = {};       // bytes that stop an unquoted scan
  bool quoted_special_[256] = {};  // bytes that stop a quoted scan
  CsvRecord record_;
};

}  // namespace orderlens
