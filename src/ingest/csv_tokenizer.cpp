#include "ingest/csv_tokenizer.hpp"

#include <algorithm>

#include "ingest/ingest_error.hpp"

namespace orderlens {

namespace {
inline unsigned char byte_of(char c) { return static_cast<unsigned char>(c); }

std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20)) return std::to_string(bytes >> 20) + " MB";
  if (bytes >= 1024) return std::to_string(bytes >> 10) + " KB";
  return std::to_string(bytes) + " bytes";
}
}  // namespace

StoredRecord::StoredRecord(const CsvRecord& record) : record_(record) {
  std::size_t total = record.raw_.size();
  for (std::size_t i = 0; i < record.size(); ++i) total += record.field(i).size();
  bytes_ = std::make_unique<char[]>(total ? total : 1);
  char* out = bytes_.get();
  auto keep = [&](std::string_view v) {
    std::copy(v.begin(), v.end(), out);
    const char* kept = out;
    out += v.size();
    return kept;
  };
  fields_.reserve(record.size());
  for (std::size_t i = 0; i < record.size(); ++i) {
    const std::string_view f = record.field(i);
    fields_.push_back({keep(f), 0, static_cast<std::uint32_t>(f.size())});
  }
  record_.raw_ = std::string_view(keep(record.raw_), record.raw_.size());
  record_.fields_ = fields_.data();
  record_.owned_ = nullptr;
}

const CsvRecord& RecordBuilder::build(std::uint64_t line, const std::vector<std::string_view>& values, std::string_view raw) {
  static constexpr char kEmpty[] = "";
  fields_.clear();
  for (const std::string_view v : values)
    fields_.push_back({v.empty() ? kEmpty : v.data(), 0, static_cast<std::uint32_t>(v.size())});
  record_ = CsvRecord();
  record_.fields_ = fields_.data();
  record_.count_ = fields_.size();
  record_.raw_ = raw;
  record_.line = line;
  record_.blank = values.empty();
  return record_;
}

CsvTokenizer::CsvTokenizer(CsvDialect dialect, std::size_t max_record_bytes)
    : dialect_(dialect),
      max_record_bytes_(max_record_bytes),
      unquoted_finder_(byte_of(dialect.delimiter), '\r', '\n', '\0'),
      quoted_finder_(byte_of(dialect.quote), '\r', '\n', '\0') {
  fields_.reserve(128);
  record_.line = 1;
}

void CsvTokenizer::throw_too_large() const {
  std::string msg = "line " + std::to_string(record_.line) + ": one record is larger than " + size_text(max_record_bytes_);
  if (state_ == State::Quoted || state_ == State::QuoteInQuoted) {
    msg += " because the quote that opens field " + std::to_string(record_.quote_open_field + 1) + " at line " +
           std::to_string(record_.quote_open_line) + " is still open after " + size_text(max_record_bytes_) +
           "; check that line for an unbalanced \" (or raise maxRecordBytes for a field this long)";
  } else {
    msg += "; the file may not be a CSV export";
  }
  throw IngestError(IngestErrorCode::RecordTooLarge, msg);
}

// The limit applies to the record's raw text (its copies are at most as large), so a record is
// accepted or refused the same way whatever the chunking.
void CsvTokenizer::check_size(std::size_t raw_bytes_in_chunk) const {
  if (raw_carry_.size() + raw_bytes_in_chunk > max_record_bytes_) throw_too_large();
}

void CsvTokenizer::begin_field(const char* at) {
  field_begin_ = at;
  field_owned_ = false;
}

// From here on the current field's bytes go to owned_ (an escaped quote, a NUL, a chunk end).
void CsvTokenizer::own_current_field(const char* upto) {
  if (field_owned_) return;
  field_offset_ = static_cast<std::uint32_t>(owned_.size());
  owned_.append(field_begin_, static_cast<std::size_t>(upto - field_begin_));
  field_owned_ = true;
}

