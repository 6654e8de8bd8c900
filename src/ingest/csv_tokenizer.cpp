#include "ingest/csv_tokenizer.hpp"

#include "ingest/ingest_error.hpp"

namespace orderlens {

namespace {
inline unsigned char byte_of(char c) { return static_cast<unsigned char>(c); }
}  // namespace

CsvTokenizer::CsvTokenizer(CsvDialect dialect, std::size_t max_record_bytes)
    : dialect_(dialect), max_record_bytes_(max_record_bytes) {
  for (char c : {dialect_.delimiter, '\r', '\n', '\0'}) special_[byte_of(c)] = true;
  for (char c : {dialect_.quote, '\r', '\n', '\0'}) quoted_special_[byte_of(c)] = true;
  record_.line = 1;
}

void CsvTokenizer::append(const char* begin, const char* end) {
  const auto n = static_cast<std::size_t>(end - begin);
  if (n == 0) return;
  if (record_.buffer_.size() + n > max_record_bytes_) throw_too_large();
  record_.buffer_.append(begin, n);
}

void CsvTokenizer::throw_too_large() const {
  const std::size_t kb = max_record_bytes_ / 1024;
  const std::string limit = kb >= 1024 ? std::to_string(kb / 1024) + " MB" : std::to_string(kb) + " KB";
  std::string msg = "line " + std::to_string(record_.line) + ": one record is larger than " + limit;
  if (state_ == State::Quoted) {
    msg += " because the quote that opens field " + std::to_string(record_.quote_open_field + 1) +
           " at line " + std::to_string(record_.quote_open_line) +
           " is never closed; check that line for an unbalanced \"";
  } else {
    msg += "; the file may not be a CSV export";
  }
  throw IngestError(IngestErrorCode::RecordTooLarge, msg);
}

void CsvTokenizer::end_field() { record_.ends_.push_back(static_cast<std::uint32_t>(record_.buffer_.size())); }

void CsvTokenizer::end_record(RecordSink& sink) {
  if (record_started_) {
    end_field();
  } else {
    record_.blank = true;
  }
  sink.on_record(record_);
  record_.buffer_.clear();
  record_.ends_.clear();
  record_.blank = false;
  record_.unterminated_quote = false;
  record_.nul_bytes_removed = 0;
  record_.text_after_quote = 0;
  record_.text_after_quote_field = 0;
  record_.line = line_breaks_ + 1;
  record_started_ = false;
}

void CsvTokenizer::push(std::string_view text, RecordSink& sink) {
  if (text.empty()) return;
  const char* p = text.data();
  const char* const end = p + text.size();
  if (skip_lf_) {
    skip_lf_ = false;
    if (*p == '\n') ++p;
  }
  const char delimiter = dialect_.delimiter;
  const char quote = dialect_.quote;
  while (p < end) {
    switch (state_) {
      case State::FieldStart:
        if (*p == quote) {
          state_ = State::Quoted;
          record_started_ = true;
          record_.quote_open_line = line_breaks_ + 1;
          record_.quote_open_field = static_cast<std::uint32_t>(record_.ends_.size());
          ++p;
          break;
        }
        state_ = State::Unquoted;
        [[fallthrough]];
      case State::Unquoted: {
        const char* q = p;
        while (q < end && !special_[byte_of(*q)]) ++q;
        if (q > p) {
          append(p, q);
          record_started_ = true;
        }
        if (q == end) {
          p = q;
          break;
        }
        const char c = *q;
        p = q + 1;
        if (c == delimiter) {
          end_field();
          record_started_ = true;
          state_ = State::FieldStart;
        } else if (c == '\0') {
          ++record_.nul_bytes_removed;
          record_started_ = true;
        } else {  // CR or LF ends the record
          ++line_breaks_;
          end_record(sink);
          state_ = State::FieldStart;
          if (c == '\r') {
            if (p < end) {
              if (*p == '\n') ++p;
            } else {
              skip_lf_ = true;
            }
          }
        }
        break;
      }
      case State::Quoted: {
        const char* q = p;
        while (q < end && !quoted_special_[byte_of(*q)]) ++q;
        append(p, q);
        if (q == end) {
          p = q;
          break;
        }
        const char c = *q;
        p = q + 1;
        if (c == quote) {
          state_ = State::QuoteInQuoted;
        } else if (c == '\0') {
          ++record_.nul_bytes_removed;
        } else {  // a line end inside quotes is content; count the physical line
          const char before = q > text.data() ? q[-1] : prev_byte_;
          if (c == '\r' || before != '\r') ++line_breaks_;
          append(q, p);
        }
        break;
      }
      case State::QuoteInQuoted: {
        const char c = *p;
        if (c == quote) {  // "" inside quotes is one quote
          append(p, p + 1);
          state_ = State::Quoted;
          ++p;
        } else {
          // The field's quotes are closed; the delimiter or line end is handled as unquoted.
          // Any other byte is text after the closing quote, kept and reported.
          if (c != delimiter && c != '\r' && c != '\n') {
            if (record_.text_after_quote++ == 0)
              record_.text_after_quote_field = static_cast<std::uint32_t>(record_.ends_.size());
          }
          state_ = State::Unquoted;
        }
        break;
      }
    }
  }
  prev_byte_ = text.back();
}

void CsvTokenizer::finish(RecordSink& sink) {
  if (state_ == State::Quoted) record_.unterminated_quote = true;
  if (record_started_) end_record(sink);
  state_ = State::FieldStart;
  skip_lf_ = false;
}

}  // namespace orderlens
