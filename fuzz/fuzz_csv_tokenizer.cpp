// CSV tokenizer (ingest/csv_tokenizer.hpp) with random chunking. Control bytes: the dialect,
// the chunking. Besides not crashing, the records of a chunked parse must be exactly those of a
// one-chunk parse (the tokenizer's promise), and a record's line numbers must not go backwards.
#include <algorithm>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "ingest/csv_tokenizer.hpp"
#include "ingest/ingest_error.hpp"

namespace {

using namespace orderlens;

// Each record as text that tells every field and flag apart.
struct Collect final : RecordSink {
  std::vector<std::string> records;
  std::uint64_t last_line = 0;
  void on_record(const CsvRecord& r) override {
    if (r.line < last_line) fuzz::invariant_broken("record lines go backwards");
    last_line = r.line;
    std::string s = std::to_string(r.line) + (r.blank ? "B" : "") + (r.unterminated_quote ? "U" : "") + "|" +
                    std::to_string(r.nul_bytes_removed) + "|" + std::to_string(r.text_after_quote) + "|" +
                    std::string(r.raw()) + "|";
    for (std::size_t i = 0; i < r.size(); ++i) s += std::to_string(r.field(i).size()) + ":" + std::string(r.field(i));
    records.push_back(std::move(s));
  }
};

// The records, or the error's text when the tokenizer refused the input.
std::vector<std::string> tokenize(std::string_view text, CsvDialect dialect, std::size_t limit, std::uint8_t seed) {
  Collect sink;
  try {
    CsvTokenizer tokenizer(dialect, limit);
    fuzz::push_in_chunks(text, seed, [&](std::string_view piece) { tokenizer.push(piece, sink); });
    tokenizer.finish(sink);
  } catch (const IngestError& e) {
    // A record over the limit: the records before it were delivered, and the error must name the
    // same line and limit. Its explanation may differ: a chunked read that stops inside a quoted
    // field blames the quote, a one-chunk read that sees the quote closed later does not (an open
    // finding, README "Hardening").
    const std::string message = e.what();
    const std::size_t end = std::min(message.find(';'), message.find(" because"));
    sink.records.push_back("error: " + message.substr(0, end));
  }
  return sink.records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput in(data, size);
  const std::uint8_t dialect_byte = in.byte();
  const std::uint8_t seed = in.byte();
  static constexpr char kDelimiters[4] = {',', ';', '\t', '|'};
  CsvDialect dialect;
  dialect.delimiter = kDelimiters[dialect_byte & 3];
  dialect.quote = (dialect_byte & 4) ? '\'' : '"';
  // A small record limit now and then, so the too-large path is explored too.
  const std::size_t limit = (dialect_byte & 8) ? 64 : std::size_t{1} << 20;
  const std::string text(in.rest());  // a copy: the views must not point into libFuzzer's buffer
  if (tokenize(text, dialect, limit, 0) != tokenize(text, dialect, limit, seed))
    fuzz::invariant_broken("a chunked parse differs from the one-chunk parse");
  return 0;
}