// Emits the record whose last field is finished; `terminator` is where its text ends in the
// current chunk (nullptr at the end of the input, when all of it is in raw_carry_).
void CsvTokenizer::end_record(const char* terminator, RecordSink& sink) {
  check_size(terminator ? static_cast<std::size_t>(terminator - record_begin_) : 0);
  record_.blank = !record_started_;
  record_.fields_ = fields_.data();
  record_.count_ = fields_.size();
  record_.owned_ = owned_.data();
  if (terminator && raw_carry_.empty()) {
    record_.raw_ = std::string_view(record_begin_, static_cast<std::size_t>(terminator - record_begin_));
  } else {
    if (terminator) raw_carry_.append(record_begin_, static_cast<std::size_t>(terminator - record_begin_));
    record_.raw_ = raw_carry_;
  }
  sink.on_record(record_);

  fields_.clear();
  owned_.clear();
  raw_carry_.clear();
  record_.blank = false;
  record_.unterminated_quote = false;
  record_.nul_bytes_removed = 0;
  record_.text_after_quote = 0;
  record_.text_after_quote_field = 0;
  record_.line = line_breaks_ + 1;
  record_started_ = false;
}

// The chunk's memory goes away after push(): copy what the unfinished record views in it.
void CsvTokenizer::save_pending_record(const char* chunk_end) {
  check_size(static_cast<std::size_t>(chunk_end - record_begin_));
  // The current field, if already copied, must stay the last bytes of owned_: set it aside.
  std::string current;
  if (field_owned_) {
    current.assign(owned_, field_offset_, std::string::npos);
    owned_.resize(field_offset_);
  }
  for (CsvField& f : fields_) {
    if (!f.view) continue;
    f.offset = static_cast<std::uint32_t>(owned_.size());
    owned_.append(f.view, f.length);
    f.view = nullptr;
  }
  if (field_owned_) {
    field_offset_ = static_cast<std::uint32_t>(owned_.size());
    owned_ += current;
  }
  if (state_ == State::QuoteInQuoted) {
    own_current_field(quote_pos_ ? quote_pos_ : field_begin_);  // the pending quote is not content
    quote_pos_ = nullptr;
  } else if (state_ != State::FieldStart) {
    own_current_field(chunk_end);
  }
  raw_carry_.append(record_begin_, static_cast<std::size_t>(chunk_end - record_begin_));
}

