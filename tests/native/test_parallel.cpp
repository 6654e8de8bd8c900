// Parallel ingestion (a first part and a later part merged) must give exactly the report of a
// sequential ingestion, for every fixture and for split points that fall in awkward places; when
// the parts do not fit together, the first part continues alone and the result is still exact.
#include <doctest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "api/report_json.hpp"
#include "api/summary_options.hpp"
#include "fixture_support.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"
#include "ingest/record_start.hpp"

namespace fs = std::filesystem;
using namespace orderlens;
using orderlens::testing::read_file;
using orderlens::testing::run_report;
using orderlens::testing::source_dir;

namespace {

enum class Outcome { Merged, FirstPartContinued, NotSplit };

struct ParallelRun {
  nlohmann::ordered_json report;
  Outcome outcome = Outcome::NotSplit;
};

nlohmann::ordered_json report_of(IngestResult& r, const std::string& summary_json) {
  nlohmann::ordered_json out;
  out["diagnostics"] = diagnostics_json(r.diagnostics);
  out["customers"] = customers_json(*r.dataset, summarize_customers(*r.dataset, parse_summary_options(summary_json)));
  return out;
}

// How the later part's start is chosen: as the package does (the core's choice among the line
// starts of a window), or naively at the first line start, as if the choice had gone wrong.
enum class Split { Chosen, FirstLineStart };

std::optional<std::size_t> split_near(const Ingestor& first, const std::string& bytes, std::size_t near, Split how) {
  if (near >= bytes.size()) return std::nullopt;
  if (how == Split::Chosen) {
    const auto offset = first.later_part_start(std::string_view(bytes).substr(near, 1024 * 1024));
    return offset ? std::optional<std::size_t>(near + *offset) : std::nullopt;
  }
  const std::size_t lf = bytes.find('\n', near);
  if (lf == std::string::npos || lf + 1 >= bytes.size()) return std::nullopt;
  return lf + 1;
}

// What bindings/js does with two instances, in one process: the first part settles, the later
// part starts at the split with its settings, the first part stops at the later part's own
// first row and absorbs it (through the byte codec), or continues alone.
// A named delimiter, a short header search and a short profile let small files settle early.
constexpr const char* kOptions = R"({"delimiter": ",", "headerSearchRows": 2, "profileRows": 3})";

ParallelRun run_parallel(const std::string& bytes, std::size_t near, const std::string& summary_json,
                         std::size_t chunk = 4096, Split how = Split::Chosen) {
  ParallelRun run;
  Ingestor first(parse_ingest_options(kOptions));
  std::size_t fed = 0;
  auto feed_to = [&](std::size_t end) {
    while (fed < end) {
      const std::size_t n = std::min(chunk, end - fed);
      first.push(std::string_view(bytes).substr(fed, n));
      fed += n;
    }
  };
  std::optional<IngestSettings> settings;
  while (fed < near && !(settings = first.settings())) feed_to(std::min(near, fed + chunk));
  if (!settings) settings = first.settings();
  const auto split = settings ? split_near(first, bytes, std::max(near, fed), how) : std::nullopt;
  if (split && settings) {
    Ingestor later(parse_ingest_options(kOptions), *settings, *split);
    for (std::size_t at = *split; at < bytes.size(); at += chunk)
      later.push(std::string_view(bytes).substr(at, chunk));
    if (const auto own = later.split_offset(); own && *own >= fed) {
      const std::string part = later.finish_part();
      feed_to(*own);
      if (auto merged = first.finish_with_part(part)) {
        run.outcome = Outcome::Merged;
        run.report = report_of(*merged, summary_json);
        return run;
      }
      run.outcome = Outcome::FirstPartContinued;
    }
  }
  feed_to(bytes.size());
  IngestResult whole = first.finish();
  run.report = report_of(whole, summary_json);
  return run;
}

}  // namespace

TEST_CASE("parallel ingestion equals sequential ingestion on the generated exports") {
  for (const char* name : {"tests/fixtures/generated/shopify-small.csv", "samples/shopify-sample.csv"}) {
    CAPTURE(name);
    const std::string bytes = read_file(source_dir() / name);
    const auto sequential = run_report(bytes, kOptions, "", 0);
    for (double at : {0.5, 0.3, 0.77}) {
      CAPTURE(at);
      const ParallelRun run = run_parallel(bytes, static_cast<std::size_t>(bytes.size() * at), "");
      CHECK(run.outcome == Outcome::Merged);
      CHECK(run.report.dump() == sequential.dump());
    }
  }
}

