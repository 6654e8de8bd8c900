// Delimiter sniffing and header / preset detection (ingest/delimiter_sniffer.hpp,
// ingest/column_mapping.hpp, events/event_layout.hpp) on the first rows of any text. Control
// byte: which preset is asked for ("auto" or one by name). Invariants: a chosen header row is
// one of the candidates, and its preset is the one asked for.
#include <string>
#include <vector>

#include "events/event_layout.hpp"
#include "fuzz_support.hpp"
#include "ingest/column_mapping.hpp"
#include "ingest/csv_tokenizer.hpp"
#include "ingest/delimiter_sniffer.hpp"
#include "ingest/header_search.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/presets.hpp"

namespace {

using namespace orderlens;

// The first 30 rows (as the ingestion holds them) as trimmed cells, with their lines.
struct Rows final : RecordSink {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::uint64_t> lines;
  void on_record(const CsvRecord& r) override {
    if (r.blank || cells.size() >= 30) return;
    cells.push_back(header_candidate_cells(r));
    lines.push_back(r.line);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput in(data, size);
  const std::uint8_t preset_byte = in.byte();
  const std::string text(in.rest());
  Rows rows;
  try {
    CsvTokenizer tokenizer({sniff_delimiter(text, true).delimiter, '"'}, std::size_t{1} << 20);
    tokenizer.push(text, rows);
    tokenizer.finish(rows);
  } catch (const IngestError&) {
    return 0;  // a record over the limit: no header to look for
  }
  const auto& presets = all_presets();
  const std::string_view key = preset_byte % (presets.size() + 1) == 0 ? "auto" : presets[preset_byte % (presets.size() + 1) - 1].key;
  try {
    const HeaderChoice choice = choose_header(rows.cells, rows.lines, key, ExplicitMapping{});
    if (choice.row >= rows.cells.size()) fuzz::invariant_broken("the header row is not a candidate");
    if (!choice.match.preset || (key != "auto" && choice.match.preset->key != key))
      fuzz::invariant_broken("the header matched another preset than the one asked for");
  } catch (const IngestError& e) {
    if (e.code() != IngestErrorCode::NoHeader) throw;
  }
  try {
    const EventHeaderChoice choice = choose_event_header(rows.cells, rows.lines, "auto", ExplicitEventMapping{});
    if (choice.row >= rows.cells.size()) fuzz::invariant_broken("the events header row is not a candidate");
  } catch (const IngestError& e) {
    if (e.code() != IngestErrorCode::NoHeader) throw;
  }
  return 0;
}
