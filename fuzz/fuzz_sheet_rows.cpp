// A worksheet's rows (xlsx/sheet_reader.hpp with its row scanner, xlsx/sheet_rows.cpp) with
// random chunking, with and without shared strings and date styles. Control bytes: the
// chunking, the date system. Invariants: the rows of a chunked read equal those of a one-chunk
// read (up to an error, which must be an XmlError); row numbers increase.
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "xlsx/sheet_reader.hpp"
#include "xlsx/shared_strings.hpp"

namespace {

using namespace orderlens;
using namespace orderlens::xlsx;

std::vector<std::string> read_rows(std::string_view xml, const SharedStringsReader* shared, bool date1904, std::uint8_t seed) {
  std::vector<std::string> rows;
  std::uint64_t last_line = 0;
  try {
    SheetReader reader(shared, {false, true, false, true}, date1904, [&](const CsvRecord& record) {
      if (record.line <= last_line) fuzz::invariant_broken("sheet row numbers do not increase");
      last_line = record.line;
      std::string row = std::to_string(record.line) + ":" + std::string(record.raw()) + "|";
      for (std::size_t i = 0; i < record.size(); ++i) row += std::string(record.field(i)) + "\x1f";
      rows.push_back(std::move(row));
    });
    fuzz::push_in_chunks(xml, seed, [&](std::string_view piece) { reader.push(piece); });
    reader.finish();
  } catch (const XmlError&) {
    rows.push_back("error");  // the rows before it are the same whatever the chunking
  }
  return rows;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput in(data, size);
  const std::uint8_t seed = in.byte();
  const std::uint8_t flags = in.byte();
  const std::string xml(in.rest());
  // Three shared strings, one with an OOXML escape, so <c t="s"> cells resolve (or are out of range).
  SharedStringsReader shared;
  shared.push("<sst><si><t>alpha</t></si><si><r><t>be</t></r><r><t>ta</t></r></si><si><t>_x000D_g</t></si></sst>");
  shared.finish();
  const SharedStringsReader* strings = (flags & 1) ? &shared : nullptr;
  const bool date1904 = flags & 2;
  if (read_rows(xml, strings, date1904, 0) != read_rows(xml, strings, date1904, seed))
    fuzz::invariant_broken("a chunked sheet read differs from a one-chunk read");
  return 0;
}