TEST_CASE("parallel ingestion at every line of a small export equals sequential ingestion") {
  const std::string bytes = read_file(source_dir() / "tests/fixtures/hand/shopify-full-header.csv");
  const auto sequential = run_report(bytes, kOptions, "", 0);
  for (Split how : {Split::Chosen, Split::FirstLineStart}) {
    int merged = 0;
    for (std::size_t near = 1; near < bytes.size(); ++near) {
      if (bytes[near - 1] != '\n') continue;
      const ParallelRun run = run_parallel(bytes, near, "", 7, how);
      CAPTURE(near);
      CHECK(run.report.dump() == sequential.dump());
      merged += run.outcome == Outcome::Merged;
    }
    CHECK(merged > 0);
  }
}

namespace {

// Every row's note spans many lines that look like rows: almost every line feed is inside quotes.
std::string multi_line_notes_export() {
  std::string csv = "order_id,customer_id,date,amount,note\n";
  for (int i = 0; i < 200; ++i) {
    csv += "A" + std::to_string(i) + ",c" + std::to_string(i % 17) + ",2024-0" + std::to_string(1 + i % 9) + "-1" +
           std::to_string(i % 10) + "," + std::to_string(10 + i) + ".50,\"first line\n";
    for (int k = 0; k < 6; ++k) csv += "order_id,customer_id,date,amount,note line " + std::to_string(k) + "\n";
    csv += "last line\"\n";
  }
  return csv;
}

}  // namespace

TEST_CASE("a split inside a quoted value falls back to the first part, with the exact result") {
  const std::string csv = multi_line_notes_export();
  const auto sequential = run_report(csv, kOptions, "", 0);
  int fell_back = 0;
  for (double at : {0.4, 0.5, 0.61, 0.73}) {
    const ParallelRun run = run_parallel(csv, static_cast<std::size_t>(csv.size() * at), "", 4096, Split::FirstLineStart);
    CHECK(run.report.dump() == sequential.dump());
    fell_back += run.outcome == Outcome::FirstPartContinued;
  }
  CHECK(fell_back == 4);
}

TEST_CASE("the later part starts at a record, not inside a multi-line quoted value") {
  const std::string csv = multi_line_notes_export();
  const auto sequential = run_report(csv, kOptions, "", 0);
  for (double at : {0.4, 0.5, 0.61, 0.73}) {
    CAPTURE(at);
    const ParallelRun run = run_parallel(csv, static_cast<std::size_t>(csv.size() * at), "");
    CHECK(run.outcome == Outcome::Merged);
    CHECK(run.report.dump() == sequential.dump());
  }
}

TEST_CASE("likely_record_start picks the first line start from which records have the header's width") {
  const CsvDialect comma{',', '"'};
  // From inside a quoted value: "b" and "c" lines are out of step; the row at 'X' is the first
  // whose following records all have three fields.
  const std::string window = "tail of a note\nmore\",1\nX1,2,3\nX2,\"two\nlines\",3\nX3,,\n";
  CHECK(likely_record_start(window, comma, 3) == window.find("X1"));
  // No consistent line start (rows of varying width): the first line start.
  CHECK(likely_record_start("a\nb,c\nd\ne,f,g\n", comma, 3) == 2u);
  // A line feed only as the last byte, or none: nowhere.
  CHECK_FALSE(likely_record_start("abc,def\n", comma, 2).has_value());
  CHECK_FALSE(likely_record_start("abc,def", comma, 2).has_value());
  // Another delimiter.
  CHECK(likely_record_start("x;y\"\n1;2\n3;4\n", CsvDialect{';', '"'}, 2) == 5u);
}

TEST_CASE("an order id in both parts falls back to the first part, with the exact result") {
  std::string csv = "order_id,email,date,amount\n";
  for (int i = 0; i < 300; ++i)
    csv += "O" + std::to_string(i) + ",u" + std::to_string(i % 40) + "@x.com,2024-05-" + std::to_string(10 + i % 20) +
           "," + std::to_string(i) + "\n";
  csv += "O5,u5@x.com,2024-05-15,5\n";  // an order of the first half repeated at the end
  const auto sequential = run_report(csv, kOptions, "", 0);
  const ParallelRun run = run_parallel(csv, csv.size() / 2, "");
  CHECK(run.outcome == Outcome::FirstPartContinued);
  CHECK(run.report.dump() == sequential.dump());
}

