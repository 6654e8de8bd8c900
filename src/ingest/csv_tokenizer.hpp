// Streaming RFC 4180 tokenizer. Text arrives in chunks of any size (decoded UTF-8); quotes,
// escaped quotes ("") and CR / LF / CRLF line ends may straddle chunk boundaries, and the
// records produced are exactly those of a one-chunk parse.
//
// Fields are views into the chunk being parsed wherever possible; only a field with an escaped
// quote or a NUL byte, or a record that straddles two chunks, is copied. This is the hot path of
// ingestion (hand-written: no library parses CSV in resumable chunks without copying).
//
// Leniencies, each reported on the record so the caller can count it:
//  - a quote inside an unquoted field is kept as a literal character (12" pizza);
//  - text after a closing quote ("a"b) is appended to the field (text_after_quote);
//  - NUL bytes are removed (nul_bytes_removed);
//  - a quoted field still open at the end of the file ends the record (unterminated_quote).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/swar.hpp"

namespace orderlens {

struct CsvDialect {
  char delimiter = ',';
  char quote = '"';
};

// A field of a record: a view into the text being parsed, or bytes in the record's own buffer.
struct CsvField {
  const char* view;      // nullptr when the bytes are in the owning buffer
  std::uint32_t offset;  // into the owning buffer
  std::uint32_t length;
};

// One record, valid during RecordSink::on_record only.
class CsvRecord {
 public:
  std::size_t size() const { return count_; }
  std::string_view field(std::size_t i) const {
    const CsvField& f = fields_[i];
    return {f.view ? f.view : owned_ + f.offset, f.length};
  }
  // The record's text exactly as in the (decoded) file, quotes included, line end excluded.
  // Identical rows have identical raw text whatever the chunking.
  std::string_view raw() const { return raw_; }

  std::uint64_t line = 0;    // 1-based physical line on which the record starts
  bool blank = false;        // an empty line
  bool unterminated_quote = false;
  std::uint64_t quote_open_line = 0;   // where the unterminated quote opened
  std::uint32_t quote_open_field = 0;  // 0-based field index
  std::uint32_t nul_bytes_removed = 0;
  std::uint32_t text_after_quote = 0;        // fields with text after their closing quote
  std::uint32_t text_after_quote_field = 0;  // 0-based index of the first such field

 private:
  friend class CsvTokenizer;
  friend class StoredRecord;
  friend class RecordBuilder;
  const CsvField* fields_ = nullptr;
  std::size_t count_ = 0;
  const char* owned_ = nullptr;
  std::string_view raw_;
};

// A record kept beyond its callback (the rows held for header search and profiling): owns a
// copy of its text. Movable; the views stay valid because the bytes live on the heap.
class StoredRecord {
 public:
  explicit StoredRecord(const CsvRecord& record);
  StoredRecord(StoredRecord&&) = default;
  StoredRecord& operator=(StoredRecord&&) = default;
  const CsvRecord& record() const { return record_; }

 private:
  std::unique_ptr<char[]> bytes_;
  std::vector<CsvField> fields_;
  CsvRecord record_;
};

// A record made from values held elsewhere (the cells of a workbook's row), for the ingestion's
// record path (Ingestor::push_record): no text to tokenize. The views must stay valid while the
// record is used.
class RecordBuilder {
 public:
  const CsvRecord& build(std::uint64_t line, const std::vector<std::string_view>& values, std::string_view raw);

 private:
  std::vector<CsvField> fields_;
  CsvRecord record_;
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
  // True when everything pushed so far ends with a complete record (nothing is pending).
  bool at_record_boundary() const { return state_ == State::FieldStart && !record_started_ && !skip_lf_; }
  const CsvDialect& dialect() const { return dialect_; }

 private:
  enum class State : std::uint8_t { FieldStart, Unquoted, Quoted, QuoteInQuoted };

  void begin_field(const char* at);
  void own_current_field(const char* upto);
  void finish_field(const char* view_end) {
    if (field_owned_) {
      fields_.push_back({nullptr, field_offset_, static_cast<std::uint32_t>(owned_.size() - field_offset_)});
      field_owned_ = false;
    } else {
      fields_.push_back({field_begin_, 0, static_cast<std::uint32_t>(view_end - field_begin_)});
    }
  }
  void end_record(const char* terminator, RecordSink& sink);
  void save_pending_record(const char* chunk_end);
  void check_size(std::size_t pending_bytes) const;
  [[noreturn]] void throw_too_large() const;

  CsvDialect dialect_;
  std::size_t max_record_bytes_;
  State state_ = State::FieldStart;
  bool record_started_ = false;  // any byte (or delimiter) seen for the current record
  bool skip_lf_ = false;         // the previous chunk ended with a CR that ended a record
  char prev_byte_ = 0;           // last byte of the previous chunk (CRLF inside quotes)
  std::uint64_t line_breaks_ = 0;
  swar::ByteSetFinder unquoted_finder_;  // delimiter, CR, LF, NUL: the bytes that end an unquoted scan
  swar::ByteSetFinder quoted_finder_;    // quote, CR, LF, NUL: the bytes that end a quoted scan

  // The record being built.
  std::vector<CsvField> fields_;
  std::string owned_;                   // bytes of copied fields
  std::string raw_carry_;               // raw text of the record from earlier chunks
  const char* record_begin_ = nullptr;  // where the record's text in the current chunk starts
  const char* field_begin_ = nullptr;   // current field's view start (when not owned)
  const char* quote_pos_ = nullptr;     // a closing-quote candidate in the current chunk
  bool field_owned_ = false;
  std::uint32_t field_offset_ = 0;      // current field's start in owned_ (when owned)
  CsvRecord record_;
};

}  // namespace orderlens