void CsvTokenizer::push(std::string_view text, RecordSink& sink) {
  if (text.empty()) return;
  const char* p = text.data();
  const char* const begin = p;
  const char* const end = p + text.size();
  if (skip_lf_) {
    skip_lf_ = false;
    if (*p == '\n') ++p;
  }
  record_begin_ = p;
  field_begin_ = p;  // an owned field continuing from the previous chunk appends from here

  const char delimiter = dialect_.delimiter;
  const char quote = dialect_.quote;
  auto line_end = [&](const char* q) {
    // q is CR or LF ending the record; swallow the LF of a CRLF.
    ++line_breaks_;
    end_record(q, sink);
    state_ = State::FieldStart;
    p = q + 1;
    if (*q == '\r') {
      if (p < end) {
        if (*p == '\n') ++p;
      } else {
        skip_lf_ = true;
      }
    }
    record_begin_ = p;
  };

  while (p < end) {
    switch (state_) {
      case State::FieldStart: {
        // Hot loop: consecutive unquoted fields of this chunk, found 8 bytes at a time, stored
        // as views. Quotes, line ends and NULs leave it for the general cases below.
        for (;;) {
          const char c = *p;
          if (c == delimiter) {
            record_started_ = true;
            fields_.push_back({p, 0, 0});
            if (++p == end) break;
            continue;
          }
          if (c == quote || c == '\r' || c == '\n' || c == '\0') break;
          record_started_ = true;
          const char* q = unquoted_finder_.find(p, end);
          if (q != end && *q == delimiter) {
            fields_.push_back({p, 0, static_cast<std::uint32_t>(q - p)});
            p = q + 1;
            if (p == end) break;
            continue;
          }
          state_ = State::Unquoted;  // ends at a line end, a NUL or the chunk end
          begin_field(p);
          p = q;
          break;
        }
        if (state_ != State::FieldStart || p == end) break;
        const char c = *p;
        if (c == '\r' || c == '\n') {
          if (record_started_) {  // "a,\n": the last field is empty
            begin_field(p);
            finish_field(p);
          }
          line_end(p);
          break;
        }
        record_started_ = true;
        if (c == quote) {
          state_ = State::Quoted;
          record_.quote_open_line = line_breaks_ + 1;
          record_.quote_open_field = static_cast<std::uint32_t>(fields_.size());
          begin_field(++p);
        } else {  // a NUL at the start of a field
          state_ = State::Unquoted;
          begin_field(p);
        }
        break;
      }
      case State::Unquoted: {
        const char* q = unquoted_finder_.find(p, end);
        if (field_owned_) owned_.append(p, static_cast<std::size_t>(q - p));
        if (q == end) {
          p = q;
          break;
        }
        const char c = *q;
        if (c == delimiter) {
          finish_field(q);
          state_ = State::FieldStart;
          p = q + 1;
        } else if (c == '\0') {
          own_current_field(q);
          ++record_.nul_bytes_removed;
          p = q + 1;
        } else {
          finish_field(q);
          line_end(q);
        }
        break;
      }
      case State::Quoted: {
        const char* q = quoted_finder_.find(p, end);  // long notes and addresses: 8 bytes at a time
        if (field_owned_) owned_.append(p, static_cast<std::size_t>(q - p));
        if (q == end) {
          p = q;
          break;
        }
        const char c = *q;
        p = q + 1;
        if (c == quote) {
          quote_pos_ = q;
          state_ = State::QuoteInQuoted;
        } else if (c == '\0') {
          own_current_field(q);
          ++record_.nul_bytes_removed;
        } else {  // a line end inside quotes is content; count the physical line
          const char before = q > begin ? q[-1] : prev_byte_;
          if (c == '\r' || before != '\r') ++line_breaks_;
          if (field_owned_) owned_.push_back(c);
        }
        break;
      }
      case State::QuoteInQuoted: {
        const char c = *p;
        if (c == quote) {  // "" inside quotes is one quote
          if (field_owned_) owned_.push_back(quote);
          else own_current_field(p);  // the view up to here ends with the first quote of the pair
          state_ = State::Quoted;
          ++p;
        } else if (c == '\0') {
          // The field's text ends before the pending quote; owning it now keeps the NULs out if
          // a quote follows (a view up to that quote would hold them: found by fuzzing).
          if (!field_owned_) own_current_field(quote_pos_);
          ++record_.nul_bytes_removed;
          ++p;
        } else if (c == delimiter) {
          finish_field(quote_pos_);
          state_ = State::FieldStart;
          ++p;
        } else if (c == '\r' || c == '\n') {
          finish_field(quote_pos_);
          line_end(p);
        } else {  // text after the closing quote is kept, and reported
          if (!field_owned_) own_current_field(quote_pos_);
          if (record_.text_after_quote++ == 0)
            record_.text_after_quote_field = static_cast<std::uint32_t>(fields_.size());
          state_ = State::Unquoted;
        }
        break;
      }
    }
  }
  prev_byte_ = text.back();
  if (record_started_) save_pending_record(end);
}

void CsvTokenizer::finish(RecordSink& sink) {
  if (record_started_) {
    // Everything of this record is in owned_ / raw_carry_ (saved at the end of the last push).
    if (state_ == State::Quoted) record_.unterminated_quote = true;
    if (state_ == State::FieldStart) {  // "a,b," at the end: an empty last field
      field_owned_ = true;
      field_offset_ = static_cast<std::uint32_t>(owned_.size());
    }
    finish_field(nullptr);
    end_record(nullptr, sink);
  }
  state_ = State::FieldStart;
  skip_lf_ = false;
}

}  // namespace orderlens