TEST_CASE("a later part decodes and reports with file offsets and lines") {
  // Korean text after the split, and an invalid byte: the warning's line and byte offset are
  // those of the whole file.
  std::string csv = "order_id,email,date,amount,name\n";
  for (int i = 0; i < 300; ++i)
    csv += "O" + std::to_string(i) + ",u" + std::to_string(i) + "@x.com,2024-05-10," + std::to_string(i) + ",김민지\n";
  csv += "O300,u1@x.com,2024-05-11,3,bad\xFF\n";
  const auto sequential = run_report(csv, kOptions, "", 0);
  const ParallelRun run = run_parallel(csv, csv.size() * 2 / 3, "");
  CHECK(run.outcome == Outcome::Merged);
  CHECK(run.report.dump() == sequential.dump());
  CHECK(sequential["diagnostics"]["warnings"][0]["examples"][0]["line"] == 302);
}

TEST_CASE("a CP949 export merges: the split is a file offset, not an offset in the decoded text") {
  // 김민지 is 6 bytes in CP949 and 9 in UTF-8: before the fix the later part reported its split
  // 3 bytes too far per name before it, and the merge was always refused.
  std::string csv = "order_id,email,date,amount,name\n";
  for (int i = 0; i < 300; ++i)
    csv += "O" + std::to_string(i) + ",u" + std::to_string(i % 50) + "@x.com,2024-05-1" + std::to_string(i % 10) + "," +
           std::to_string(100 + i) + ",\xB1\xE8\xB9\xCE\xC1\xF6\n";
  const auto sequential = run_report(csv, kOptions, "", 0);
  REQUIRE(sequential["diagnostics"]["encoding"]["name"] == "cp949");
  // (Past the first 4 KB, which the first part holds to check the file type.)
  for (double at : {0.45, 0.6, 0.8}) {
    CAPTURE(at);
    const ParallelRun run = run_parallel(csv, static_cast<std::size_t>(csv.size() * at), "");
    CHECK(run.outcome == Outcome::Merged);
    CHECK(run.report.dump() == sequential.dump());
  }
}

TEST_CASE("invalid bytes in the rows both parts read are counted once") {
  // Order O150 has two rows; the later part starts at its second row, which holds an invalid
  // UTF-8 byte, so both parts decode it; the first part owns it. Another bad byte later on.
  std::string csv = "order_id,email,date,amount,name\n";
  std::size_t second_row_of_150 = 0;
  for (int i = 0; i < 300; ++i) {
    csv += "O" + std::to_string(i) + ",u" + std::to_string(i % 50) + "@x.com,2024-05-11," + std::to_string(i) + ",김\n";
    if (i == 150) {
      second_row_of_150 = csv.size();
      csv += "O150,u0@x.com,2024-05-11,1,bad\xFF\n";
    }
  }
  csv += "O300,u1@x.com,2024-05-12,3,bad\xFE\n";
  const auto sequential = run_report(csv, kOptions, "", 0);
  const auto& warnings = sequential["diagnostics"]["warnings"];
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0]["count"] == 2);
  // `near` just before the row: the later part starts at the first line start after it.
  const ParallelRun run = run_parallel(csv, second_row_of_150 - 1, "");
  CHECK(run.outcome == Outcome::Merged);
  CHECK(run.report.dump() == sequential.dump());
}

TEST_CASE("text the first part's decoder still holds at the seam is not lost in the merge") {
  // An all-ASCII first part whose first non-ASCII byte starts a line just before the seam: the
  // decoder holds the text from there while it decides the encoding, so the tokenizer, at a
  // record boundary, has not seen those rows.
  std::string csv = "name,order_id,email,date,amount\n";
  std::size_t seam = 0;
  for (int i = 0; i < 400; ++i) {
    const std::string name = i == 200 ? "\xEA\xB9\x80" : "kim";  // 김, the first non-ASCII text
    csv += name + ",O" + std::to_string(i) + ",u" + std::to_string(i % 50) + "@x.com,2024-05-11," + std::to_string(i) + "\n";
    if (i == 200) seam = csv.size();
  }
  const auto sequential = run_report(csv, kOptions, "", 0);
  REQUIRE(sequential["diagnostics"]["orders"]["total"] == 400);
  // The later part starts at O201 (near = the LF ending O200); its own rows start at O202.
  const ParallelRun run = run_parallel(csv, seam - 1, "");
  CHECK(run.report.dump() == sequential.dump());
}
